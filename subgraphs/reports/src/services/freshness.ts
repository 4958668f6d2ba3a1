import type { RedisClient } from '@poolgraph/platform';

const streamMs = (id: string) => Number(id.split('-')[0]);

function field(reply: unknown[], name: string): unknown {
  for (let i = 0; i + 1 < reply.length; i += 2) if (reply[i] === name) return reply[i + 1];
  return undefined;
}

/**
 * How far the group is behind its stream, in seconds: the age of the oldest entry it has not
 * acknowledged (pending, or not yet delivered). Zero when it is caught up or the stream does
 * not exist yet. Stream ids carry the time the relay appended the entry.
 */
export async function streamLagSeconds(redis: RedisClient, stream: string, group: string) {
  let groups: unknown[][];
  try {
    groups = (await redis.xinfo('GROUPS', stream)) as unknown[][];
  } catch (error) {
    if (String((error as Error).message).includes('no such key')) return 0;
    throw error;
  }
  const info = groups.find((g) => field(g, 'name') === group);
  const oldest: number[] = [];
  const lastDelivered = info ? String(field(info, 'last-delivered-id')) : '0-0';
  if (info && Number(field(info, 'pending')) > 0) {
    const [, minId] = (await redis.xpending(stream, group)) as [number, string | null];
    if (minId) oldest.push(streamMs(minId));
  }
  const next = (await redis.xrange(stream, `(${lastDelivered}`, '+', 'COUNT', 1)) as Array<
    [string, string[]]
  >;
  if (next[0]) oldest.push(streamMs(next[0][0]));
  if (oldest.length === 0) return 0;
  return Math.max(0, (Date.now() - Math.min(...oldest)) / 1000);
}
