import { scanKeys, type RedisClient } from '@poolgraph/platform';

/** One consumer group's place, as the backup saves it. */
export interface GroupPosition {
  name: string;
  lastDeliveredId: string;
  pending: number;
  /**
   * The group resumes after this id: just before its oldest unacknowledged entry (a consumer
   * may not have applied it yet), else its last-delivered id. Replays of entries it had applied
   * already are harmless: consumers apply each event id once.
   */
  resumeAfter: string;
}

export interface StreamBackup {
  stream: string;
  lastGeneratedId: string;
  groups: GroupPosition[];
}

export type StreamEntry = [id: string, fields: string[]];

const parseId = (id: string): [bigint, bigint] => {
  const [ms, seq = '0'] = id.split('-');
  return [BigInt(ms ?? '0'), BigInt(seq)];
};

export function compareIds(a: string, b: string): number {
  const [am, as] = parseId(a);
  const [bm, bs] = parseId(b);
  if (am !== bm) return am < bm ? -1 : 1;
  return as === bs ? 0 : as < bs ? -1 : 1;
}

/** The greatest id below `id` ("0-0" stays "0-0"). */
export function idBefore(id: string): string {
  const [ms, seq] = parseId(id);
  if (seq > 0n) return `${ms}-${seq - 1n}`;
  if (ms > 0n) return `${ms - 1n}-18446744073709551615`;
  return '0-0';
}

const field = (list: unknown[], name: string): unknown => list[list.indexOf(name) + 1];

/**
 * Every stream under the deployment's prefix (ledger.events, pools.events, and any new one), on
 * every master of a cluster (SCAN walks only the node it is sent to).
 */
export async function streamsUnder(redis: RedisClient, prefix: string): Promise<string[]> {
  const found = new Set<string>();
  for await (const keys of scanKeys(redis, `${prefix}*`, { count: 1000, type: 'stream' })) {
    for (const key of keys) found.add(key);
  }
  return [...found].sort();
}

/** Each group's resume point and the stream's last id (XINFO STREAM, XINFO GROUPS, XPENDING). */
export async function readPositions(redis: RedisClient, stream: string): Promise<StreamBackup> {
  const info = (await redis.xinfo('STREAM', stream)) as unknown[];
  const replies = (await redis.xinfo('GROUPS', stream)) as unknown[][];
  const groups: GroupPosition[] = [];
  for (const reply of replies) {
    const name = String(field(reply, 'name'));
    const lastDeliveredId = String(field(reply, 'last-delivered-id'));
    const pending = Number(field(reply, 'pending'));
    let resumeAfter = lastDeliveredId;
    if (pending > 0) {
      const oldest = (await redis.xpending(stream, name, '-', '+', 1)) as Array<[string]>;
      if (oldest[0]) resumeAfter = idBefore(oldest[0][0]);
    }
    groups.push({ name, lastDeliveredId, pending, resumeAfter });
  }
  return { stream, lastGeneratedId: String(field(info, 'last-generated-id')), groups };
}

/**
 * The entries some group may still need (after the lowest resume point), or every entry when the
 * stream has no group yet. Read in pages, oldest first.
 */
export async function* entriesToKeep(
  redis: RedisClient,
  backup: StreamBackup,
): AsyncGenerator<StreamEntry[]> {
  const lowest = backup.groups.map((g) => g.resumeAfter).sort(compareIds)[0];
  let start = lowest ? `(${lowest}` : '-';
  for (;;) {
    const page = (await redis.xrange(backup.stream, start, '+', 'COUNT', 1000)) as StreamEntry[];
    if (page.length === 0) return;
    yield page;
    start = `(${page[page.length - 1]![0]}`;
  }
}

/**
 * Puts a stream back as it was backed up: its entries with their original ids, its groups at
 * their resume points, its last id. The stream must not exist (the caller deletes it first).
 */
export async function restoreStream(
  redis: RedisClient,
  backup: StreamBackup,
  entries: AsyncIterable<StreamEntry[]>,
): Promise<number> {
  let count = 0;
  for await (const page of entries) {
    const batch = redis.pipeline();
    for (const [id, fields] of page) batch.xadd(backup.stream, id, ...fields);
    const results = (await batch.exec()) ?? [];
    const failed = results.find(([error]) => error);
    if (failed) throw failed[0];
    count += page.length;
  }
  for (const group of backup.groups) {
    await redis.xgroup('CREATE', backup.stream, group.name, group.resumeAfter, 'MKSTREAM');
  }
  if (backup.groups.length === 0 && count === 0) return 0;
  await redis.call('XSETID', backup.stream, backup.lastGeneratedId);
  return count;
}
