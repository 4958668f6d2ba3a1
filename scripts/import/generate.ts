/** A small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An index in [0, n) with P(i) ∝ 1/(i+1)^s, by inverse transform on the continuous bound. */
function zipf(next: () => number, n: number, s = 1.1): number {
  const u = next();
  const hn = (n ** (1 - s) - 1) / (1 - s);
  const x = (u * hn * (1 - s) + 1) ** (1 / (1 - s));
  return Math.min(n - 1, Math.max(0, Math.floor(x) - 1));
}

export interface GenerateOptions {
  rows: number;
  investors: number;
  pools: number;
  seed: number;
}

const AMOUNTS = ['500', '1000', '2500', '5000', '10000', '25000', '1250.50', '750.25'];
const START = Date.UTC(2019, 0, 1);
const END = Date.UTC(2026, 0, 1);
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function formatDate(ms: number, style: number): string {
  const d = new Date(ms);
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (style < 0.6) return day;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return style < 0.85 ? `${day} ${time}` : `${day}T${time}Z`;
}

/**
 * The dataset's lines (header first), lazily: memory is the investors' "pools held" lists,
 * not the rows. Investor ids "inv_000123", pool ids "syn_0042" (shuffled by the seed so the
 * busiest ids are not the smallest).
 */
export function* generateTransactions(options: GenerateOptions): Generator<string> {
  const next = random(options.seed);
  const held: number[][] = Array.from({ length: options.investors }, () => []);
  const investorWidth = String(options.investors).length;
  const poolWidth = String(options.pools).length;
  const poolOrder = Array.from({ length: options.pools }, (_, i) => i);
  for (let i = poolOrder.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [poolOrder[i], poolOrder[j]] = [poolOrder[j]!, poolOrder[i]!];
  }
  yield 'investor_id,syndicate_id,transaction_amount,transaction_date\n';
  for (let row = 0; row < options.rows; row++) {
    const investor = zipf(next, options.investors, 0.9);
    const mine = held[investor]!;
    let pool: number;
    // Repeat investments: an investor often tops up a pool they already hold.
    if (mine.length > 0 && next() < 0.35) pool = mine[Math.floor(next() * mine.length)]!;
    else {
      pool = poolOrder[zipf(next, options.pools, 1.05)]!;
      if (!mine.includes(pool) && mine.length < 64) mine.push(pool);
    }
    const amount = AMOUNTS[zipf(next, AMOUNTS.length, 1.2)]!;
    const at = START + Math.floor(next() * (END - START));
    yield `inv_${pad(investor, investorWidth)},syn_${pad(pool, poolWidth)},${amount},${formatDate(at, next())}\n`;
  }
}
