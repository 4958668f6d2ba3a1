import type { RedisClient } from '@poolgraph/platform';

/** A stream entry id as its two numbers, so ids compare exactly (no float, no string order). */
function parseStreamId(id: string): [ms: bigint, seq: bigint] {
  const [ms, seq = '0'] = id.split('-');
  return [BigInt(ms ?? '0'), BigInt(seq)];
}

const compareStreamIds = (a: string, b: string): number => {
  const [aMs, aSeq] = parseStreamId(a);
  const [bMs, bSeq] = parseStreamId(b);
  if (aMs !== bMs) return aMs < bMs ? -1 : 1;
  return aSeq === bSeq ? 0 : aSeq < bSeq ? -1 : 1;
};

/** The smallest id after `id`: trimming below it removes `id` itself too. */
function nextStreamId(id: string): string {
  const [ms, seq] = parseStreamId(id);
  return `${ms}-${seq + 1n}`;
}

/** XINFO GROUPS answers one flat [field, value, …] list per group. */
function groupsOf(reply: unknown): Array<{ name: string; lastDeliveredId: string }> {
  if (!Array.isArray(reply)) return [];
  return reply.map((fields: unknown[]) => {
    const value = (name: string) => String(fields[fields.indexOf(name) + 1]);
    return { name: value('name'), lastDeliveredId: value('last-delivered-id') };
  });
}

/**
 * The lowest stream id some consumer group may still need: per group, its oldest pending
 * (delivered, unacknowledged) entry, or with nothing pending the entry after the last one it
 * was given; the minimum over groups. Undefined when the stream has no group (or no stream):
 * a consumer that is not deployed yet must not find its events gone.
 *
 * Each group's last-delivered id is read before its pending list, and both only move forward,
 * so a point read while consumers work is at most too low (it trims less), never too high.
 */
export async function acknowledgedTrimPoint(
  redis: RedisClient,
  stream: string,
): Promise<string | undefined> {
  let reply: unknown;
  try {
    reply = await redis.xinfo('GROUPS', stream);
  } catch (error) {
    if (String((error as Error).message).includes('no such key')) return undefined;
    throw error;
  }
  let safe: string | undefined;
  for (const group of groupsOf(reply)) {
    // Summary form: [count, smallest pending id, greatest pending id, per-consumer counts].
    const [count, smallest] = (await redis.xpending(stream, group.name)) as [number, string | null];
    const needed = Number(count) > 0 && smallest ? smallest : nextStreamId(group.lastDeliveredId);
    if (safe === undefined || compareStreamIds(needed, safe) < 0) safe = needed;
  }
  return safe;
}

/**
 * Deletes the stream entries every consumer group has acknowledged (exact XTRIM MINID: the
 * entry at the trim point stays). Returns how many were deleted; 0 when there is no group.
 */
export async function trimAcknowledgedEntries(redis: RedisClient, stream: string): Promise<number> {
  const point = await acknowledgedTrimPoint(redis, stream);
  if (point === undefined) return 0;
  return redis.xtrim(stream, 'MINID', point);
}
