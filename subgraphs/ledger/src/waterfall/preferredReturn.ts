/**
 * The preferred return (hurdle) a member has accrued, as a pure function of dated capital flows
 * in bigint minor units. It accrues on unreturned capital: a contribution starts accruing on its
 * date, a withdrawal or a distribution that returns capital stops the accrual on what it took
 * back from its date (a distribution returns capital first, as the waterfall pays it).
 *
 * Day count actual/365 (whole days between the flow and the distribution). SIMPLE: rate × days
 * / 365. COMPOUND: compounded once per whole year since the flow, simple within the last,
 * partial year: (1 + rate)^years × (1 + rate × days / 365) − 1. Every term is an exact rational
 * in bigint; the sum is rounded down once, to the minor unit, so the member is never promised a
 * fraction of a cent the pool cannot pay.
 */
export type Compounding = 'SIMPLE' | 'COMPOUND';

export interface CapitalFlow {
  at: Date;
  /** Positive: capital in (a contribution); negative: capital back (withdrawal, returned capital). */
  amount: bigint;
}

const BPS = 10000n;
const YEAR_DAYS = 365n;
const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (0 when `from` is later). */
export function daysBetween(from: Date, to: Date): bigint {
  const days = Math.floor((to.getTime() - from.getTime()) / DAY_MS);
  return BigInt(Math.max(0, days));
}

/**
 * Σ amount × growth(days) exactly, rounded down once, never below zero. `growth` for a flow of
 * `d` days is (n whole years, r remaining days): (1 + rate)^n × (1 + rate × r / 365) − 1 for
 * COMPOUND, rate × d / 365 for SIMPLE.
 */
export function accruedPreferred(
  flows: readonly CapitalFlow[],
  asOf: Date,
  hurdleBps: number,
  compounding: Compounding,
): bigint {
  const rate = BigInt(hurdleBps);
  if (rate === 0n || flows.length === 0) return 0n;
  const spans = flows.map((f) => ({ amount: f.amount, days: daysBetween(f.at, asOf) }));
  if (compounding === 'SIMPLE') {
    const numerator = spans.reduce((sum, s) => sum + s.amount * rate * s.days, 0n);
    return floorPositive(numerator, BPS * YEAR_DAYS);
  }
  // A common denominator BPS^(maxYears + 1) × 365 keeps every term exact.
  const maxYears = spans.reduce((m, s) => (s.days / YEAR_DAYS > m ? s.days / YEAR_DAYS : m), 0n);
  const denominator = BPS ** (maxYears + 1n) * YEAR_DAYS;
  let numerator = 0n;
  for (const { amount, days } of spans) {
    const years = days / YEAR_DAYS;
    const rest = days % YEAR_DAYS;
    // (BPS + rate)^years × (BPS × 365 + rate × rest) / (BPS^(years + 1) × 365), scaled up.
    const grown = (BPS + rate) ** years * (BPS * YEAR_DAYS + rate * rest);
    const scaled = grown * BPS ** (maxYears - years);
    numerator += amount * (scaled - denominator);
  }
  return floorPositive(numerator, denominator);
}

function floorPositive(numerator: bigint, denominator: bigint): bigint {
  return numerator <= 0n ? 0n : numerator / denominator;
}

/** One posted movement of a member's, as the waterfall reads the pool's history. */
export interface MemberMovement {
  type: 'CONTRIBUTION' | 'WITHDRAWAL' | 'DISTRIBUTION';
  amount: bigint;
  at: Date;
}

/**
 * A member's capital flows from their movements in time order: contributions add capital,
 * withdrawals and distributions take back at most the capital still unreturned (a distribution
 * beyond it is profit and changes no capital).
 */
export function capitalFlows(movements: readonly MemberMovement[]): CapitalFlow[] {
  let unreturned = 0n;
  const flows: CapitalFlow[] = [];
  for (const m of movements) {
    if (m.type === 'CONTRIBUTION') {
      unreturned += m.amount;
      flows.push({ at: m.at, amount: m.amount });
      continue;
    }
    const back = m.amount < unreturned ? m.amount : unreturned;
    if (back === 0n) continue;
    unreturned -= back;
    flows.push({ at: m.at, amount: -back });
  }
  return flows;
}
