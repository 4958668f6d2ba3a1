import { requireRole, type Viewer } from '@poolgraph/auth';
import { formatAmount, parseAmount } from '@poolgraph/money';
import { badUserInput, forbidden, notFound, uuidv7 } from '@poolgraph/platform';
import type { CreatePoolInput, UpdatePoolInput } from '../__generated__/resolvers.ts';
import type { Context } from '../context.ts';
import type { PoolsTx } from '../db/index.ts';
import { countMembersLocked } from '../data/memberships.ts';
import {
  insertPools,
  lockPool,
  updatePool as writePoolChanges,
  updatePoolStatus,
  type PoolChanges,
  type PoolRow,
  type PoolStatus,
} from '../data/pools.ts';
import { recordPoolChange } from '../events/poolChanges.ts';
import {
  checkMinNotAboveTarget,
  parseOptionalAmount,
  requireId,
  validateCurrency,
  validateDescription,
  validateMaxInvestors,
  validateName,
} from './validation.ts';

/** Creates a DRAFT pool managed by the caller; every field is checked before anything is written. */
export async function createPool(context: Context, input: CreatePoolInput): Promise<PoolRow> {
  const viewer = requireRole(context.viewer, 'MANAGER');
  const currency = validateCurrency(input.currency, 'input.currency');
  const targetMinor = parseOptionalAmount(
    input.targetAmount ?? null,
    currency,
    'input.targetAmount',
  );
  const minMinor = parseOptionalAmount(
    input.minContribution ?? null,
    currency,
    'input.minContribution',
  );
  checkMinNotAboveTarget(minMinor, targetMinor, currency, 'input.minContribution');
  const now = new Date();
  const pool: PoolRow = {
    id: uuidv7(),
    managerId: viewer.userId,
    name: validateName(input.name, 'input.name'),
    description: validateDescription(input.description ?? null, 'input.description'),
    currency,
    targetMinor,
    minContributionMinor: minMinor,
    maxInvestors: validateMaxInvestors(input.maxInvestors ?? null, 'input.maxInvestors'),
    status: 'DRAFT',
    visibility: input.visibility ?? 'LISTED',
    revision: 1,
    createdAt: now,
    updatedAt: now,
  };
  await context.transaction(async (tx) => {
    await insertPools(tx, [{ ...pool, revision: 0 }]);
    await recordPoolChange(tx, pool.id);
  });
  context.loaders.poolById.prime(pool.id, pool);
  return pool;
}

/**
 * Locks the pool row for the rest of the transaction and checks that the caller manages it.
 * Every change to a pool goes through here, so changes to one pool happen one at a time.
 */
export async function lockManagedPool(tx: PoolsTx, viewer: Viewer, id: string): Promise<PoolRow> {
  const pool = await lockPool(tx, requireId(id, 'Pool'));
  if (!pool) throw notFound('Pool');
  if (pool.managerId !== viewer.userId)
    throw forbidden('Only the manager of this pool can do this.');
  return pool;
}

const EDITABLE: PoolStatus[] = ['DRAFT', 'OPEN'];

/**
 * The stored amount re-read in a new currency as the same decimal number ("1000.00" USD →
 * "1000" JPY), or BAD_USER_INPUT when it has more decimals than the new currency allows.
 */
function convertAmount(minor: bigint | null, from: string, to: string, field: string) {
  if (minor === null || from === to) return minor;
  const text = formatAmount(minor, from);
  const trimmed = text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
  return parseAmount(trimmed, to, { field });
}

/** Applies the given fields of UpdatePoolInput; an omitted field stays, null clears it. */
async function changesFor(
  tx: PoolsTx,
  pool: PoolRow,
  input: UpdatePoolInput,
): Promise<PoolChanges> {
  const changes: PoolChanges = {};
  if (input.name !== undefined) {
    if (input.name === null) throw badUserInput('input.name', 'cannot be cleared.');
    changes.name = validateName(input.name, 'input.name');
  }
  if (input.description !== undefined) {
    changes.description = validateDescription(input.description, 'input.description');
  }
  let currency = pool.currency;
  if (input.currency !== undefined) {
    if (input.currency === null) throw badUserInput('input.currency', 'cannot be cleared.');
    currency = validateCurrency(input.currency, 'input.currency');
  }
  const members = await countMembersLocked(tx, pool.id);
  if (currency !== pool.currency) {
    if (pool.status !== 'DRAFT' || members > 0) {
      throw badUserInput(
        'input.currency',
        'can only change while the pool is DRAFT and has no members.',
      );
    }
    changes.currency = currency;
  }
  const target =
    input.targetAmount !== undefined
      ? parseOptionalAmount(input.targetAmount, currency, 'input.targetAmount')
      : convertAmount(pool.targetMinor, pool.currency, currency, 'input.targetAmount');
  const min =
    input.minContribution !== undefined
      ? parseOptionalAmount(input.minContribution, currency, 'input.minContribution')
      : convertAmount(pool.minContributionMinor, pool.currency, currency, 'input.minContribution');
  checkMinNotAboveTarget(min, target, currency, 'input.minContribution');
  if (target !== pool.targetMinor) changes.targetMinor = target;
  if (min !== pool.minContributionMinor) changes.minContributionMinor = min;
  if (input.maxInvestors !== undefined) {
    const max = validateMaxInvestors(input.maxInvestors, 'input.maxInvestors');
    if (max !== null && max < members) {
      throw badUserInput('input.maxInvestors', `must not be below the ${members} current members.`);
    }
    changes.maxInvestors = max;
  }
  return changes;
}

/** Edits a DRAFT or OPEN pool; all checks pass before the single write. */
export async function updatePool(
  context: Context,
  id: string,
  input: UpdatePoolInput,
): Promise<PoolRow> {
  const viewer = requireRole(context.viewer, 'MANAGER');
  const updated = await context.transaction(async (tx) => {
    const pool = await lockManagedPool(tx, viewer, id);
    if (!EDITABLE.includes(pool.status)) {
      throw badUserInput(
        'id',
        `the pool is ${pool.status}; only DRAFT and OPEN pools can be edited.`,
      );
    }
    const changes = await changesFor(tx, pool, input);
    if (Object.keys(changes).length === 0) return pool;
    await writePoolChanges(tx, pool.id, changes);
    await recordPoolChange(tx, pool.id);
    return { ...pool, ...changes, revision: pool.revision + 1, updatedAt: new Date() };
  });
  context.loaders.poolById.clear(updated.id).prime(updated.id, updated);
  return updated;
}

export const TRANSITIONS = {
  open: { from: 'DRAFT', to: 'OPEN', verb: 'opened' },
  close: { from: 'OPEN', to: 'CLOSED', verb: 'closed' },
  archive: { from: 'CLOSED', to: 'ARCHIVED', verb: 'archived' },
} as const satisfies Record<string, { from: PoolStatus; to: PoolStatus; verb: string }>;

/** The transitions that are sagas with the ledger: its step first, then the commit here. */
const LEDGER_STEPS = {
  close: { step: 'closeInLedger', undo: 'reopenInLedger' },
  archive: { step: 'archiveInLedger', undo: 'unarchiveInLedger' },
} as const;

/**
 * One step of DRAFT → OPEN → CLOSED → ARCHIVED; anything else is BAD_USER_INPUT, never a no-op.
 * Closing and archiving are sagas with the ledger (see subgraphs/ledger/src/services/sagas.ts):
 * under the pool row lock the ledger is told first, with the revision this change will commit;
 * it refuses (CONFLICT) while money the change must account for is pending or held — closing:
 * pending contributions; archiving: cash, pending money either way, suspense — and otherwise
 * stops taking that money; then the change commits here. If it does not, the ledger is told to
 * undo its step. A ledger that cannot be asked leaves the pool as it was (SUBGRAPH_UNAVAILABLE).
 */
export async function transitionPool(
  context: Context,
  id: string,
  transition: keyof typeof TRANSITIONS,
): Promise<PoolRow> {
  const viewer = requireRole(context.viewer, 'MANAGER');
  const { from, to, verb } = TRANSITIONS[transition];
  const saga = transition === 'open' ? undefined : LEDGER_STEPS[transition];
  let stepped: { poolId: string; revision: number } | undefined;
  let updated: PoolRow;
  try {
    updated = await context.transaction(async (tx) => {
      const pool = await lockManagedPool(tx, viewer, id);
      if (pool.status !== from) {
        throw badUserInput('id', `the pool is ${pool.status}; only a ${from} pool can be ${verb}.`);
      }
      if (saga) {
        // Set first: a step whose answer is lost may have been taken, so it is undone too.
        stepped = { poolId: pool.id, revision: pool.revision + 1 };
        await context.peers[saga.step](stepped.poolId, stepped.revision);
      }
      await updatePoolStatus(tx, pool.id, to);
      await recordPoolChange(tx, pool.id);
      return { ...pool, status: to, revision: pool.revision + 1, updatedAt: new Date() };
    });
  } catch (error) {
    if (saga && stepped) await compensate(context, saga.undo, stepped);
    throw error;
  }
  context.loaders.poolById.clear(updated.id).prime(updated.id, updated);
  return updated;
}

/** The saga's compensation; if it is lost too, the pool's next event ends the ledger's mark. */
async function compensate(
  context: Context,
  undo: (typeof LEDGER_STEPS)[keyof typeof LEDGER_STEPS]['undo'],
  step: { poolId: string; revision: number },
) {
  try {
    await context.peers[undo](step.poolId, step.revision);
  } catch (error) {
    context.log.error({ err: error, ...step, undo }, 'could not undo the ledger step');
  }
}
