import { uuidv7 } from '@poolgraph/platform';
import type { ContributionRow } from '../src/data/contributions.ts';

/** A small deterministic PRNG (mulberry32), so a failing dataset can be replayed by seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Contributions with many ties: few amounts (so equal totals are common), a few pools per
 * investor, dates spread over 2024–2026 with some on period boundaries.
 */
export function randomContributions(seed: number, count: number) {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const currencies = ['USD', 'EUR', 'JPY'];
  const pools = Array.from({ length: 12 }, (_, i) => ({
    id: uuidv7(),
    currency: currencies[i % 3]!,
  }));
  const investors = Array.from({ length: 40 }, () => uuidv7());
  const start = Date.UTC(2024, 0, 1);
  const span = Date.UTC(2027, 0, 1) - start;
  const boundaries = [Date.UTC(2025, 0, 1), Date.UTC(2025, 2, 1), Date.UTC(2025, 2, 1) - 1];
  const rows: ContributionRow[] = [];
  for (let i = 0; i < count; i++) {
    const pool = pick(pools);
    const at = next() < 0.05 ? pick(boundaries) : start + Math.floor(next() * span);
    rows.push({
      transactionId: uuidv7(),
      investorId: pick(investors.slice(0, 5 + Math.floor(next() * 35))),
      poolId: pool.id,
      currency: pool.currency,
      amountMinor: BigInt(pick([100, 200, 300])),
      occurredAt: new Date(at),
    });
  }
  return { rows, pools, investors };
}

/** The brute-force answer: [investor id, distinct pools, total minor units]. */
export function oracleTop(
  rows: readonly ContributionRow[],
  query: { currency: string; limit: number; from?: Date; to?: Date; pools?: readonly string[] },
): Array<[string, number, bigint]> {
  const byInvestor = new Map<string, { pools: Set<string>; total: bigint }>();
  for (const r of rows) {
    if (r.currency !== query.currency) continue;
    if (query.from && r.occurredAt < query.from) continue;
    if (query.to && r.occurredAt >= query.to) continue;
    if (query.pools && !query.pools.includes(r.poolId)) continue;
    let entry = byInvestor.get(r.investorId);
    if (!entry) byInvestor.set(r.investorId, (entry = { pools: new Set(), total: 0n }));
    entry.pools.add(r.poolId);
    entry.total += r.amountMinor;
  }
  return [...byInvestor.entries()]
    .map(([id, e]): [string, number, bigint] => [id, e.pools.size, e.total])
    .sort((a, b) =>
      b[1] !== a[1] ? b[1] - a[1] : b[2] !== a[2] ? (b[2] > a[2] ? 1 : -1) : a[0] < b[0] ? -1 : 1,
    )
    .slice(0, query.limit);
}
