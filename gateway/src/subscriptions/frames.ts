import type { ExecutionResult } from 'graphql';

/**
 * One event's result is serialized once and the same text goes to every socket that receives
 * it, instead of graphql-ws stringifying the whole result again per subscriber.
 *
 * graphql-ws builds each `next` message as `{ id, type, payload }` and stringifies it right
 * before handing it to the socket, synchronously. The payload we give it is a stand-in whose
 * `toJSON` leaves a placeholder and remembers the pre-serialized text; the socket's send
 * (`spliceFrame`, installed in websocket.ts) swaps the placeholder for that text. So per
 * subscriber only the small envelope with its own `id` is stringified. The placeholder is a
 * JSON string no result can produce at the end of a message (a payload is always an object),
 * and only a stand-in's toJSON arms the swap.
 */
const PLACEHOLDER = '\u0000poolgraph-pre-serialized\u0000';
const PLACEHOLDER_TAIL = `"payload":${JSON.stringify(PLACEHOLDER)}}`;

let armed: string | undefined;

/** A result as graphql-ws will take it (an object), serialized now, once. */
export function preSerialized(result: ExecutionResult): ExecutionResult {
  const text = JSON.stringify(result);
  // Own and enumerable: graphql-ws copies the payload with `{ ...result }` before stringifying.
  return {
    toJSON: () => {
      armed = text;
      return PLACEHOLDER;
    },
  } as unknown as ExecutionResult;
}

/** The frame a socket should send: graphql-ws's message with a pre-serialized payload spliced in. */
export function spliceFrame<T>(data: T): T {
  const text = armed;
  if (text === undefined || typeof data !== 'string' || !data.endsWith(PLACEHOLDER_TAIL))
    return data;
  armed = undefined;
  return `${data.slice(0, data.length - PLACEHOLDER_TAIL.length)}"payload":${text}}` as T;
}
