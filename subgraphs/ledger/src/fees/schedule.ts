/**
 * The management fee schedule's arithmetic: pure functions, in UTC, from the pool's opening.
 *
 * - The schedule starts when the fee holiday ends: the opening plus `holidayMonths` months.
 * - Period k starts `k × length` months after that (ANNUAL 12, QUARTERLY 3; ONCE has one period,
 *   k = 0, and no end). Every start is counted from the opening itself, never from the previous
 *   start, and a day the month lacks is clamped to its last day: a pool opened on 31 January has
 *   quarters starting 30 April, 31 July, 31 October; one opened 29 February 2028 has its
 *   anniversaries on 28 February (and 29 February again in 2032). The time of day is kept.
 * - A period's fee is charged in advance, due at its start.
 * - No period is ever partial (the holiday moves the schedule instead of cutting a period), so
 *   there is no proration: a period's fee is basis × rate × months / 12, the rate a yearly one in
 *   basis points (ONCE charges the rate once, as a year's), rounded down to the minor unit
 *   (never more than the terms say).
 */

export type FeeFrequency = 'ONCE' | 'ANNUAL' | 'QUARTERLY';

export interface FeeScheduleTerms {
  frequency: FeeFrequency;
  /** Months from the opening without a fee (0: none). */
  holidayMonths: number;
}

export interface FeePeriod {
  /** 0 for the first period after the holiday. */
  index: number;
  /** When it starts: its fee is due then. */
  start: Date;
  /** When the next period starts; null for a ONCE fee. */
  end: Date | null;
}

/** Months per period (a ONCE fee is charged at the yearly rate). */
export const PERIOD_MONTHS: Record<FeeFrequency, number> = { ONCE: 12, ANNUAL: 12, QUARTERLY: 3 };

const daysInMonth = (year: number, month: number) =>
  new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

/** `months` months after `from`, in UTC, the day clamped to the target month's last day. */
export function addMonthsUtc(from: Date, months: number): Date {
  const total = from.getUTCMonth() + months;
  const year = from.getUTCFullYear() + Math.floor(total / 12);
  const month = ((total % 12) + 12) % 12;
  const day = Math.min(from.getUTCDate(), daysInMonth(year, month));
  return new Date(
    Date.UTC(
      year,
      month,
      day,
      from.getUTCHours(),
      from.getUTCMinutes(),
      from.getUTCSeconds(),
      from.getUTCMilliseconds(),
    ),
  );
}

/** Period `index` of the schedule (only 0 exists for ONCE). */
export function periodAt(openedAt: Date, terms: FeeScheduleTerms, index: number): FeePeriod {
  if (!Number.isSafeInteger(index) || index < 0 || (terms.frequency === 'ONCE' && index > 0)) {
    throw new RangeError(`no fee period ${index} for a ${terms.frequency} fee`);
  }
  const length = PERIOD_MONTHS[terms.frequency];
  const offset = terms.holidayMonths + index * length;
  return {
    index,
    start: addMonthsUtc(openedAt, offset),
    end: terms.frequency === 'ONCE' ? null : addMonthsUtc(openedAt, offset + length),
  };
}

/**
 * Every period due at `now` (started at or before it), oldest first: after downtime, all the
 * missed ones. A ONCE fee has at most one.
 */
export function duePeriods(openedAt: Date, terms: FeeScheduleTerms, now: Date): FeePeriod[] {
  const due: FeePeriod[] = [];
  for (let index = 0; ; index++) {
    if (terms.frequency === 'ONCE' && index > 0) break;
    const period = periodAt(openedAt, terms, index);
    if (period.start.getTime() > now.getTime()) break;
    due.push(period);
  }
  return due;
}

/** One period's fee: basis × bps × months / (12 × 10000), rounded down to the minor unit. */
export function periodFee(basisMinor: bigint, rateBps: number, frequency: FeeFrequency): bigint {
  if (basisMinor <= 0n || rateBps <= 0) return 0n;
  return (basisMinor * BigInt(rateBps) * BigInt(PERIOD_MONTHS[frequency])) / 120_000n;
}

/**
 * The idempotency key of a pool's period: one charge per pool and period, whoever posts it (two
 * workers at once, a rerun after a crash). The period is named by its start's UTC date.
 */
export const periodKey = (poolId: string, period: FeePeriod): string =>
  `management-fee:${poolId}:${period.start.toISOString().slice(0, 10)}`;

/** What a period's FEE transaction says it is. */
export const periodNote = (period: FeePeriod): string =>
  period.end
    ? `Management fee ${period.start.toISOString().slice(0, 10)} to ${period.end.toISOString().slice(0, 10)}`
    : `Management fee (once) ${period.start.toISOString().slice(0, 10)}`;
