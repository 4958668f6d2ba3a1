import { setTimeout as sleep } from 'node:timers/promises';
import { call, type Auth } from './lib/graphql.ts';

const FUND = 'Northwind Growth Fund I';
/** Reports learn of a new pool from the pools stream: give them this long. */
const WAIT_FOR_REPORTS_MS = 30_000;

/**
 * The fund's first valuation (today, UTC), so the demo shows NAV, TVPI, RVPI, MOIC and IRR.
 * Skipped when the fund already has a valuation: a second run (another day) changes nothing.
 */
export async function seedValuations(url: string, manager: Auth): Promise<void> {
  const asManager = <T>(query: string, variables: Record<string, unknown> = {}) =>
    call<T>(url, query, variables, manager.accessToken);
  const { me } = await asManager<{ me: { managedPools: Array<{ id: string; name: string }> } }>(
    '{ me { managedPools { id name } } }',
  );
  const fund = me.managedPools.find((p) => p.name === FUND);
  if (!fund) return;
  const deadline = Date.now() + WAIT_FOR_REPORTS_MS;
  for (;;) {
    try {
      const { poolPerformance } = await asManager<{ poolPerformance: { valuations: unknown[] } }>(
        'query SeedValuations($p: ID!) { poolPerformance(poolId: $p) { valuations { id } } }',
        { p: fund.id },
      );
      if (poolPerformance.valuations.length > 0) return;
      await asManager(
        'mutation SeedValuation($input: RecordValuationInput!) { recordValuation(input: $input) { id } }',
        {
          input: {
            poolId: fund.id,
            date: new Date().toISOString().slice(0, 10),
            value: '34500.00',
            note: 'Seed round of the lead company at a higher price; cash at cost.',
          },
        },
      );
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'CONFLICT') return;
      if (code !== 'NOT_FOUND' || Date.now() > deadline) throw error;
      await sleep(500);
    }
  }
}
