import type { ExecutionResult } from 'graphql';

/**
 * One event's `next` frames: the result is serialized once, and each socket gets the same bytes
 * under its own subscription id, `{"id":…,"type":"next","payload":…}`, as graphql-ws would have
 * written them (a GraphQLError serializes through its toJSON, as graphql-ws does). Consecutive
 * subscribers with the same id share one buffer. The socket sends it as is: no stringify, no
 * string-to-bytes conversion, no queue per subscriber (stream.ts).
 */
export class EventFrames {
  private readonly tail: Buffer;
  private lastId: string | undefined;
  private lastFrame: Buffer | undefined;

  constructor(result: ExecutionResult) {
    this.tail = Buffer.from(`,"type":"next","payload":${JSON.stringify(result)}}`);
  }

  /** The frame for the client subscription `id`. */
  frameFor(id: string): Buffer {
    if (id !== this.lastId || !this.lastFrame) {
      this.lastFrame = Buffer.concat([Buffer.from(`{"id":${JSON.stringify(id)}`), this.tail]);
      this.lastId = id;
    }
    return this.lastFrame;
  }
}
