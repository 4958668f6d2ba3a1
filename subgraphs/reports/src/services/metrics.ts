/**
 * Performance metrics as pure functions (the reports README, "Performance metrics", states the
 * definitions). Money stays bigint minor units; ratios are exact Decimal strings to
 * RATIO_DECIMALS places, rounded down; only the IRR is computed in floating point (it is a rate
 * found by iteration, never an amount of money) and is rounded to IRR_DECIMALS places.
 */

export const RATIO_DECIMALS = 6;
export const IRR_DECIMALS = 6;

/** `numerator / denominator` to 6 decimals, rounded down; null unless denominator > 0. */
export function ratio(numerator: bigint, denominator: bigint): string | null {
  if (denominator <= 0n || numerator < 0n) return null;
  const scale = 10n ** BigInt(RATIO_DECIMALS);
  const digits = ((numerator * scale) / denominator).toString().padStart(RATIO_DECIMALS + 1, '0');
  return `${digits.slice(0, -RATIO_DECIMALS)}.${digits.slice(-RATIO_DECIMALS)}`;
}

/** What a pool, or one investor in it, put in and got back, in minor units. */
export interface CapitalTotals {
  contributed: bigint;
  distributed: bigint;
  withdrawn: bigint;
  fees: bigint;
}

/** Paid-in capital net of withdrawals: the base of every multiple (and of NAV shares). */
export const netPaidIn = (t: CapitalTotals): bigint => t.contributed - t.withdrawn;

export interface Multiples {
  dpi: string | null;
  rvpi: string | null;
  tvpi: string | null;
  moic: string | null;
}

/**
 * DPI = distributed / net paid-in; RVPI = NAV / net paid-in; TVPI = (distributed + NAV) / net
 * paid-in (= DPI + RVPI up to rounding); MOIC = (distributed + NAV + fees) / net paid-in, the
 * multiple gross of fees. Without a NAV (no valuation yet) only DPI is defined.
 */
export function multiples(t: CapitalTotals, nav: bigint | null): Multiples {
  const base = netPaidIn(t);
  return {
    dpi: ratio(t.distributed, base),
    rvpi: nav === null ? null : ratio(nav, base),
    tvpi: nav === null ? null : ratio(t.distributed + nav, base),
    moic: nav === null ? null : ratio(t.distributed + nav + t.fees, base),
  };
}

/** A pool's flows after a valuation's date, which move its value from that day on. */
export interface FlowsAfter {
  contributed: bigint;
  distributed: bigint;
  withdrawn: bigint;
  fees: bigint;
}

/**
 * NAV: the latest valuation plus contributions, less distributions, withdrawals and fees
 * posted on later UTC days (a valuation covers its whole day); never below zero.
 */
export function netAssetValue(valuation: bigint, after: FlowsAfter): bigint {
  const nav = valuation + after.contributed - after.distributed - after.withdrawn - after.fees;
  return nav > 0n ? nav : 0n;
}

/** One dated cash flow seen from the investors' side: negative in, positive out. */
export interface DatedFlow {
  /** UTC day, "YYYY-MM-DD". */
  day: string;
  amount: bigint;
}

const DAY_MS = 86_400_000;
const dayNumber = (day: string): number => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/**
 * XIRR: the annual rate r with Σ amount_i / (1 + r)^((day_i − day_0) / 365) = 0, days actual,
 * as spreadsheets define it. Null when undefined: fewer than one inflow and one outflow, or no
 * root found. Newton's method from 10 % first; when it leaves (−1, ∞), stalls or does not
 * converge in 100 steps, bisection over a bracket found by widening [−0.999999, 1] upwards.
 */
export function xirr(flows: readonly DatedFlow[]): number | null {
  const nonZero = flows.filter((f) => f.amount !== 0n);
  if (!nonZero.some((f) => f.amount > 0n) || !nonZero.some((f) => f.amount < 0n)) return null;
  const first = Math.min(...nonZero.map((f) => dayNumber(f.day)));
  // Scaled to the largest flow so that pools of any size converge alike.
  const largest = Math.max(...nonZero.map((f) => Math.abs(Number(f.amount))));
  const points = nonZero.map((f) => ({
    years: (dayNumber(f.day) - first) / 365,
    amount: Number(f.amount) / largest,
  }));
  const value = (r: number) => points.reduce((s, p) => s + p.amount / (1 + r) ** p.years, 0);
  const slope = (r: number) =>
    points.reduce((s, p) => s - (p.years * p.amount) / (1 + r) ** (p.years + 1), 0);
  return newton(value, slope) ?? bisection(value);
}

const TOLERANCE = 1e-10;

function newton(value: (r: number) => number, slope: (r: number) => number): number | null {
  let r = 0.1;
  for (let step = 0; step < 100; step++) {
    const v = value(r);
    const d = slope(r);
    if (!Number.isFinite(v) || !Number.isFinite(d) || d === 0) return null;
    const next = r - v / d;
    if (!Number.isFinite(next) || next <= -1) return null;
    if (Math.abs(next - r) < TOLERANCE) return Math.abs(value(next)) < 1e-7 ? next : null;
    r = next;
  }
  return null;
}

function bisection(value: (r: number) => number): number | null {
  let lo = -0.999999;
  let hi = 1;
  const atLo = value(lo);
  while (Math.sign(value(hi)) === Math.sign(atLo) && hi < 1e9) hi *= 2;
  if (!Number.isFinite(atLo) || Math.sign(value(hi)) === Math.sign(atLo)) return null;
  for (let step = 0; step < 300 && hi - lo > TOLERANCE; step++) {
    const mid = (lo + hi) / 2;
    if (Math.sign(value(mid)) === Math.sign(atLo)) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** The IRR as the schema returns it: a Decimal string to 6 places ("0.373363"), or null. */
export function formatRate(rate: number | null): string | null {
  if (rate === null || !Number.isFinite(rate)) return null;
  const text = rate.toFixed(IRR_DECIMALS);
  return text === `-${(0).toFixed(IRR_DECIMALS)}` ? (0).toFixed(IRR_DECIMALS) : text;
}
