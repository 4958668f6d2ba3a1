import { Redis } from 'ioredis';
import { TEST_REDIS_URL } from '@poolgraph/testing';

/** A stream entry's event, as far as the benches read it. */
export interface StreamEvent {
  id?: string;
  type?: string;
  payload?: { transactionId?: string; raisedAt?: string };
}

/**
 * Reads a stream from the entry after `from` ('0-0': from its first) as it grows, on a
 * connection of its own; the returned function stops reading.
 */
export function tailStream(
  stream: string,
  onEntry: (streamId: string, event: StreamEvent) => void,
  from = '0-0',
) {
  const reader = new Redis(TEST_REDIS_URL);
  let reading = true;
  const done = (async () => {
    let lastId = from;
    while (reading) {
      const reply = (await reader
        .xread('COUNT', 1000, 'BLOCK', 500, 'STREAMS', stream, lastId)
        .catch(() => null)) as Array<[string, Array<[string, string[]]>]> | null;
      for (const [id, fields] of reply?.[0]?.[1] ?? []) {
        lastId = id;
        onEntry(id, JSON.parse(fields[1] ?? '{}') as StreamEvent);
      }
    }
  })();
  return async () => {
    reading = false;
    await done;
    reader.disconnect();
  };
}
