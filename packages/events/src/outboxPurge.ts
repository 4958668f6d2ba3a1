import type { MysqlPool } from '@poolgraph/platform';

/** Rows per DELETE: short statements, so row locks and undo stay small beside the relay. */
export const PURGE_BATCH = 10_000;

/**
 * Deletes every outbox row published more than `olderThanMs` ago, PURGE_BATCH rows per
 * statement until a batch comes back short; returns how many. Unpublished rows (NULL
 * published_at) never match. Uses the (published_at, seq) index the relay's scan uses.
 */
export async function purgePublishedRows(
  pool: MysqlPool,
  table: string,
  olderThanMs: number,
): Promise<number> {
  const connection = await pool.getConnection();
  try {
    // One cutoff on the database's clock (published_at is written with it) for every batch,
    // so rows published meanwhile do not keep the loop going.
    await connection.query(
      'SET @outbox_purge_cutoff = CURRENT_TIMESTAMP(3) - INTERVAL ? MICROSECOND',
      [Math.max(0, Math.floor(olderThanMs)) * 1000],
    );
    let purged = 0;
    for (;;) {
      const [result] = await connection.query(
        `DELETE FROM \`${table}\` WHERE published_at < @outbox_purge_cutoff LIMIT ${PURGE_BATCH}`,
      );
      const deleted = (result as { affectedRows?: number }).affectedRows ?? 0;
      purged += deleted;
      if (deleted < PURGE_BATCH) return purged;
    }
  } finally {
    connection.release();
  }
}
