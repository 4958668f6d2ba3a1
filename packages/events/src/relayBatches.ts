import type { RedisClient } from '@poolgraph/platform';
import {
  markPublished,
  selectUnpublished,
  type OutboxRecord,
  type RelayConnection,
} from './outboxRows.ts';

/** A busy relay marks what it published at least this often (the outbox lag metrics read it). */
export const MARK_AFTER_MS = 200;

export interface RelayBatchOptions {
  redis: RedisClient;
  stream: string;
  table: string;
  batchSize: number;
  maxLen?: number;
  afterPublish?: (records: OutboxRecord[]) => Promise<void>;
  /** After rows are marked published. */
  marked: (records: OutboxRecord[]) => void;
}

/** One pipeline of XADDs; throws unless Redis took every one. */
async function xaddAll(options: RelayBatchOptions, records: OutboxRecord[]): Promise<void> {
  const { stream, maxLen } = options;
  const pipeline = options.redis.pipeline();
  for (const record of records) {
    if (maxLen) pipeline.xadd(stream, 'MAXLEN', '~', maxLen, '*', 'event', record.json);
    else pipeline.xadd(stream, '*', 'event', record.json);
  }
  const results = (await pipeline.exec()) ?? [];
  const failed = results.find(([error]) => error);
  if (failed) throw failed[0];
  if (results.length === 0 && records.length > 0) throw new Error('redis pipeline was aborted');
}

/**
 * Batches under the relay lock held on `connection`, back to back while `more(published)` says
 * so. A batch is a read in seq order (leaving out rows already published) and an XADD; the
 * UPDATE that marks rows published follows once a batch's worth has gathered, MARK_AFTER_MS has
 * passed, or the batches end (before the lock is released, so the next holder never reads
 * them). A busy relay thus spends two round trips per batch, and a crash republishes at most
 * the unmarked rows.
 */
export async function publishBatches(
  connection: RelayConnection,
  options: RelayBatchOptions,
  more: (published: number) => boolean | Promise<boolean>,
): Promise<number> {
  const { table, batchSize } = options;
  let total = 0;
  let unmarked: OutboxRecord[] = [];
  let firstUnmarkedAt = 0;
  const mark = async () => {
    if (unmarked.length === 0) return;
    const records = unmarked;
    unmarked = [];
    await markPublished(
      connection,
      table,
      records.map((r) => r.seq),
    );
    options.marked(records);
  };
  try {
    for (;;) {
      const skip = unmarked.map((r) => r.seq);
      const records = await selectUnpublished(connection, table, batchSize, skip);
      if (records.length > 0) {
        await xaddAll(options, records);
        await options.afterPublish?.(records);
        if (unmarked.length === 0) firstUnmarkedAt = Date.now();
        unmarked.push(...records);
        total += records.length;
      }
      if (!(await more(records.length))) break;
      if (unmarked.length >= batchSize || Date.now() - firstUnmarkedAt >= MARK_AFTER_MS) {
        await mark();
      }
    }
  } catch (error) {
    // What reached the stream before the failure (Redis went away) need not go again.
    await mark().catch(() => {});
    throw error;
  }
  await mark();
  return total;
}
