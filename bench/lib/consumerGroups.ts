import type { Redis } from '@poolgraph/platform';

export interface GroupLag {
  name: string;
  pending: number;
  lag: number;
}

/** Each consumer group of a stream, with its unacknowledged (pending) and unread (lag) entries. */
export async function groupLags(redis: Redis, stream: string): Promise<GroupLag[]> {
  const groups = (await redis.xinfo('GROUPS', stream)) as Array<Array<string | number>>;
  return groups.map((g) => {
    const field = (name: string) => g[g.indexOf(name) + 1];
    return {
      name: String(field('name')),
      pending: Number(field('pending')),
      lag: Number(field('lag')),
    };
  });
}

/** Polls until every group has read and acknowledged everything; false after `timeoutMs`. */
export async function untilGroupsCaughtUp(
  redis: Redis,
  stream: string,
  timeoutMs: number,
  everyMs = 100,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await groupLags(redis, stream)).every((g) => g.pending === 0 && g.lag === 0)) return true;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return false;
}
