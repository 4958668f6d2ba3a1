import { requireRole } from '@poolgraph/auth';
import { badUserInput, isDuplicateKey, uuidv7 } from '@poolgraph/platform';
import type { ImportPoolInput } from '../__generated__/resolvers.ts';
import type { Context } from '../context.ts';
import { insertPoolExternalIds, selectPoolIdsByExternalIds } from '../data/poolExternalIds.ts';
import { insertPools, selectPoolsByIds, type PoolRow } from '../data/pools.ts';
import { recordPoolsCreated } from '../events/poolChanges.ts';
import { requireId, validateCurrency } from './validation.ts';

export const MAX_IMPORTED_POOLS = 2_000;
const EXTERNAL_ID = /^[\x21-\x7e]{1,64}$/;

export interface ImportedPool {
  externalId: string;
  pool: PoolRow;
}

/**
 * importPools (ADMIN, for importers): the pools these dataset ids became, creating the missing
 * ones — CLOSED (history: nobody joins them), named "Imported pool <id>", managed by
 * `managerId` (the importer's own manager account), without members — each with its
 * PoolChanged event, like any other pool change. Idempotent by external id.
 */
export async function importPools(
  context: Context,
  managerId: string,
  inputs: readonly ImportPoolInput[],
): Promise<ImportedPool[]> {
  requireRole(context.viewer, 'ADMIN');
  const manager = requireId(managerId, 'User');
  if (inputs.length > MAX_IMPORTED_POOLS) {
    throw badUserInput('pools', `at most ${MAX_IMPORTED_POOLS} per call, got ${inputs.length}.`);
  }
  const wanted = new Map<string, string>();
  for (const [i, input] of inputs.entries()) {
    if (!EXTERNAL_ID.test(input.externalId)) {
      throw badUserInput(`pools[${i}].externalId`, 'must be 1 to 64 printable ASCII characters.');
    }
    wanted.set(input.externalId, validateCurrency(input.currency, `pools[${i}].currency`));
  }
  const ids = [...wanted.keys()];
  for (let attempt = 1; ; attempt++) {
    try {
      await createMissing(context, manager, wanted);
      break;
    } catch (error) {
      // A concurrent import created some of them: the next pass finds them.
      if (!isDuplicateKey(error) || attempt >= 3) throw error;
    }
  }
  const mapping = await selectPoolIdsByExternalIds(context.db, ids);
  const pools = new Map(
    (
      await selectPoolsByIds(
        context.db,
        mapping.map((m) => m.poolId),
      )
    ).map((p) => [p.id, p]),
  );
  const poolOf = new Map(mapping.map((m) => [m.externalId, pools.get(m.poolId)!]));
  return ids.map((externalId) => ({ externalId, pool: poolOf.get(externalId)! }));
}

async function createMissing(context: Context, managerId: string, wanted: Map<string, string>) {
  const known = new Set(
    (await selectPoolIdsByExternalIds(context.db, [...wanted.keys()])).map((m) => m.externalId),
  );
  const missing = [...wanted].filter(([externalId]) => !known.has(externalId));
  if (missing.length === 0) return;
  await context.transaction(async (tx) => {
    const now = new Date();
    const created: PoolRow[] = missing.map(([externalId, currency]) => ({
      id: uuidv7(),
      managerId,
      name: `Imported pool ${externalId}`,
      description: 'Created by an import of historical transactions.',
      currency,
      targetMinor: null,
      minContributionMinor: null,
      maxInvestors: null,
      status: 'CLOSED',
      visibility: 'LISTED',
      // Created and announced at once: the revision its PoolChanged states.
      revision: 1,
      createdAt: now,
      updatedAt: now,
    }));
    await insertPoolExternalIds(
      tx,
      created.map((pool, i) => ({ externalId: missing[i]![0], poolId: pool.id })),
    );
    await insertPools(tx, created);
    await recordPoolsCreated(tx, created);
  });
}
