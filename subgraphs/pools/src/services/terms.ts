import { requireRole } from '@poolgraph/auth';
import { badUserInput } from '@poolgraph/platform';
import type { PoolTermsInput } from '../__generated__/resolvers.ts';
import type { Context } from '../context.ts';
import type { PoolRow } from '../data/pools.ts';
import { insertPoolTerms, selectCurrentTerms, type PoolTermsRow } from '../data/poolTerms.ts';
import { recordPoolChange } from '../events/poolChanges.ts';
import { lockManagedPool } from './pools.ts';

/**
 * Bounds of the terms, in basis points (10000 = 100 %). Carry stops at 50 %: a full catch-up
 * pays the manager carry / (1 − carry) of the preferred return, which grows without bound as
 * carry nears 100 %, and no syndicate charges more than half the profit.
 */
export const TERMS_LIMITS = {
  managementFeeBps: 2500,
  carryBps: 5000,
  hurdleBps: 5000,
  feeHolidayMonths: 120,
} as const;

type Limited = keyof typeof TERMS_LIMITS;

function bounded(value: number, field: Limited): number {
  const max = TERMS_LIMITS[field];
  if (!Number.isSafeInteger(value) || value < 0 || value > max) {
    const unit = field === 'feeHolidayMonths' ? 'months' : 'basis points (100 = 1 %)';
    throw badUserInput(`input.${field}`, `must be a whole number of ${unit} from 0 to ${max}.`);
  }
  return value;
}

/** The terms a version would hold: every field checked, named in the error when it is not. */
export function parseTerms(input: PoolTermsInput) {
  const terms = {
    managementFeeBps: bounded(input.managementFeeBps, 'managementFeeBps'),
    feeBasis: input.feeBasis,
    feeFrequency: input.feeFrequency,
    feeHolidayMonths: bounded(input.feeHolidayMonths ?? 0, 'feeHolidayMonths'),
    carryBps: bounded(input.carryBps, 'carryBps'),
    hurdleBps: bounded(input.hurdleBps ?? 0, 'hurdleBps'),
    hurdleCompounding: input.hurdleCompounding ?? 'SIMPLE',
    catchUp: input.catchUp ?? 'NONE',
  } as const;
  if (terms.catchUp === 'FULL' && (terms.carryBps === 0 || terms.hurdleBps === 0)) {
    throw badUserInput(
      'input.catchUp',
      'FULL needs a carry and a preferred return to catch up on; use NONE.',
    );
  }
  if (terms.feeHolidayMonths > 0 && terms.managementFeeBps === 0) {
    throw badUserInput('input.feeHolidayMonths', 'needs a management fee to suspend.');
  }
  return terms;
}

type Terms = ReturnType<typeof parseTerms>;

const sameTerms = (a: Terms, b: PoolTermsRow) =>
  (Object.keys(a) as Array<keyof Terms>).every((key) => a[key] === b[key]);

/**
 * Sets a pool's fund terms: its manager only, while the pool is DRAFT, OPEN or CLOSED (an
 * ARCHIVED pool is read-only). Each call writes a new version with who and when, under the
 * pool's row lock, and a PoolChanged snapshot carrying the terms (the ledger's waterfall reads
 * them from its copy). Terms identical to the ones in force are BAD_USER_INPUT, not a new version.
 */
export async function setPoolTerms(
  context: Context,
  poolId: string,
  input: PoolTermsInput,
): Promise<PoolRow> {
  const viewer = requireRole(context.viewer, 'MANAGER');
  const terms = parseTerms(input);
  const updated = await context.transaction(async (tx) => {
    const pool = await lockManagedPool(tx, viewer, poolId);
    if (pool.status === 'ARCHIVED') {
      throw badUserInput('poolId', 'the pool is ARCHIVED; its terms can no longer change.');
    }
    const current = await selectCurrentTerms(tx, pool.id);
    if (current && sameTerms(terms, current)) {
      throw badUserInput(
        'input',
        `is the same as the terms in force (version ${current.version}).`,
      );
    }
    await insertPoolTerms(tx, {
      poolId: pool.id,
      version: (current?.version ?? 0) + 1,
      ...terms,
      poolStatus: pool.status,
      setBy: viewer.userId,
      setAt: new Date(),
    });
    await recordPoolChange(tx, pool.id);
    return { ...pool, revision: pool.revision + 1, updatedAt: new Date() };
  });
  context.loaders.poolById.clear(updated.id).prime(updated.id, updated);
  context.loaders.termsByPoolId.clear(updated.id);
  return updated;
}
