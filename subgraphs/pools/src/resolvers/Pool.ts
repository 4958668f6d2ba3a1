import { money } from '@poolgraph/money';
import {
  badUserInput,
  forbidden,
  idPageRule,
  instantKeyOf,
  isUuid,
  pageOfList,
  pageRequest,
  parseInstantKey,
  type InstantKey,
  type PageRule,
} from '@poolgraph/platform';
import type { PoolResolvers } from '../__generated__/resolvers.ts';
import { ownMembership, seesPoolFully, visiblePool } from '../access.ts';
import type { Context } from '../context.ts';
import type { CapitalCallRow } from '../data/capitalCalls.ts';
import type { InvitationRow } from '../data/invitations.ts';
import type { MembershipRow } from '../data/memberships.ts';
import type { PoolRow } from '../data/pools.ts';
import type { PoolTermsRow } from '../data/poolTerms.ts';

/** The most members one page holds (and its default, so clients without `first` see a whole pool). */
export const MAX_MEMBERS_PAGE = 500;

/** One page of a pool's memberships (read whole, batched across pools, then cut here). */
function memberPage<T extends { id: string }>(
  rows: T[],
  first: number,
  after?: string | null,
): T[] {
  if (!Number.isInteger(first) || first < 1 || first > MAX_MEMBERS_PAGE) {
    throw badUserInput('first', `must be between 1 and ${MAX_MEMBERS_PAGE}, got ${first}.`);
  }
  const start = after == null ? 0 : rows.findIndex((row) => row.id === after) + 1;
  if (start === 0 && after != null) {
    throw badUserInput('after', 'must be the id of a membership from the previous page.');
  }
  return rows.slice(start, start + first);
}

/** membersConnection: oldest first by (joinedAt, id), as the memberships loader reads them. */
export const MEMBER_PAGE: PageRule<MembershipRow, InstantKey> = {
  kind: 'member',
  defaultSize: 100,
  maxSize: MAX_MEMBERS_PAGE,
  keyOf: (row) => instantKeyOf(row.joinedAt, row.id),
  parseKey: parseInstantKey,
};

const joinedAfter = (row: MembershipRow, key: InstantKey) =>
  row.joinedAt.getTime() > key.at || (row.joinedAt.getTime() === key.at && row.id > key.id);

/** capitalCallsConnection: by (dueDate, id), as the capital calls loader reads them. */
export const CAPITAL_CALL_PAGE: PageRule<CapitalCallRow, InstantKey> = {
  kind: 'capital-call',
  defaultSize: 50,
  maxSize: 200,
  keyOf: (row) => instantKeyOf(row.dueDate, row.id),
  parseKey: parseInstantKey,
};

const dueAfter = (row: CapitalCallRow, key: InstantKey) =>
  row.dueDate.getTime() > key.at || (row.dueDate.getTime() === key.at && row.id > key.id);

/** invitationsConnection: newest first by id (UUIDv7), cut from the batched invitations loader. */
export const INVITATION_PAGE = idPageRule<InvitationRow>('invitation', 50, 200);

/** A pool's invitations: its manager's and admins' only (FORBIDDEN, not an empty list). */
function poolInvitations(pool: PoolRow, { viewer, loaders }: Context): Promise<InvitationRow[]> {
  // A client must not read "not allowed" as "nobody invited".
  if (!seesPoolFully(viewer, pool)) {
    throw forbidden("Only the pool's manager and admins can read its invitations.");
  }
  return loaders.invitationsByPoolId.load(pool.id);
}

/** termsHistoryConnection: newest version first (versions are unique within a pool). */
export const TERMS_PAGE: PageRule<PoolTermsRow, number> = {
  kind: 'terms',
  defaultSize: 50,
  maxSize: 200,
  keyOf: (row) => [String(row.version)],
  parseKey: ([version, ...rest]) =>
    version !== undefined && rest.length === 0 && /^[1-9]\d{0,8}$/.test(version)
      ? Number(version)
      : null,
};

/** Every version of a pool's terms: its manager's and admins' only. */
function termsHistory(pool: PoolRow, { viewer, loaders }: Context): Promise<PoolTermsRow[]> {
  if (!seesPoolFully(viewer, pool)) {
    throw forbidden("Only the pool's manager and admins can read its terms' history.");
  }
  return loaders.termsByPoolId.load(pool.id);
}

/** The calls the caller sees: the manager's, an admin's and a member's (items filtered per call). */
async function visibleCalls(pool: PoolRow, context: Context): Promise<CapitalCallRow[]> {
  const allowed = seesPoolFully(context.viewer, pool) || (await ownMembership(context, pool.id));
  return allowed ? context.loaders.capitalCallsByPoolId.load(pool.id) : [];
}

/** The members the caller sees: all of them for its manager and admins, else their own. */
async function visibleMembers(pool: PoolRow, context: Context): Promise<MembershipRow[]> {
  if (seesPoolFully(context.viewer, pool)) return context.loaders.membershipsByPoolId.load(pool.id);
  const own = await ownMembership(context, pool.id);
  return own ? [own] : [];
}

const optionalMoney = (minor: bigint | null, currency: string) =>
  minor === null ? null : money(minor, currency);

/**
 * A Pool reaches a resolver only when the caller may see it (Query.pool, Query.pools and
 * __resolveReference check); its members and calls are then filtered per caller here.
 */
export const Pool: PoolResolvers = {
  __resolveReference: (reference, context) =>
    isUuid(reference.id) ? visiblePool(context, reference.id) : null,
  manager: (pool) => ({ id: pool.managerId }),
  targetAmount: (pool) => optionalMoney(pool.targetMinor, pool.currency),
  minContribution: (pool) => optionalMoney(pool.minContributionMinor, pool.currency),
  memberCount: (pool, _args, { loaders }) => loaders.memberCountByPoolId.load(pool.id),
  members: async (pool, { first, after }, context) =>
    memberPage(await visibleMembers(pool, context), first ?? MAX_MEMBERS_PAGE, after),
  membersConnection: async (pool, args, context) => {
    const request = pageRequest(args, MEMBER_PAGE);
    return pageOfList(await visibleMembers(pool, context), request, MEMBER_PAGE, joinedAfter);
  },
  invitations: (pool, _args, context) => poolInvitations(pool, context),
  invitationsConnection: async (pool, args, context) => {
    const request = pageRequest(args, INVITATION_PAGE);
    const rows = await poolInvitations(pool, context);
    return pageOfList(rows, request, INVITATION_PAGE, (row, id) => row.id < id);
  },
  terms: async (pool, _args, { loaders }) => (await loaders.termsByPoolId.load(pool.id))[0] ?? null,
  termsHistory: (pool, _args, context) => termsHistory(pool, context),
  termsHistoryConnection: async (pool, args, context) => {
    const request = pageRequest(args, TERMS_PAGE);
    const rows = await termsHistory(pool, context);
    return pageOfList(rows, request, TERMS_PAGE, (row, version) => row.version < version);
  },
  capitalCalls: (pool, _args, context) => visibleCalls(pool, context),
  capitalCallsConnection: async (pool, args, context) => {
    const request = pageRequest(args, CAPITAL_CALL_PAGE);
    return pageOfList(await visibleCalls(pool, context), request, CAPITAL_CALL_PAGE, dueAfter);
  },
};
