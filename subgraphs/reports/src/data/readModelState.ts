import { sql } from 'drizzle-orm';
import type { ReportsQueryable } from '../db/index.ts';
import { selectRows } from './rows.ts';

/** recordApplied: the newest transaction time applied so far, and when it was applied. */
export async function recordApplied(tx: ReportsQueryable, newest: Date): Promise<void> {
  await tx.execute(sql`
    INSERT INTO read_model_state (id, last_event_at, last_applied_at)
    VALUES (1, ${newest}, CURRENT_TIMESTAMP(3))
    ON DUPLICATE KEY UPDATE
      last_event_at = GREATEST(COALESCE(last_event_at, VALUES(last_event_at)), VALUES(last_event_at)),
      last_applied_at = VALUES(last_applied_at)`);
}

export interface ReadModelState {
  lastEventAt: Date | null;
  lastAppliedAt: Date | null;
}

/** selectReadModelState: nulls before the first event. */
export async function selectReadModelState(db: ReportsQueryable): Promise<ReadModelState> {
  const [row] = await selectRows<{ last_event_at: Date | null; last_applied_at: Date | null }>(
    db,
    sql`SELECT last_event_at, last_applied_at FROM read_model_state WHERE id = 1`,
  );
  return { lastEventAt: row?.last_event_at ?? null, lastAppliedAt: row?.last_applied_at ?? null };
}
