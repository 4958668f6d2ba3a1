import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { PoolRow } from '../data/pools.ts';
import type { MembershipRow } from '../data/memberships.ts';
import type { CapitalCallRow, CapitalCallItemRow } from '../data/capitalCalls.ts';
import type { InvitationRow } from '../data/invitations.ts';
import type { PoolTermsRow } from '../data/poolTerms.ts';
import type { UserRef } from '../types.ts';
import type { MoneyValue } from '@poolgraph/money';
import type { Context } from '../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant in ISO 8601, always returned in UTC, e.g. "2026-01-31T12:00:00.000Z". */
  DateTime: { input: Date; output: Date; }
  /** An exact decimal number as a string, e.g. "1250.50". Never a float. */
  Decimal: { input: string; output: string; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** One mutation this subgraph served, as its audit log keeps it (never its variables). */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  /**
   * The user or partner API key that called (for signUp and logIn: the account signed in); null
   * when the caller stayed anonymous (a failed logIn).
   */
  actorId?: Maybe<Scalars['ID']['output']>;
  /** The caller's roles at the time. */
  actorRoles: Array<Scalars['String']['output']>;
  /** When the mutation finished. */
  at: Scalars['DateTime']['output'];
  /**
   * Each executed field with its arguments' shape and never their values (no password, token,
   * key or email), e.g. "signUp(input: {email, password, name, role})".
   */
  calls: Array<Scalars['String']['output']>;
  /** The caller's address, as the gateway saw it. */
  clientAddress: Scalars['String']['output'];
  /** The operation name the client sent: its claim, not checked against what ran; null if none. */
  clientOperationName?: Maybe<Scalars['String']['output']>;
  /** The Mutation fields of this subgraph that executed (after @include/@skip), in order. */
  fields: Array<Scalars['String']['output']>;
  /** Increasing id within this subgraph's log; pass it as `before` for older entries. */
  id: Scalars['ID']['output'];
  /**
   * What ran, built by this subgraph from the fields that executed: "mutation createPool", or
   * "mutation (nothing ran)" when the request failed before executing.
   */
  operation: Scalars['String']['output'];
  /** "ok", or the error codes of the response, comma-separated. */
  outcome: Scalars['String']['output'];
  /** The request id (x-request-id) the gateway gave the request. */
  requestId: Scalars['String']['output'];
};

/** A page of a subgraph's audit log, newest first. */
export type AuditEntryConnection = {
  __typename?: 'AuditEntryConnection';
  /** The entries with their cursors. */
  edges: Array<AuditEntryEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One audit entry in a page. */
export type AuditEntryEdge = {
  __typename?: 'AuditEntryEdge';
  /** Pass as `after` to continue with older entries. */
  cursor: Scalars['String']['output'];
  /** The entry. */
  node: AuditEntry;
};

/** A manager's request that members pay in a share of their commitments by a due date. */
export type CapitalCall = {
  __typename?: 'CapitalCall';
  /** When the call was made. */
  createdAt: Scalars['DateTime']['output'];
  /** When payment is due. */
  dueDate: Scalars['DateTime']['output'];
  /** Stable identifier (a UUID). */
  id: Scalars['ID']['output'];
  /** One item per member called, ordered by investor id; filtered to the caller's own item for members. */
  items: Array<CapitalCallItem>;
  /** The share of each commitment called, in percent (0 < percent ≤ 100, at most 4 decimals). */
  percent: Scalars['Float']['output'];
  /** The pool the call belongs to. */
  pool: Pool;
  /** The sum called from all members (the sum of the items' called amounts). */
  totalCalled: Money;
};

/** A page of a pool's capital calls, by due date. */
export type CapitalCallConnection = {
  __typename?: 'CapitalCallConnection';
  /** The capital calls with their cursors. */
  edges: Array<CapitalCallEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One capital call in a page. */
export type CapitalCallEdge = {
  __typename?: 'CapitalCallEdge';
  /** Pass as `after` to continue with the calls due later. */
  cursor: Scalars['String']['output'];
  /** The capital call. */
  node: CapitalCall;
};

/** What one member owes on one capital call. Contributions settle the oldest due items first. */
export type CapitalCallItem = {
  __typename?: 'CapitalCallItem';
  /** The member's exact part of the call (largest-remainder split of the call over commitments). */
  called: Money;
  /** The member called. */
  investor: User;
  /** called minus paid. */
  outstanding: Money;
  /** How much of it contributions have settled. */
  paid: Money;
};

/** Whether the manager catches up on profit after the members' preferred return. */
export type CatchUp =
  /** Full catch-up: past the preferred return the manager takes everything until the carry equals its percentage of all profit paid so far; then the split. */
  | 'FULL'
  /** No catch-up: past the preferred return, profit is split at the carry rate. */
  | 'NONE';

/** A new pool. It starts as DRAFT. */
export type CreatePoolInput = {
  /** A supported ISO 4217 code, e.g. "USD", "EUR", "JPY". */
  currency: Scalars['String']['input'];
  /** At most 5000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Most members accepted: 1 to 100000. */
  maxInvestors?: InputMaybe<Scalars['Int']['input']>;
  /** Smallest commitment accepted, with at most the currency's decimals; greater than zero and not above targetAmount. */
  minContribution?: InputMaybe<Scalars['Decimal']['input']>;
  /** 1 to 200 characters. */
  name: Scalars['String']['input'];
  /** Capital to raise, with at most the currency's decimals; greater than zero. */
  targetAmount?: InputMaybe<Scalars['Decimal']['input']>;
  /** LISTED (the default) or INVITE_ONLY. */
  visibility?: InputMaybe<PoolVisibility>;
};

/** What a management fee is a percentage of. */
export type FeeBasis =
  /** The members' commitments. */
  | 'COMMITMENTS'
  /** The capital the members have paid in (contributed less withdrawn). */
  | 'INVESTED_CAPITAL';

/** How often a management fee is charged. */
export type FeeFrequency =
  /** Every year; the rate is per year. */
  | 'ANNUAL'
  /** Once, for the life of the pool. */
  | 'ONCE'
  /** Every quarter, a quarter of the yearly rate. */
  | 'QUARTERLY';

/** How the preferred return (hurdle) grows with time. */
export type HurdleCompounding =
  /** Compounded once a year on unreturned capital, simple within the year (actual/365). */
  | 'COMPOUND'
  /** Simple interest on unreturned capital, by the day (actual/365). */
  | 'SIMPLE';

/** A pool of an imported dataset, for importers. */
export type ImportPoolInput = {
  /** ISO 4217 code of the pool's money. */
  currency: Scalars['String']['input'];
  /** The pool's id in the dataset (its syndicate id), 1 to 64 printable ASCII characters. */
  externalId: Scalars['String']['input'];
};

/** The pool an imported dataset's pool became. */
export type ImportedPool = {
  __typename?: 'ImportedPool';
  /** The pool's id in the dataset. */
  externalId: Scalars['String']['output'];
  /** The pool on Poolgraph. */
  pool: Pool;
};

/** A manager's invitation to a pool. Visible to the pool's manager, admins and (EMAIL) the invited investor. */
export type Invitation = {
  __typename?: 'Invitation';
  /** When the manager created it. */
  createdAt: Scalars['DateTime']['output'];
  /** The invited email (normalized: NFKC, lower case, trimmed); null for links. */
  email?: Maybe<Scalars['String']['output']>;
  /** After this instant the invitation can no longer be accepted. */
  expiresAt: Scalars['DateTime']['output'];
  /** Stable identifier (a UUID). */
  id: Scalars['ID']['output'];
  /** EMAIL or LINK. */
  kind: InvitationKind;
  /** A link's use limit; null when unlimited (and for EMAIL invitations). */
  maxUses?: Maybe<Scalars['Int']['output']>;
  /** The pool, while the caller may see it (null e.g. for an investor after declining a private deal). */
  pool?: Maybe<Pool>;
  /** The pool's name, always shown to whoever sees the invitation. */
  poolName: Scalars['String']['output'];
  /** When it was accepted, declined or revoked. */
  respondedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Where the invitation stands; EXPIRED and USED_UP are computed when read. */
  status: InvitationStatus;
  /** How many investors joined through the invitation. */
  uses: Scalars['Int']['output'];
};

/** A page of invitations, newest first. */
export type InvitationConnection = {
  __typename?: 'InvitationConnection';
  /** The invitations with their cursors. */
  edges: Array<InvitationEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One invitation in a page. */
export type InvitationEdge = {
  __typename?: 'InvitationEdge';
  /** Pass as `after` to continue with older invitations. */
  cursor: Scalars['String']['output'];
  /** The invitation. */
  node: Invitation;
};

/** How an invitation reaches its investor. */
export type InvitationKind =
  /** Sent to one email address; the account with that email sees it and may accept or decline. */
  | 'EMAIL'
  /** A shareable link: whoever holds it (an investor) may accept it, up to its use limit. */
  | 'LINK';

/** Where an invitation stands. */
export type InvitationStatus =
  /** Accepted: the investor became a member (EMAIL invitations). */
  | 'ACCEPTED'
  /** Declined by the investor (EMAIL invitations). */
  | 'DECLINED'
  /** Its expiry passed before it was used. */
  | 'EXPIRED'
  /** Can still be accepted. */
  | 'PENDING'
  /** Withdrawn by the manager. */
  | 'REVOKED'
  /** A link that reached its use limit. */
  | 'USED_UP';

/** A new invite link. The token is shown this once: only its hash is stored. */
export type InviteLinkCreated = {
  __typename?: 'InviteLinkCreated';
  /** The link's invitation (kind LINK). */
  invitation: Invitation;
  /** The secret to share, e.g. as https://<app>/invite/<token>. */
  token: Scalars['String']['output'];
};

/** What an invite link's holder sees before accepting it. */
export type InviteLinkPreview = {
  __typename?: 'InviteLinkPreview';
  /** When the link expires (or expired). */
  expiresAt: Scalars['DateTime']['output'];
  /** The pool, while the link is PENDING (or the caller may see it anyway). */
  pool?: Maybe<Pool>;
  /** The pool's name. */
  poolName: Scalars['String']['output'];
  /** PENDING when it can be accepted; otherwise why not (EXPIRED, USED_UP, REVOKED). */
  status: InvitationStatus;
};

/**
 * An investor's participation in a pool: what they committed to invest.
 * Visible to the investor, the pool's manager and admins.
 */
export type Membership = {
  __typename?: 'Membership';
  /** Sum called from this member over all of the pool's capital calls. */
  called: Money;
  /** The amount the investor committed, in the pool's currency. */
  commitment: Money;
  /** Stable identifier (a UUID). */
  id: Scalars['ID']['output'];
  /** The member. */
  investor: User;
  /** When the investor joined (or was added by the manager). */
  joinedAt: Scalars['DateTime']['output'];
  /** called minus paid: what the member still owes on calls made so far. */
  outstanding: Money;
  /** Sum of contributions applied to this member's capital calls. */
  paid: Money;
  /** The pool joined. */
  pool: Pool;
};

/** A page of memberships: a pool's members (oldest first) or a user's pools (newest first). */
export type MembershipConnection = {
  __typename?: 'MembershipConnection';
  /** The memberships with their cursors. */
  edges: Array<MembershipEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One membership in a page. */
export type MembershipEdge = {
  __typename?: 'MembershipEdge';
  /** Pass as `after` to continue with the next memberships. */
  cursor: Scalars['String']['output'];
  /** The membership. */
  node: Membership;
};

/** An exact amount of money in one currency. */
export type Money = {
  __typename?: 'Money';
  /** The amount with exactly the currency's decimals, e.g. "1250.50" USD or "1250" JPY. */
  amount: Scalars['Decimal']['output'];
  /** ISO 4217 code, e.g. "USD". */
  currency: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Accepts the caller's EMAIL invitation and joins its OPEN pool with a commitment, under the
   * rules of joinPool (minimum, seats, one membership). INVESTOR only.
   */
  acceptInvitation: Membership;
  /**
   * Joins the OPEN pool of an invite link with a commitment, under the rules of joinPool, using
   * one of the link's uses. INVESTOR only; an expired or revoked link is BAD_USER_INPUT, a used-up
   * one CONFLICT.
   */
  acceptInviteLink: Membership;
  /** CLOSED → ARCHIVED: makes the pool read-only. Its manager only; any other state is BAD_USER_INPUT. CONFLICT while the pool still holds money in the ledger (cash, pending contributions or payouts, money in suspense), naming it. */
  archivePool: Pool;
  /** Calls percent of every member's commitment, due at dueDate (in the future). The pool's manager only, pool OPEN or CLOSED; the calls of a pool add up to at most 100%. */
  callCapital: CapitalCall;
  /** OPEN → CLOSED: stops accepting members and payments. Its manager only; any other state is BAD_USER_INPUT. CONFLICT while contributions are pending (cancel them first, or wait until they post). */
  closePool: Pool;
  /**
   * Creates a shareable invite link to a DRAFT or OPEN pool, usable maxUses times (1 to 10000;
   * null: unlimited) until expiresInDays (1 to 90, default 7). Its manager only.
   */
  createInviteLink: InviteLinkCreated;
  /** Creates a DRAFT pool managed by the caller. MANAGER only. */
  createPool: Pool;
  /** Declines the caller's PENDING EMAIL invitation. INVESTOR only. */
  declineInvitation: Invitation;
  /**
   * ADMIN only, for importers: the pools these dataset ids became, in the order given, creating
   * missing ones (CLOSED, no members, named "Imported pool <id>", managed by `managerId`, each
   * announced with PoolChanged). Idempotent by external id. At most 2,000 per call.
   */
  importPools: Array<ImportedPool>;
  /**
   * Invites an email address to a DRAFT or OPEN pool, expiring after expiresInDays (1 to 90,
   * default 14). Its manager only; a live invitation of the same email is CONFLICT. The email is
   * sent when the platform has a mailer; the account with that email (now or after signing up)
   * sees it in myInvitations.
   */
  inviteByEmail: Invitation;
  /** Adds an investor to a DRAFT or OPEN pool directly, for a commitment they made with the manager (e.g. a signed subscription). Its manager only; the same rules as joinPool apply. */
  inviteInvestor: Membership;
  /** Joins an OPEN LISTED pool with a commitment of at least its minContribution, while seats remain. INVESTOR only; joining twice is CONFLICT, a full pool is CONFLICT; an INVITE_ONLY pool is FORBIDDEN (accept an invitation instead). */
  joinPool: Membership;
  /** DRAFT → OPEN: lists the pool and starts accepting members. Its manager only; any other state is BAD_USER_INPUT. */
  openPool: Pool;
  /**
   * Raises a member's commitment: a member's contributions are capped by what is unfunded of it,
   * so going beyond it (over-subscription) is this explicit decision of the manager. The pool's
   * manager only, pool DRAFT, OPEN or CLOSED; the new commitment must be larger (BAD_USER_INPUT).
   */
  raiseCommitment: Membership;
  /** Removes a member who has no capital left in the pool (their capital account in the ledger is zero, or they have no position) and no pending contribution or payout (CONFLICT, naming it). Their unpaid capital call amounts are released. Its manager only; refused (SUBGRAPH_UNAVAILABLE) when the ledger cannot be asked. */
  removeMember: Pool;
  /** Withdraws a PENDING invitation or link. The pool's manager only; other states are BAD_USER_INPUT. */
  revokeInvitation: Invitation;
  /** Sets the pool's fund terms (management fee, carry, preferred return, catch-up). Its manager only, pool DRAFT, OPEN or CLOSED (ARCHIVED is BAD_USER_INPUT). Every call is a new version recorded with who and when; terms identical to the ones in force are BAD_USER_INPUT. Distributions after the ledger has heard the new version follow it. */
  setPoolTerms: Pool;
  /**
   * Makes a DRAFT or OPEN pool LISTED or INVITE_ONLY. Its manager only. Members and live
   * invitations keep their access either way.
   */
  setPoolVisibility: Pool;
  /** Edits a DRAFT or OPEN pool. Its manager only. */
  updatePool: Pool;
};


export type MutationAcceptInvitationArgs = {
  commitment: Scalars['Decimal']['input'];
  id: Scalars['ID']['input'];
};


export type MutationAcceptInviteLinkArgs = {
  commitment: Scalars['Decimal']['input'];
  token: Scalars['String']['input'];
};


export type MutationArchivePoolArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCallCapitalArgs = {
  dueDate: Scalars['DateTime']['input'];
  percent: Scalars['Float']['input'];
  poolId: Scalars['ID']['input'];
};


export type MutationClosePoolArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateInviteLinkArgs = {
  expiresInDays?: InputMaybe<Scalars['Int']['input']>;
  maxUses?: InputMaybe<Scalars['Int']['input']>;
  poolId: Scalars['ID']['input'];
};


export type MutationCreatePoolArgs = {
  input: CreatePoolInput;
};


export type MutationDeclineInvitationArgs = {
  id: Scalars['ID']['input'];
};


export type MutationImportPoolsArgs = {
  managerId: Scalars['ID']['input'];
  pools: Array<ImportPoolInput>;
};


export type MutationInviteByEmailArgs = {
  email: Scalars['String']['input'];
  expiresInDays?: InputMaybe<Scalars['Int']['input']>;
  poolId: Scalars['ID']['input'];
};


export type MutationInviteInvestorArgs = {
  commitment: Scalars['Decimal']['input'];
  investorId: Scalars['ID']['input'];
  poolId: Scalars['ID']['input'];
};


export type MutationJoinPoolArgs = {
  commitment: Scalars['Decimal']['input'];
  poolId: Scalars['ID']['input'];
};


export type MutationOpenPoolArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRaiseCommitmentArgs = {
  commitment: Scalars['Decimal']['input'];
  investorId: Scalars['ID']['input'];
  poolId: Scalars['ID']['input'];
};


export type MutationRemoveMemberArgs = {
  investorId: Scalars['ID']['input'];
  poolId: Scalars['ID']['input'];
};


export type MutationRevokeInvitationArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSetPoolTermsArgs = {
  input: PoolTermsInput;
  poolId: Scalars['ID']['input'];
};


export type MutationSetPoolVisibilityArgs = {
  id: Scalars['ID']['input'];
  visibility: PoolVisibility;
};


export type MutationUpdatePoolArgs = {
  id: Scalars['ID']['input'];
  input: UpdatePoolInput;
};

/**
 * Where a page of a connection starts and ends (the graph's one pagination shape, declared
 * identically by every subgraph). Cursors are opaque; pass endCursor as `after` for the next page.
 */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The last edge's cursor, or null for an empty page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when more items follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** True when the page started after a cursor, so items come before it (pages go forward only). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The first edge's cursor, or null for an empty page. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/**
 * An investment pool (syndicate) run by a manager, in one currency.
 * Visible to its manager, its members and admins; LISTED pools are also listed to every signed-in
 * user while OPEN, and INVITE_ONLY pools to the investors invited to them while DRAFT or OPEN.
 */
export type Pool = {
  __typename?: 'Pool';
  /**
   * Capital calls, by due date. Its manager and admins see every item; a member sees the calls with only their own item; others see none.
   * @deprecated Use capitalCallsConnection.
   */
  capitalCalls: Array<CapitalCall>;
  /** Capital calls, by due date (then id), a page at a time. Its manager and admins see every item; a member sees the calls with only their own item; others get an empty page. `first` 1 to 200 (default 50), after the cursor `after` (an endCursor of this field). */
  capitalCallsConnection: CapitalCallConnection;
  /** When the pool was created. */
  createdAt: Scalars['DateTime']['output'];
  /** ISO 4217 code every amount of this pool is in, e.g. "USD". */
  currency: Scalars['String']['output'];
  /** Free text for investors, at most 5000 characters. */
  description?: Maybe<Scalars['String']['output']>;
  /** Stable identifier (a UUID). */
  id: Scalars['ID']['output'];
  /**
   * The pool's invitations, newest first, with their status. Its manager and admins only (FORBIDDEN otherwise).
   * @deprecated Use invitationsConnection.
   */
  invitations: Array<Invitation>;
  /**
   * The pool's invitations, newest first (by id), with their status, a page at a time. Its manager
   * and admins only (FORBIDDEN otherwise). `first` 1 to 200 (default 50), after the cursor `after`
   * (an endCursor of this field).
   */
  invitationsConnection: InvitationConnection;
  /** The manager who created and runs the pool. */
  manager: User;
  /** The most members the pool accepts, if limited. */
  maxInvestors?: Maybe<Scalars['Int']['output']>;
  /** How many members the pool has. Visible to anyone who can see the pool. */
  memberCount: Scalars['Int']['output'];
  /**
   * The pool's members, oldest first. Its manager and admins see all of them; an investor sees only their own membership.
   * At most `first` (1 to 500, default 500), after the membership whose id is `after`.
   * @deprecated Use membersConnection.
   */
  members: Array<Membership>;
  /**
   * The pool's members, oldest first (by when they joined). Its manager and admins see all of
   * them; an investor sees only their own membership. `first` 1 to 500 (default 100), after the
   * cursor `after` (an endCursor of this field).
   */
  membersConnection: MembershipConnection;
  /** The smallest commitment an investor may join with, if set. */
  minContribution?: Maybe<Money>;
  /** Display name, 1 to 200 characters. */
  name: Scalars['String']['output'];
  /**
   * Counts every change to the pool or its memberships: a newer answer has a larger revision.
   * Clients and services that keep a copy of a pool compare it to know which copy is fresher.
   */
  revision: Scalars['Int']['output'];
  /** Where the pool is in its life. */
  status: PoolStatus;
  /** How much capital the manager aims to raise (commitments), if set. */
  targetAmount?: Maybe<Money>;
  /** The fund terms in force (the newest version), or null when the manager set none (then distributions are plain pro rata). Visible to anyone who can see the pool: investors read the terms before they join. */
  terms?: Maybe<PoolTerms>;
  /**
   * Every version of the pool's terms, newest first, with who set each and when. Its manager and admins only (FORBIDDEN otherwise).
   * @deprecated Use termsHistoryConnection.
   */
  termsHistory: Array<PoolTerms>;
  /**
   * The versions of the pool's terms, newest first (by version), with who set each and when, a
   * page at a time. Its manager and admins only (FORBIDDEN otherwise). `first` 1 to 200 (default
   * 50), after the cursor `after` (an endCursor of this field).
   */
  termsHistoryConnection: PoolTermsConnection;
  /** LISTED (every investor sees it while OPEN) or INVITE_ONLY (a private deal). */
  visibility: PoolVisibility;
};


/**
 * An investment pool (syndicate) run by a manager, in one currency.
 * Visible to its manager, its members and admins; LISTED pools are also listed to every signed-in
 * user while OPEN, and INVITE_ONLY pools to the investors invited to them while DRAFT or OPEN.
 */
export type PoolCapitalCallsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * An investment pool (syndicate) run by a manager, in one currency.
 * Visible to its manager, its members and admins; LISTED pools are also listed to every signed-in
 * user while OPEN, and INVITE_ONLY pools to the investors invited to them while DRAFT or OPEN.
 */
export type PoolInvitationsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * An investment pool (syndicate) run by a manager, in one currency.
 * Visible to its manager, its members and admins; LISTED pools are also listed to every signed-in
 * user while OPEN, and INVITE_ONLY pools to the investors invited to them while DRAFT or OPEN.
 */
export type PoolMembersArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * An investment pool (syndicate) run by a manager, in one currency.
 * Visible to its manager, its members and admins; LISTED pools are also listed to every signed-in
 * user while OPEN, and INVITE_ONLY pools to the investors invited to them while DRAFT or OPEN.
 */
export type PoolMembersConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * An investment pool (syndicate) run by a manager, in one currency.
 * Visible to its manager, its members and admins; LISTED pools are also listed to every signed-in
 * user while OPEN, and INVITE_ONLY pools to the investors invited to them while DRAFT or OPEN.
 */
export type PoolTermsHistoryConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of pools, newest first. */
export type PoolConnection = {
  __typename?: 'PoolConnection';
  /** The pools with their cursors. */
  edges: Array<PoolEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One pool in a page. */
export type PoolEdge = {
  __typename?: 'PoolEdge';
  /** Pass as `after` to continue with older pools. */
  cursor: Scalars['String']['output'];
  /** The pool. */
  node: Pool;
};

/** Where a pool is in its life. It moves one way only: DRAFT → OPEN → CLOSED → ARCHIVED. */
export type PoolStatus =
  /** Finished and kept for the record; read-only. */
  | 'ARCHIVED'
  /** No new members; capital calls, contributions and distributions continue. */
  | 'CLOSED'
  /** Being set up; visible to its manager (and admins) only; editable. */
  | 'DRAFT'
  /** Listed to investors and accepting members; still editable. */
  | 'OPEN';

/** One version of a pool's fund terms. Rates are basis points: 100 = 1 %, 10000 = 100 %. */
export type PoolTerms = {
  __typename?: 'PoolTerms';
  /** The carried interest: the manager's share of the pool's profit, in basis points. */
  carryBps: Scalars['Int']['output'];
  /** Who receives the carry: the pool's manager (it posts to the manager's own account of the pool in the ledger). */
  carryRecipient: User;
  /** Whether the manager catches up after the preferred return. */
  catchUp: CatchUp;
  /** What the management fee is a percentage of. */
  feeBasis: FeeBasis;
  /** How often the management fee is charged. */
  feeFrequency: FeeFrequency;
  /** Months from the pool's opening without a management fee (0: none). */
  feeHolidayMonths: Scalars['Int']['output'];
  /** The preferred return members receive on unreturned capital before any carry, per year, in basis points (0: none). */
  hurdleBps: Scalars['Int']['output'];
  /** How the preferred return grows. */
  hurdleCompounding: HurdleCompounding;
  /** The management fee rate, per year for ANNUAL and QUARTERLY fees, in basis points. */
  managementFeeBps: Scalars['Int']['output'];
  /** The pool's status when this version was set: DRAFT, or a change made after opening. */
  poolStatus: PoolStatus;
  /** When this version was set. */
  setAt: Scalars['DateTime']['output'];
  /** Who set this version. */
  setBy: User;
  /** 1 for the first terms set, one more for each change. */
  version: Scalars['Int']['output'];
};

/** A page of a pool's terms versions, newest first. */
export type PoolTermsConnection = {
  __typename?: 'PoolTermsConnection';
  /** The versions with their cursors. */
  edges: Array<PoolTermsEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One version of a pool's terms in a page. */
export type PoolTermsEdge = {
  __typename?: 'PoolTermsEdge';
  /** Pass as `after` to continue with older versions. */
  cursor: Scalars['String']['output'];
  /** The terms version. */
  node: PoolTerms;
};

/** Fund terms to set on a pool. Rates are whole basis points (100 = 1 %). */
export type PoolTermsInput = {
  /** The carried interest, 0 to 5000. */
  carryBps: Scalars['Int']['input'];
  /** NONE, or FULL (needs a carry and a preferred return). */
  catchUp?: InputMaybe<CatchUp>;
  /** What the management fee is a percentage of. */
  feeBasis: FeeBasis;
  /** How often the management fee is charged. */
  feeFrequency: FeeFrequency;
  /** Months from opening without a management fee, 0 to 120 (needs a fee above 0). */
  feeHolidayMonths?: InputMaybe<Scalars['Int']['input']>;
  /** The preferred return per year, 0 to 5000 (0: none). */
  hurdleBps?: InputMaybe<Scalars['Int']['input']>;
  /** How the preferred return grows. */
  hurdleCompounding?: InputMaybe<HurdleCompounding>;
  /** The management fee rate, 0 to 2500 (per year for ANNUAL and QUARTERLY). */
  managementFeeBps: Scalars['Int']['input'];
};

/** Who a pool is shown to besides its manager, its members and admins. */
export type PoolVisibility =
  /** A private deal: seen only by investors with a live invitation (and members); joined by accepting one. */
  | 'INVITE_ONLY'
  /** Listed to every signed-in investor (and partner key) while OPEN; anyone may join it with joinPool. */
  | 'LISTED';

export type Query = {
  __typename?: 'Query';
  /** What an invite link's token opens; NOT_FOUND for a token that was never issued. Signed-in callers only. */
  inviteLink: InviteLinkPreview;
  /** One investor's membership of one pool, or null when there is none or the caller is not that investor, the pool's manager or an admin. */
  membership?: Maybe<Membership>;
  /**
   * The caller's EMAIL invitations, newest first (INVESTOR only). Reading them claims the
   * invitations sent to the caller's account email, including ones sent before the account existed.
   * @deprecated Use myInvitationsConnection.
   */
  myInvitations: Array<Invitation>;
  /**
   * The caller's EMAIL invitations, newest first (by id), a page at a time (INVESTOR only).
   * Reading the first page (no `after`) claims the invitations sent to the caller's account email,
   * including ones sent before the account existed; later pages continue that list. `first` 1 to
   * 200 (default 50), after the cursor `after` (an endCursor of this field).
   */
  myInvitationsConnection: InvitationConnection;
  /** A pool by id, or null when it does not exist or the caller may not see it. */
  pool?: Maybe<Pool>;
  /**
   * The pools the caller may see, newest first: admins all; everyone their own and the ones they joined, plus OPEN LISTED pools and the pools of their live invitations.
   * @deprecated Use poolsConnection.
   */
  pools: Array<Pool>;
  /**
   * ADMIN only: the mutations this subgraph served, newest first (first 1 to 500, default 50).
   * @deprecated Use poolsAuditLogConnection.
   */
  poolsAuditLog: Array<AuditEntry>;
  /**
   * ADMIN only: the mutations this subgraph served, newest first: `first` 1 to 500 (default 50),
   * after the cursor `after` (an endCursor of this field).
   */
  poolsAuditLogConnection: AuditEntryConnection;
  /**
   * The pools the caller may see, newest first, a page at a time: admins all; everyone their own
   * and the ones they joined, plus OPEN LISTED pools and the pools of their live invitations; a
   * delegated key its manager's pools it covers. `first` 1 to 100 (default 50), after the cursor
   * `after` (an endCursor of this field).
   */
  poolsConnection: PoolConnection;
};


export type QueryInviteLinkArgs = {
  token: Scalars['String']['input'];
};


export type QueryMembershipArgs = {
  investorId: Scalars['ID']['input'];
  poolId: Scalars['ID']['input'];
};


export type QueryMyInvitationsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPoolArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPoolsAuditLogArgs = {
  before?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPoolsAuditLogConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPoolsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Changes to a DRAFT or OPEN pool. An omitted field stays as it is; null clears an optional field. */
export type UpdatePoolInput = {
  /** Only while the pool is DRAFT and has no members; cannot be cleared. */
  currency?: InputMaybe<Scalars['String']['input']>;
  /** At most 5000 characters; null clears it. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Most members accepted, not below the current member count; null removes the limit. */
  maxInvestors?: InputMaybe<Scalars['Int']['input']>;
  /** Smallest commitment for new members (existing commitments stay); null clears it. */
  minContribution?: InputMaybe<Scalars['Decimal']['input']>;
  /** 1 to 200 characters; cannot be cleared. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Capital to raise; null clears it. */
  targetAmount?: InputMaybe<Scalars['Decimal']['input']>;
};

/** A user (owned by the users subgraph). Pools adds the pools they manage and the pools they belong to. */
export type User = {
  __typename?: 'User';
  /** Stable identifier (a UUID). */
  id: Scalars['ID']['output'];
  /**
   * Pools this user manages, newest first. Only the user themself and admins may read it (FORBIDDEN otherwise).
   * @deprecated Use managedPoolsConnection.
   */
  managedPools: Array<Pool>;
  /**
   * Pools this user manages, newest first, a page at a time: `first` 1 to 100 (default 50), after
   * the cursor `after` (an endCursor of this field). Only the user themself and admins may read it
   * (FORBIDDEN otherwise).
   */
  managedPoolsConnection: PoolConnection;
  /**
   * Pools this user has joined, newest first. Only the user themself and admins may read it (FORBIDDEN otherwise).
   * @deprecated Use membershipsConnection.
   */
  memberships: Array<Membership>;
  /**
   * This user's memberships, newest first (by when they joined), a page at a time: `first` 1 to
   * 500 (default 100), after the cursor `after` (an endCursor of this field). Only the user
   * themself and admins may read it (FORBIDDEN otherwise).
   */
  membershipsConnection: MembershipConnection;
};


/** A user (owned by the users subgraph). Pools adds the pools they manage and the pools they belong to. */
export type UserManagedPoolsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A user (owned by the users subgraph). Pools adds the pools they manage and the pools they belong to. */
export type UserMembershipsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  Membership: Membership;
  Pool: Pool;
  User: User;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Membership:
    ( { __typename: 'Membership' }
    & ( GraphQLRecursivePick<FederationTypes['Membership'], {"id":true}>
        | GraphQLRecursivePick<FederationTypes['Membership'], {"pool":{"id":true},"investor":{"id":true}}> ) );
  Pool:
    ( { __typename: 'Pool' }
    & GraphQLRecursivePick<FederationTypes['Pool'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AuditEntry: ResolverTypeWrapper<AuditEntry>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  AuditEntryConnection: ResolverTypeWrapper<AuditEntryConnection>;
  AuditEntryEdge: ResolverTypeWrapper<AuditEntryEdge>;
  CapitalCall: ResolverTypeWrapper<CapitalCallRow>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  CapitalCallConnection: ResolverTypeWrapper<Omit<CapitalCallConnection, 'edges'> & { edges: Array<ResolversTypes['CapitalCallEdge']> }>;
  CapitalCallEdge: ResolverTypeWrapper<Omit<CapitalCallEdge, 'node'> & { node: ResolversTypes['CapitalCall'] }>;
  CapitalCallItem: ResolverTypeWrapper<CapitalCallItemRow>;
  CatchUp: CatchUp;
  CreatePoolInput: CreatePoolInput;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  FeeBasis: FeeBasis;
  FeeFrequency: FeeFrequency;
  HurdleCompounding: HurdleCompounding;
  ImportPoolInput: ImportPoolInput;
  ImportedPool: ResolverTypeWrapper<Omit<ImportedPool, 'pool'> & { pool: ResolversTypes['Pool'] }>;
  Invitation: ResolverTypeWrapper<InvitationRow>;
  InvitationConnection: ResolverTypeWrapper<Omit<InvitationConnection, 'edges'> & { edges: Array<ResolversTypes['InvitationEdge']> }>;
  InvitationEdge: ResolverTypeWrapper<Omit<InvitationEdge, 'node'> & { node: ResolversTypes['Invitation'] }>;
  InvitationKind: InvitationKind;
  InvitationStatus: InvitationStatus;
  InviteLinkCreated: ResolverTypeWrapper<Omit<InviteLinkCreated, 'invitation'> & { invitation: ResolversTypes['Invitation'] }>;
  InviteLinkPreview: ResolverTypeWrapper<InvitationRow>;
  Membership: ResolverTypeWrapper<MembershipRow>;
  MembershipConnection: ResolverTypeWrapper<Omit<MembershipConnection, 'edges'> & { edges: Array<ResolversTypes['MembershipEdge']> }>;
  MembershipEdge: ResolverTypeWrapper<Omit<MembershipEdge, 'node'> & { node: ResolversTypes['Membership'] }>;
  Money: ResolverTypeWrapper<MoneyValue>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Pool: ResolverTypeWrapper<PoolRow>;
  PoolConnection: ResolverTypeWrapper<Omit<PoolConnection, 'edges'> & { edges: Array<ResolversTypes['PoolEdge']> }>;
  PoolEdge: ResolverTypeWrapper<Omit<PoolEdge, 'node'> & { node: ResolversTypes['Pool'] }>;
  PoolStatus: PoolStatus;
  PoolTerms: ResolverTypeWrapper<PoolTermsRow>;
  PoolTermsConnection: ResolverTypeWrapper<Omit<PoolTermsConnection, 'edges'> & { edges: Array<ResolversTypes['PoolTermsEdge']> }>;
  PoolTermsEdge: ResolverTypeWrapper<Omit<PoolTermsEdge, 'node'> & { node: ResolversTypes['PoolTerms'] }>;
  PoolTermsInput: PoolTermsInput;
  PoolVisibility: PoolVisibility;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  UpdatePoolInput: UpdatePoolInput;
  User: ResolverTypeWrapper<UserRef>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AuditEntry: AuditEntry;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  AuditEntryConnection: AuditEntryConnection;
  AuditEntryEdge: AuditEntryEdge;
  CapitalCall: CapitalCallRow;
  Float: Scalars['Float']['output'];
  CapitalCallConnection: Omit<CapitalCallConnection, 'edges'> & { edges: Array<ResolversParentTypes['CapitalCallEdge']> };
  CapitalCallEdge: Omit<CapitalCallEdge, 'node'> & { node: ResolversParentTypes['CapitalCall'] };
  CapitalCallItem: CapitalCallItemRow;
  CreatePoolInput: CreatePoolInput;
  Int: Scalars['Int']['output'];
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  ImportPoolInput: ImportPoolInput;
  ImportedPool: Omit<ImportedPool, 'pool'> & { pool: ResolversParentTypes['Pool'] };
  Invitation: InvitationRow;
  InvitationConnection: Omit<InvitationConnection, 'edges'> & { edges: Array<ResolversParentTypes['InvitationEdge']> };
  InvitationEdge: Omit<InvitationEdge, 'node'> & { node: ResolversParentTypes['Invitation'] };
  InviteLinkCreated: Omit<InviteLinkCreated, 'invitation'> & { invitation: ResolversParentTypes['Invitation'] };
  InviteLinkPreview: InvitationRow;
  Membership: MembershipRow;
  MembershipConnection: Omit<MembershipConnection, 'edges'> & { edges: Array<ResolversParentTypes['MembershipEdge']> };
  MembershipEdge: Omit<MembershipEdge, 'node'> & { node: ResolversParentTypes['Membership'] };
  Money: MoneyValue;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  Pool: PoolRow;
  PoolConnection: Omit<PoolConnection, 'edges'> & { edges: Array<ResolversParentTypes['PoolEdge']> };
  PoolEdge: Omit<PoolEdge, 'node'> & { node: ResolversParentTypes['Pool'] };
  PoolTerms: PoolTermsRow;
  PoolTermsConnection: Omit<PoolTermsConnection, 'edges'> & { edges: Array<ResolversParentTypes['PoolTermsEdge']> };
  PoolTermsEdge: Omit<PoolTermsEdge, 'node'> & { node: ResolversParentTypes['PoolTerms'] };
  PoolTermsInput: PoolTermsInput;
  Query: Record<PropertyKey, never>;
  UpdatePoolInput: UpdatePoolInput;
  User: UserRef;
};

export type AuditEntryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
  actorId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  actorRoles?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  calls?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  clientAddress?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  clientOperationName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  operation?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requestId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AuditEntryConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditEntryConnection'] = ResolversParentTypes['AuditEntryConnection']> = {
  edges?: Resolver<Array<ResolversTypes['AuditEntryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type AuditEntryEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditEntryEdge'] = ResolversParentTypes['AuditEntryEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AuditEntry'], ParentType, ContextType>;
};

export type CapitalCallResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CapitalCall'] = ResolversParentTypes['CapitalCall']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  dueDate?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['CapitalCallItem']>, ParentType, ContextType>;
  percent?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  pool?: Resolver<ResolversTypes['Pool'], ParentType, ContextType>;
  totalCalled?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type CapitalCallConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CapitalCallConnection'] = ResolversParentTypes['CapitalCallConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CapitalCallEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type CapitalCallEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CapitalCallEdge'] = ResolversParentTypes['CapitalCallEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['CapitalCall'], ParentType, ContextType>;
};

export type CapitalCallItemResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CapitalCallItem'] = ResolversParentTypes['CapitalCallItem']> = {
  called?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  investor?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  outstanding?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  paid?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type ImportedPoolResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ImportedPool'] = ResolversParentTypes['ImportedPool']> = {
  externalId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pool?: Resolver<ResolversTypes['Pool'], ParentType, ContextType>;
};

export type InvitationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Invitation'] = ResolversParentTypes['Invitation']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['InvitationKind'], ParentType, ContextType>;
  maxUses?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  pool?: Resolver<Maybe<ResolversTypes['Pool']>, ParentType, ContextType>;
  poolName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  respondedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['InvitationStatus'], ParentType, ContextType>;
  uses?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type InvitationConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvitationConnection'] = ResolversParentTypes['InvitationConnection']> = {
  edges?: Resolver<Array<ResolversTypes['InvitationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type InvitationEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvitationEdge'] = ResolversParentTypes['InvitationEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Invitation'], ParentType, ContextType>;
};

export type InviteLinkCreatedResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InviteLinkCreated'] = ResolversParentTypes['InviteLinkCreated']> = {
  invitation?: Resolver<ResolversTypes['Invitation'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type InviteLinkPreviewResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InviteLinkPreview'] = ResolversParentTypes['InviteLinkPreview']> = {
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  pool?: Resolver<Maybe<ResolversTypes['Pool']>, ParentType, ContextType>;
  poolName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['InvitationStatus'], ParentType, ContextType>;
};

export type MembershipResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Membership'] = ResolversParentTypes['Membership'], FederationReferenceType extends FederationReferenceTypes['Membership'] = FederationReferenceTypes['Membership']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Membership']> | FederationReferenceType, FederationReferenceType, ContextType>;
  called?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  commitment?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  investor?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  joinedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  outstanding?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  paid?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  pool?: Resolver<ResolversTypes['Pool'], ParentType, ContextType>;
};

export type MembershipConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MembershipConnection'] = ResolversParentTypes['MembershipConnection']> = {
  edges?: Resolver<Array<ResolversTypes['MembershipEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type MembershipEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MembershipEdge'] = ResolversParentTypes['MembershipEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Membership'], ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  acceptInvitation?: Resolver<ResolversTypes['Membership'], ParentType, ContextType, RequireFields<MutationAcceptInvitationArgs, 'commitment' | 'id'>>;
  acceptInviteLink?: Resolver<ResolversTypes['Membership'], ParentType, ContextType, RequireFields<MutationAcceptInviteLinkArgs, 'commitment' | 'token'>>;
  archivePool?: Resolver<ResolversTypes['Pool'], ParentType, ContextType, RequireFields<MutationArchivePoolArgs, 'id'>>;
  callCapital?: Resolver<ResolversTypes['CapitalCall'], ParentType, ContextType, RequireFields<MutationCallCapitalArgs, 'dueDate' | 'percent' | 'poolId'>>;
  closePool?: Resolver<ResolversTypes['Pool'], ParentType, ContextType, RequireFields<MutationClosePoolArgs, 'id'>>;
  createInviteLink?: Resolver<ResolversTypes['InviteLinkCreated'], ParentType, ContextType, RequireFields<MutationCreateInviteLinkArgs, 'expiresInDays' | 'poolId'>>;
  createPool?: Resolver<ResolversTypes['Pool'], ParentType, ContextType, RequireFields<MutationCreatePoolArgs, 'input'>>;
  declineInvitation?: Resolver<ResolversTypes['Invitation'], ParentType, ContextType, RequireFields<MutationDeclineInvitationArgs, 'id'>>;
  importPools?: Resolver<Array<ResolversTypes['ImportedPool']>, ParentType, ContextType, RequireFields<MutationImportPoolsArgs, 'managerId' | 'pools'>>;
  inviteByEmail?: Resolver<ResolversTypes['Invitation'], ParentType, ContextType, RequireFields<MutationInviteByEmailArgs, 'email' | 'expiresInDays' | 'poolId'>>;
  inviteInvestor?: Resolver<ResolversTypes['Membership'], ParentType, ContextType, RequireFields<MutationInviteInvestorArgs, 'commitment' | 'investorId' | 'poolId'>>;
  joinPool?: Resolver<ResolversTypes['Membership'], ParentType, ContextType, RequireFields<MutationJoinPoolArgs, 'commitment' | 'poolId'>>;
  openPool?: Resolver<ResolversTypes['Pool'], ParentType, ContextType, RequireFields<MutationOpenPoolArgs, 'id'>>;
  raiseCommitment?: Resolver<ResolversTypes['Membership'], ParentType, ContextType, RequireFields<MutationRaiseCommitmentArgs, 'commitment' | 'investorId' | 'poolId'>>;
  removeMember?: Resolver<ResolversTypes['Pool'], ParentType, ContextType, RequireFields<MutationRemoveMemberArgs, 'investorId' | 'poolId'>>;
  revokeInvitation?: Resolver<ResolversTypes['Invitation'], ParentType, ContextType, RequireFields<MutationRevokeInvitationArgs, 'id'>>;
  setPoolTerms?: Resolver<ResolversTypes['Pool'], ParentType, ContextType, RequireFields<MutationSetPoolTermsArgs, 'input' | 'poolId'>>;
  setPoolVisibility?: Resolver<ResolversTypes['Pool'], ParentType, ContextType, RequireFields<MutationSetPoolVisibilityArgs, 'id' | 'visibility'>>;
  updatePool?: Resolver<ResolversTypes['Pool'], ParentType, ContextType, RequireFields<MutationUpdatePoolArgs, 'id' | 'input'>>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PoolResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Pool'] = ResolversParentTypes['Pool'], FederationReferenceType extends FederationReferenceTypes['Pool'] = FederationReferenceTypes['Pool']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Pool']> | FederationReferenceType, FederationReferenceType, ContextType>;
  capitalCalls?: Resolver<Array<ResolversTypes['CapitalCall']>, ParentType, ContextType>;
  capitalCallsConnection?: Resolver<ResolversTypes['CapitalCallConnection'], ParentType, ContextType, RequireFields<PoolCapitalCallsConnectionArgs, 'first'>>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invitations?: Resolver<Array<ResolversTypes['Invitation']>, ParentType, ContextType>;
  invitationsConnection?: Resolver<ResolversTypes['InvitationConnection'], ParentType, ContextType, RequireFields<PoolInvitationsConnectionArgs, 'first'>>;
  manager?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  maxInvestors?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  memberCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  members?: Resolver<Array<ResolversTypes['Membership']>, ParentType, ContextType, RequireFields<PoolMembersArgs, 'first'>>;
  membersConnection?: Resolver<ResolversTypes['MembershipConnection'], ParentType, ContextType, RequireFields<PoolMembersConnectionArgs, 'first'>>;
  minContribution?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revision?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PoolStatus'], ParentType, ContextType>;
  targetAmount?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  terms?: Resolver<Maybe<ResolversTypes['PoolTerms']>, ParentType, ContextType>;
  termsHistory?: Resolver<Array<ResolversTypes['PoolTerms']>, ParentType, ContextType>;
  termsHistoryConnection?: Resolver<ResolversTypes['PoolTermsConnection'], ParentType, ContextType, RequireFields<PoolTermsHistoryConnectionArgs, 'first'>>;
  visibility?: Resolver<ResolversTypes['PoolVisibility'], ParentType, ContextType>;
};

export type PoolConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PoolConnection'] = ResolversParentTypes['PoolConnection']> = {
  edges?: Resolver<Array<ResolversTypes['PoolEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type PoolEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PoolEdge'] = ResolversParentTypes['PoolEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Pool'], ParentType, ContextType>;
};

export type PoolTermsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PoolTerms'] = ResolversParentTypes['PoolTerms']> = {
  carryBps?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  carryRecipient?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  catchUp?: Resolver<ResolversTypes['CatchUp'], ParentType, ContextType>;
  feeBasis?: Resolver<ResolversTypes['FeeBasis'], ParentType, ContextType>;
  feeFrequency?: Resolver<ResolversTypes['FeeFrequency'], ParentType, ContextType>;
  feeHolidayMonths?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  hurdleBps?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  hurdleCompounding?: Resolver<ResolversTypes['HurdleCompounding'], ParentType, ContextType>;
  managementFeeBps?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  poolStatus?: Resolver<ResolversTypes['PoolStatus'], ParentType, ContextType>;
  setAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  setBy?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PoolTermsConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PoolTermsConnection'] = ResolversParentTypes['PoolTermsConnection']> = {
  edges?: Resolver<Array<ResolversTypes['PoolTermsEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type PoolTermsEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PoolTermsEdge'] = ResolversParentTypes['PoolTermsEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['PoolTerms'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  inviteLink?: Resolver<ResolversTypes['InviteLinkPreview'], ParentType, ContextType, RequireFields<QueryInviteLinkArgs, 'token'>>;
  membership?: Resolver<Maybe<ResolversTypes['Membership']>, ParentType, ContextType, RequireFields<QueryMembershipArgs, 'investorId' | 'poolId'>>;
  myInvitations?: Resolver<Array<ResolversTypes['Invitation']>, ParentType, ContextType>;
  myInvitationsConnection?: Resolver<ResolversTypes['InvitationConnection'], ParentType, ContextType, RequireFields<QueryMyInvitationsConnectionArgs, 'first'>>;
  pool?: Resolver<Maybe<ResolversTypes['Pool']>, ParentType, ContextType, RequireFields<QueryPoolArgs, 'id'>>;
  pools?: Resolver<Array<ResolversTypes['Pool']>, ParentType, ContextType>;
  poolsAuditLog?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, RequireFields<QueryPoolsAuditLogArgs, 'first'>>;
  poolsAuditLogConnection?: Resolver<ResolversTypes['AuditEntryConnection'], ParentType, ContextType, RequireFields<QueryPoolsAuditLogConnectionArgs, 'first'>>;
  poolsConnection?: Resolver<ResolversTypes['PoolConnection'], ParentType, ContextType, RequireFields<QueryPoolsConnectionArgs, 'first'>>;
};

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  managedPools?: Resolver<Array<ResolversTypes['Pool']>, ParentType, ContextType>;
  managedPoolsConnection?: Resolver<ResolversTypes['PoolConnection'], ParentType, ContextType, RequireFields<UserManagedPoolsConnectionArgs, 'first'>>;
  memberships?: Resolver<Array<ResolversTypes['Membership']>, ParentType, ContextType>;
  membershipsConnection?: Resolver<ResolversTypes['MembershipConnection'], ParentType, ContextType, RequireFields<UserMembershipsConnectionArgs, 'first'>>;
};

export type Resolvers<ContextType = Context> = {
  AuditEntry?: AuditEntryResolvers<ContextType>;
  AuditEntryConnection?: AuditEntryConnectionResolvers<ContextType>;
  AuditEntryEdge?: AuditEntryEdgeResolvers<ContextType>;
  CapitalCall?: CapitalCallResolvers<ContextType>;
  CapitalCallConnection?: CapitalCallConnectionResolvers<ContextType>;
  CapitalCallEdge?: CapitalCallEdgeResolvers<ContextType>;
  CapitalCallItem?: CapitalCallItemResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  ImportedPool?: ImportedPoolResolvers<ContextType>;
  Invitation?: InvitationResolvers<ContextType>;
  InvitationConnection?: InvitationConnectionResolvers<ContextType>;
  InvitationEdge?: InvitationEdgeResolvers<ContextType>;
  InviteLinkCreated?: InviteLinkCreatedResolvers<ContextType>;
  InviteLinkPreview?: InviteLinkPreviewResolvers<ContextType>;
  Membership?: MembershipResolvers<ContextType>;
  MembershipConnection?: MembershipConnectionResolvers<ContextType>;
  MembershipEdge?: MembershipEdgeResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Pool?: PoolResolvers<ContextType>;
  PoolConnection?: PoolConnectionResolvers<ContextType>;
  PoolEdge?: PoolEdgeResolvers<ContextType>;
  PoolTerms?: PoolTermsResolvers<ContextType>;
  PoolTermsConnection?: PoolTermsConnectionResolvers<ContextType>;
  PoolTermsEdge?: PoolTermsEdgeResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
};

