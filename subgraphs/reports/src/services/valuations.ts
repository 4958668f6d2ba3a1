import { formatMoneyText, parseAmount } from '@poolgraph/money';
import { badUserInput, conflict, isUuid, notFound, uuidv7 } from '@poolgraph/platform';
import { requireValuationWriter } from '../access.ts';
import type { Context } from '../context.ts';
import { selectFirstMovementDay } from '../data/movements.ts';
import { selectPoolFactsByIds } from '../data/poolFacts.ts';
import { insertValuation, selectValuation, type ValuationRow } from '../data/valuations.ts';

export interface RecordValuationArgs {
  poolId: string;
  date: string;
  value: string;
  note?: string | null;
  replace?: boolean | null;
}

export const MAX_NOTE_LENGTH = 1000;
/**
 * The latest day that is not in the future anywhere: today in UTC+14, the earliest time zone,
 * so a manager east of UTC can value their own today.
 */
const EARLIEST_ZONE_MS = 14 * 3_600_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day "YYYY-MM-DD", or BAD_USER_INPUT on `input.date`. */
function parseDay(text: string): string {
  const date = new Date(`${text}T00:00:00Z`);
  if (!DAY.test(text) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
    throw badUserInput('input.date', `must be a day such as "2026-01-31", got "${text}".`);
  }
  return text;
}

const utcDay = (instant: Date): string => instant.toISOString().slice(0, 10);

/**
 * recordValuation: the pool's manager or an ADMIN records what the pool's net assets were
 * worth on a day. Checks, in order: the pool is known, the caller may, the day is real, not in
 * the future and not before the pool existed (its first snapshot or its first cash flow,
 * whichever is earlier), the value is a non-negative amount in the pool's currency, the note
 * fits. One valuation per pool and day: another for the same day is CONFLICT unless `replace`.
 */
export async function recordValuation(
  context: Context,
  input: RecordValuationArgs,
): Promise<ValuationRow> {
  const { db, viewer } = context;
  if (!isUuid(input.poolId)) throw notFound('Pool');
  const [facts] = await selectPoolFactsByIds(db, [input.poolId]);
  if (!facts) throw notFound('Pool');
  const who = requireValuationWriter(viewer, facts);
  const date = parseDay(input.date.trim());
  const now = new Date();
  const latest = utcDay(new Date(now.getTime() + EARLIEST_ZONE_MS));
  if (date > latest) {
    throw badUserInput('input.date', `${date} is in the future; a valuation states a past value.`);
  }
  const firstFlow = await selectFirstMovementDay(db, facts.poolId);
  const created = facts.createdAt ? utcDay(facts.createdAt) : null;
  const existed = [created, firstFlow].filter((d): d is string => d !== null).sort()[0];
  if (existed !== undefined && date < existed) {
    throw badUserInput('input.date', `${date} is before the pool existed (${existed}).`);
  }
  const text = input.value.trim();
  if (text.startsWith('-')) {
    throw badUserInput('input.value', `must be zero or more, got "${input.value}".`);
  }
  const valueMinor = parseAmount(text, facts.currency, { field: 'input.value', allowZero: true });
  const note = input.note?.trim() || null;
  if (note !== null && note.length > MAX_NOTE_LENGTH) {
    throw badUserInput('input.note', `must be at most ${MAX_NOTE_LENGTH} characters.`);
  }
  const row: ValuationRow = {
    id: uuidv7(),
    poolId: facts.poolId,
    date,
    currency: facts.currency,
    valueMinor,
    note,
    recordedBy: who.userId,
    recordedAt: now,
  };
  const replace = input.replace === true;
  return db.transaction(async (tx) => {
    if (!(await insertValuation(tx, row, replace))) {
      const existing = await selectValuation(tx, facts.poolId, date);
      throw conflict(
        `The pool already has a valuation on ${date}` +
          (existing ? ` (${formatMoneyText(existing.valueMinor, existing.currency)})` : '') +
          '; record it with replace to change it.',
      );
    }
    const stored = await selectValuation(tx, facts.poolId, date);
    if (!stored) throw new Error('valuation vanished after insert');
    return stored;
  });
}
