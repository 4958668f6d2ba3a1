import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { InvestorRankingRow } from '../data/investorRankings.ts';
import type { PoolPerformanceModel, PerformancePointModel } from '../services/performance.ts';
import type { StatementModel, StatementLineModel } from '../services/statements.ts';
import type { ValuationRow } from '../data/valuations.ts';
import type { InvestorPerformanceModel } from '../services/poolMetrics.ts';
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

/**
 * One investor's performance in one pool. NAV is shared by net contributed capital
 * (contributed − withdrawn).
 */
export type InvestorPerformance = {
  __typename?: 'InvestorPerformance';
  /** The investor's posted contributions. */
  contributed: Money;
  /** Distributions paid to the investor. */
  distributed: Money;
  /** distributed / (contributed − withdrawn), 6 decimals rounded down. */
  dpi?: Maybe<Scalars['Decimal']['output']>;
  /** The investor's share of fees. */
  fees: Money;
  /** The investor. */
  investor: User;
  /**
   * XIRR of the investor's own dated flows with navShare on the pool's navDate; null when
   * undefined.
   */
  irr?: Maybe<Scalars['Decimal']['output']>;
  /** (distributed + navShare + fees) / (contributed − withdrawn), 6 decimals rounded down. */
  moic?: Maybe<Scalars['Decimal']['output']>;
  /**
   * The investor's share of the pool's NAV: NAV × their net contributed capital / the pool's,
   * split with the largest-remainder method so the shares sum to the NAV. Null before the pool's
   * first valuation.
   */
  navShare?: Maybe<Money>;
  /** The pool. */
  pool: Pool;
  /** navShare / (contributed − withdrawn), 6 decimals rounded down. */
  rvpi?: Maybe<Scalars['Decimal']['output']>;
  /** (distributed + navShare) / (contributed − withdrawn), 6 decimals rounded down. */
  tvpi?: Maybe<Scalars['Decimal']['output']>;
  /** The investor's withdrawals. */
  withdrawn: Money;
};

/** A page of investor performance lines (by investor id in a pool, by pool id for an investor). */
export type InvestorPerformanceConnection = {
  __typename?: 'InvestorPerformanceConnection';
  /** The lines with their cursors. */
  edges: Array<InvestorPerformanceEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One investor performance line in a page. */
export type InvestorPerformanceEdge = {
  __typename?: 'InvestorPerformanceEdge';
  /** Pass as `after` to continue with the next lines. */
  cursor: Scalars['String']['output'];
  /** The line. */
  node: InvestorPerformance;
};

/** One investor's place in the topInvestors ranking. */
export type InvestorRanking = {
  __typename?: 'InvestorRanking';
  /** The investor. */
  investor: User;
  /** The sum of the investor's posted contributions in the period, in the requested currency. */
  totalInvested: Money;
  /** How many distinct pools the investor contributed to in the period. */
  uniquePools: Scalars['Int']['output'];
};

/** What an investor's capital accounts did between `from` (inclusive) and `to` (exclusive). */
export type InvestorStatement = {
  __typename?: 'InvestorStatement';
  /**
   * The statement as CSV (RFC 4180, header row, exact decimal amounts, one row per line):
   * pool_id, pool_name, currency, opening_balance, contributions, distributions, fees,
   * withdrawals, closing_balance, proceeds, carry, return_of_capital, preferred_return,
   * profit_share, pro_rata_distributions, nav_share, nav_date (appended later, last, so earlier
   * columns keep their positions; nav_share and nav_date empty without a valuation). Text cells are always quoted, with an apostrophe before any
   * character a spreadsheet would start a formula with (in the `,` and the `;` locales alike);
   * amounts are bare decimals with a "." (negative with "-"), so they stay numbers.
   */
  csv: Scalars['String']['output'];
  /** The window's start (inclusive), as asked; null for "since the beginning". */
  from?: Maybe<Scalars['DateTime']['output']>;
  /** The investor. */
  investor: User;
  /** One line per pool with any movement up to `to`, by pool id. */
  lines: Array<StatementLine>;
  /**
   * The same statement as a PDF document (base64 of its bytes, application/pdf): the period, and
   * per pool every figure of the CSV, formatted with the pool's currency. Generated on request.
   */
  pdf: Scalars['String']['output'];
  /** The window's end (exclusive), as asked; null for "until now". */
  to?: Maybe<Scalars['DateTime']['output']>;
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
   * Records a valuation of a pool. The pool's manager or an ADMIN; FORBIDDEN otherwise.
   * BAD_USER_INPUT for a malformed, future or too early date, a negative or malformed value, or a
   * note too long; CONFLICT when the pool has a valuation of that day (unless `replace`);
   * NOT_FOUND for a pool reports has never heard of.
   */
  recordValuation: Valuation;
};


export type MutationRecordValuationArgs = {
  input: RecordValuationInput;
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

/** One point of a pool's history: what moved in one day or month (UTC). */
export type PerformancePoint = {
  __typename?: 'PerformancePoint';
  /** Posted contributions in the period. */
  contributed: Money;
  /** Posted distributions in the period. */
  distributed: Money;
  /** The day ("2026-01-31") or month ("2026-01"). */
  period: Scalars['String']['output'];
};

/** A page of a pool's activity by day or by month, oldest first. */
export type PerformancePointConnection = {
  __typename?: 'PerformancePointConnection';
  /** The periods with their cursors. */
  edges: Array<PerformancePointEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One period in a page. */
export type PerformancePointEdge = {
  __typename?: 'PerformancePointEdge';
  /** Pass as `after` to continue with later periods. */
  cursor: Scalars['String']['output'];
  /** The period's activity. */
  node: PerformancePoint;
};

/** An investment pool (owned by the pools subgraph). */
export type Pool = {
  __typename?: 'Pool';
  /** Stable identifier (a UUID). */
  id: Scalars['ID']['output'];
};

/** A pool's performance, from the read models (see reportsFreshness for how current they are). */
export type PoolPerformance = {
  __typename?: 'PoolPerformance';
  /**
   * Contributions and distributions per UTC day with activity, oldest first.
   * @deprecated Use byDayConnection.
   */
  byDay: Array<PerformancePoint>;
  /**
   * Contributions and distributions per UTC day with activity, oldest first, a page at a time.
   * `first` 1 to 1,000 (default 366), after the cursor `after` (an endCursor of this field).
   */
  byDayConnection: PerformancePointConnection;
  /**
   * Contributions and distributions per UTC month with activity, oldest first.
   * @deprecated Use byMonthConnection.
   */
  byMonth: Array<PerformancePoint>;
  /**
   * Contributions and distributions per UTC month with activity, oldest first, a page at a time.
   * `first` 1 to 1,000 (default 366), after the cursor `after` (an endCursor of this field).
   */
  byMonthConnection: PerformancePointConnection;
  /** Capital called so far (from the pools subgraph's events). */
  called: Money;
  /** The pool's cash: contributed + proceeds − distributed − fees − withdrawn. */
  cash: Money;
  /** The sum of current members' commitments (from the pools subgraph's events). */
  committed: Money;
  /** Paid-in capital: the sum of posted contributions. */
  contributed: Money;
  /** The sum of posted distributions. */
  distributed: Money;
  /**
   * Distributions to paid-in capital: distributed / (contributed − withdrawn), exact to 6
   * decimals (rounded down), e.g. "0.250000"; null while no capital is paid in.
   */
  dpi?: Maybe<Scalars['Decimal']['output']>;
  /** The sum of posted fees. */
  fees: Money;
  /** Investors with at least one posted contribution to the pool. */
  investorCount: Scalars['Int']['output'];
  /**
   * Each investor's share of the pool's performance, by investor id. The pool's manager, ADMIN
   * and PARTNER see every investor; an investor sees only their own line.
   * @deprecated Use investorsConnection.
   */
  investors: Array<InvestorPerformance>;
  /**
   * Each investor's share of the pool's performance, by investor id, a page at a time. The pool's
   * manager, ADMIN and PARTNER see every investor; an investor sees only their own line. `first` 1
   * to 500 (default 100), after the cursor `after` (an endCursor of this field).
   */
  investorsConnection: InvestorPerformanceConnection;
  /**
   * Internal rate of return per year (XIRR, actual/365) of the investors' dated cash flows:
   * contributions out, distributions and withdrawals in, and NAV in on navDate; a fraction to 6
   * decimals, e.g. "0.125000" for 12.5 %. Null when undefined: no NAV, no sign change among the
   * flows, or no rate found.
   */
  irr?: Maybe<Scalars['Decimal']['output']>;
  /**
   * Multiple on invested capital, gross of fees: (distributed + NAV + fees) / (contributed −
   * withdrawn), 6 decimals rounded down; null without a NAV or paid-in capital.
   */
  moic?: Maybe<Scalars['Decimal']['output']>;
  /**
   * Net asset value: the latest valuation, plus contributions and less distributions,
   * withdrawals and fees posted on later UTC days; never below zero. Null before the first
   * valuation.
   */
  nav?: Maybe<Money>;
  /**
   * The day NAV, IRR and the investors' shares are stated at: the later of the latest
   * valuation's day and the last day with a posted cash flow ("2026-01-31", UTC); null before
   * the first valuation.
   */
  navDate?: Maybe<Scalars['String']['output']>;
  /** The pool. */
  pool: Pool;
  /** The sum of posted proceeds: money the pool received back from its holdings (exits, dividends, sales). */
  proceeds: Money;
  /**
   * Residual value to paid-in capital: NAV / (contributed − withdrawn), 6 decimals rounded down;
   * null without a NAV or paid-in capital.
   */
  rvpi?: Maybe<Scalars['Decimal']['output']>;
  /**
   * Total value to paid-in capital: (distributed + NAV) / (contributed − withdrawn), 6 decimals
   * rounded down; null without a NAV or paid-in capital.
   */
  tvpi?: Maybe<Scalars['Decimal']['output']>;
  /**
   * The pool's valuations, newest day first.
   * @deprecated Use valuationsConnection.
   */
  valuations: Array<Valuation>;
  /**
   * The pool's valuations, newest day first (one per day), a page at a time. `first` 1 to 500
   * (default 100), after the cursor `after` (an endCursor of this field).
   */
  valuationsConnection: ValuationConnection;
  /** The sum of posted withdrawals. */
  withdrawn: Money;
};


/** A pool's performance, from the read models (see reportsFreshness for how current they are). */
export type PoolPerformanceByDayConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A pool's performance, from the read models (see reportsFreshness for how current they are). */
export type PoolPerformanceByMonthConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A pool's performance, from the read models (see reportsFreshness for how current they are). */
export type PoolPerformanceInvestorsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A pool's performance, from the read models (see reportsFreshness for how current they are). */
export type PoolPerformanceValuationsConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type Query = {
  __typename?: 'Query';
  /**
   * An investor's performance in each pool they have capital in, by pool id. The investor,
   * ADMIN and PARTNER see every pool; a MANAGER the pools they manage; others FORBIDDEN.
   * @deprecated Use investorPerformanceConnection.
   */
  investorPerformance: Array<InvestorPerformance>;
  /**
   * An investor's performance in each pool they have capital in, by pool id, a page at a time
   * (only the page's pools are computed). Same callers as investorPerformance. `first` 1 to 100
   * (default 50), after the cursor `after` (an endCursor of this field).
   */
  investorPerformanceConnection: InvestorPerformanceConnection;
  /**
   * An investor's statement per pool over [from, to). The investor themself, ADMIN and PARTNER
   * see every pool; a MANAGER sees the lines of the pools they manage; others FORBIDDEN.
   */
  investorStatement: InvestorStatement;
  /**
   * A pool's performance. ADMIN and PARTNER, the pool's manager, and investors who contributed
   * to it; others FORBIDDEN. NOT_FOUND for a pool reports has never heard of.
   */
  poolPerformance: PoolPerformance;
  /**
   * ADMIN only: the mutations this subgraph served, newest first (first 1 to 500, default 50).
   * @deprecated Use reportsAuditLogConnection.
   */
  reportsAuditLog: Array<AuditEntry>;
  /**
   * ADMIN only: the mutations this subgraph served, newest first: `first` 1 to 500 (default 50),
   * after the cursor `after` (an endCursor of this field).
   */
  reportsAuditLogConnection: AuditEntryConnection;
  /** How current the reports are. Any signed-in caller. */
  reportsFreshness: ReportsFreshness;
  /**
   * The investors who contributed to the most distinct pools, ties broken by the larger total
   * invested, then by investor id. Counts posted contributions in `currency` only, with
   * `from` inclusive and `to` exclusive on the transaction's time. `limit` is 1 to 100.
   * ADMIN and PARTNER see the whole platform; a MANAGER sees the ranking restricted to the pools
   * they manage; INVESTOR is FORBIDDEN.
   */
  topInvestors: Array<InvestorRanking>;
};


export type QueryInvestorPerformanceArgs = {
  investorId: Scalars['ID']['input'];
};


export type QueryInvestorPerformanceConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  investorId: Scalars['ID']['input'];
};


export type QueryInvestorStatementArgs = {
  from?: InputMaybe<Scalars['DateTime']['input']>;
  investorId: Scalars['ID']['input'];
  to?: InputMaybe<Scalars['DateTime']['input']>;
};


export type QueryPoolPerformanceArgs = {
  poolId: Scalars['ID']['input'];
};


export type QueryReportsAuditLogArgs = {
  before?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryReportsAuditLogConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryTopInvestorsArgs = {
  currency?: InputMaybe<Scalars['String']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** A valuation to record. */
export type RecordValuationInput = {
  /**
   * The UTC day the value is stated at, "YYYY-MM-DD": not in the future, not before the pool
   * existed.
   */
  date: Scalars['String']['input'];
  /** Where the value comes from, at most 1,000 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** The pool (you must manage it, or be an administrator). */
  poolId: Scalars['ID']['input'];
  /** Replace the pool's valuation of the same day instead of failing with CONFLICT. */
  replace?: InputMaybe<Scalars['Boolean']['input']>;
  /** The pool's net assets on that day, in its currency, at least zero, e.g. "125000.00". */
  value: Scalars['Decimal']['input'];
};

/** How current the reports are: they are read models fed by the ledger's events, after commit. */
export type ReportsFreshness = {
  __typename?: 'ReportsFreshness';
  /**
   * How far the read models are behind the ledger: the age of the oldest ledger event not yet
   * applied, in seconds; 0 when every published event is applied.
   */
  lagSeconds: Scalars['Float']['output'];
  /**
   * The time (the transaction's own time) of the newest ledger transaction applied so far; null
   * before the first one.
   */
  lastEventAt?: Maybe<Scalars['DateTime']['output']>;
};

/**
 * One pool's line in an investor statement. Balances are the investor's capital account:
 * contributions + proceeds − distributions − fees − withdrawals.
 */
export type StatementLine = {
  __typename?: 'StatementLine';
  /**
   * The carried interest the investor bore in the window: their part of each carry the pool paid
   * its manager (the ledger's Position.carryBorne), debited to their capital account.
   */
  carry: Money;
  /**
   * openingBalance + contributions + proceeds − distributions − fees − withdrawals − carry. Without
   * `to`, it equals the ledger's position (contributed + proceeds − distributed − fees − withdrawn
   * − carry borne).
   */
  closingBalance: Money;
  /** Contributions in the window. */
  contributions: Money;
  /** Distributions in the window. */
  distributions: Money;
  /** Of distributions: preferred return, as the pool's waterfall paid it. */
  distributionsPreferredReturn: Money;
  /**
   * Of distributions: those without tiers, i.e. pro-rata distributions (a pool without carry), and
   * waterfall distributions posted before the ledger recorded tiers. The four parts sum to
   * distributions.
   */
  distributionsProRata: Money;
  /** Of distributions: the investor's part of the waterfall's profit split. */
  distributionsProfitShare: Money;
  /**
   * Of distributions: return of capital, as the pool's waterfall paid it (recorded by the ledger
   * with each distribution, never recomputed).
   */
  distributionsReturnOfCapital: Money;
  /** The investor's share of fees in the window. */
  fees: Money;
  /**
   * The UTC day ("YYYY-MM-DD") navShare is stated at: the later of that valuation's day and the
   * pool's last movement day before `to`. Null with navShare.
   */
  navDate?: Maybe<Scalars['String']['output']>;
  /**
   * The investor's share of the pool's NAV as of the statement's end (`to`, or now): the latest
   * valuation dated on or before the period's last day, moved by the pool's movements on later
   * days before `to`, split over every investor by net contributed capital before `to` (largest
   * remainder, ties to the lower id), as poolPerformance's investor lines split it. Null when the
   * pool has no valuation by then.
   */
  navShare?: Maybe<Money>;
  /** The capital account before `from` (zero without `from`). */
  openingBalance: Money;
  /** The pool. */
  pool: Pool;
  /** The investor's share of the pool's proceeds in the window (credited to their capital account). */
  proceeds: Money;
  /** Withdrawals in the window. */
  withdrawals: Money;
};

/** A person or integration with an account on Poolgraph. */
export type User = {
  __typename?: 'User';
  /** Stable identifier (a UUID). */
  id: Scalars['ID']['output'];
};

/** A manager's valuation of a pool's net assets (its holdings and its cash) on a day. */
export type Valuation = {
  __typename?: 'Valuation';
  /** The UTC day the value is stated at ("2026-01-31"); it covers the whole day's cash flows. */
  date: Scalars['String']['output'];
  /** Stable identifier (a UUID). */
  id: Scalars['ID']['output'];
  /** The manager's note (source, method), if any. */
  note?: Maybe<Scalars['String']['output']>;
  /** The pool valued. */
  pool: Pool;
  /** When it was recorded (or replaced). */
  recordedAt: Scalars['DateTime']['output'];
  /** Who recorded it (for a replaced valuation: who replaced it). */
  recordedBy: User;
  /** The value, in the pool's currency. */
  value: Money;
};

/** A page of a pool's valuations, newest day first. */
export type ValuationConnection = {
  __typename?: 'ValuationConnection';
  /** The valuations with their cursors. */
  edges: Array<ValuationEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One valuation in a page. */
export type ValuationEdge = {
  __typename?: 'ValuationEdge';
  /** Pass as `after` to continue with older valuations. */
  cursor: Scalars['String']['output'];
  /** The valuation. */
  node: Valuation;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


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





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AuditEntry: ResolverTypeWrapper<AuditEntry>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  AuditEntryConnection: ResolverTypeWrapper<AuditEntryConnection>;
  AuditEntryEdge: ResolverTypeWrapper<AuditEntryEdge>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  InvestorPerformance: ResolverTypeWrapper<InvestorPerformanceModel>;
  InvestorPerformanceConnection: ResolverTypeWrapper<Omit<InvestorPerformanceConnection, 'edges'> & { edges: Array<ResolversTypes['InvestorPerformanceEdge']> }>;
  InvestorPerformanceEdge: ResolverTypeWrapper<Omit<InvestorPerformanceEdge, 'node'> & { node: ResolversTypes['InvestorPerformance'] }>;
  InvestorRanking: ResolverTypeWrapper<InvestorRankingRow>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  InvestorStatement: ResolverTypeWrapper<StatementModel>;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  PerformancePoint: ResolverTypeWrapper<PerformancePointModel>;
  PerformancePointConnection: ResolverTypeWrapper<Omit<PerformancePointConnection, 'edges'> & { edges: Array<ResolversTypes['PerformancePointEdge']> }>;
  PerformancePointEdge: ResolverTypeWrapper<Omit<PerformancePointEdge, 'node'> & { node: ResolversTypes['PerformancePoint'] }>;
  Pool: ResolverTypeWrapper<Pool>;
  PoolPerformance: ResolverTypeWrapper<PoolPerformanceModel>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RecordValuationInput: RecordValuationInput;
  ReportsFreshness: ResolverTypeWrapper<ReportsFreshness>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  StatementLine: ResolverTypeWrapper<StatementLineModel>;
  User: ResolverTypeWrapper<User>;
  Valuation: ResolverTypeWrapper<ValuationRow>;
  ValuationConnection: ResolverTypeWrapper<Omit<ValuationConnection, 'edges'> & { edges: Array<ResolversTypes['ValuationEdge']> }>;
  ValuationEdge: ResolverTypeWrapper<Omit<ValuationEdge, 'node'> & { node: ResolversTypes['Valuation'] }>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AuditEntry: AuditEntry;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  AuditEntryConnection: AuditEntryConnection;
  AuditEntryEdge: AuditEntryEdge;
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  InvestorPerformance: InvestorPerformanceModel;
  InvestorPerformanceConnection: Omit<InvestorPerformanceConnection, 'edges'> & { edges: Array<ResolversParentTypes['InvestorPerformanceEdge']> };
  InvestorPerformanceEdge: Omit<InvestorPerformanceEdge, 'node'> & { node: ResolversParentTypes['InvestorPerformance'] };
  InvestorRanking: InvestorRankingRow;
  Int: Scalars['Int']['output'];
  InvestorStatement: StatementModel;
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  PerformancePoint: PerformancePointModel;
  PerformancePointConnection: Omit<PerformancePointConnection, 'edges'> & { edges: Array<ResolversParentTypes['PerformancePointEdge']> };
  PerformancePointEdge: Omit<PerformancePointEdge, 'node'> & { node: ResolversParentTypes['PerformancePoint'] };
  Pool: Pool;
  PoolPerformance: PoolPerformanceModel;
  Query: Record<PropertyKey, never>;
  RecordValuationInput: RecordValuationInput;
  ReportsFreshness: ReportsFreshness;
  Float: Scalars['Float']['output'];
  StatementLine: StatementLineModel;
  User: User;
  Valuation: ValuationRow;
  ValuationConnection: Omit<ValuationConnection, 'edges'> & { edges: Array<ResolversParentTypes['ValuationEdge']> };
  ValuationEdge: Omit<ValuationEdge, 'node'> & { node: ResolversParentTypes['Valuation'] };
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

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type InvestorPerformanceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvestorPerformance'] = ResolversParentTypes['InvestorPerformance']> = {
  contributed?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  distributed?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  dpi?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  fees?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  investor?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  irr?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  moic?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  navShare?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  pool?: Resolver<ResolversTypes['Pool'], ParentType, ContextType>;
  rvpi?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  tvpi?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  withdrawn?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type InvestorPerformanceConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvestorPerformanceConnection'] = ResolversParentTypes['InvestorPerformanceConnection']> = {
  edges?: Resolver<Array<ResolversTypes['InvestorPerformanceEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type InvestorPerformanceEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvestorPerformanceEdge'] = ResolversParentTypes['InvestorPerformanceEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['InvestorPerformance'], ParentType, ContextType>;
};

export type InvestorRankingResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvestorRanking'] = ResolversParentTypes['InvestorRanking']> = {
  investor?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  totalInvested?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  uniquePools?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type InvestorStatementResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvestorStatement'] = ResolversParentTypes['InvestorStatement']> = {
  csv?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  from?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  investor?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['StatementLine']>, ParentType, ContextType>;
  pdf?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  to?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  recordValuation?: Resolver<ResolversTypes['Valuation'], ParentType, ContextType, RequireFields<MutationRecordValuationArgs, 'input'>>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PerformancePointResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PerformancePoint'] = ResolversParentTypes['PerformancePoint']> = {
  contributed?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  distributed?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  period?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PerformancePointConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PerformancePointConnection'] = ResolversParentTypes['PerformancePointConnection']> = {
  edges?: Resolver<Array<ResolversTypes['PerformancePointEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type PerformancePointEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PerformancePointEdge'] = ResolversParentTypes['PerformancePointEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['PerformancePoint'], ParentType, ContextType>;
};

export type PoolResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Pool'] = ResolversParentTypes['Pool']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type PoolPerformanceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PoolPerformance'] = ResolversParentTypes['PoolPerformance']> = {
  byDay?: Resolver<Array<ResolversTypes['PerformancePoint']>, ParentType, ContextType>;
  byDayConnection?: Resolver<ResolversTypes['PerformancePointConnection'], ParentType, ContextType, RequireFields<PoolPerformanceByDayConnectionArgs, 'first'>>;
  byMonth?: Resolver<Array<ResolversTypes['PerformancePoint']>, ParentType, ContextType>;
  byMonthConnection?: Resolver<ResolversTypes['PerformancePointConnection'], ParentType, ContextType, RequireFields<PoolPerformanceByMonthConnectionArgs, 'first'>>;
  called?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  cash?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  committed?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  contributed?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  distributed?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  dpi?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  fees?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  investorCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  investors?: Resolver<Array<ResolversTypes['InvestorPerformance']>, ParentType, ContextType>;
  investorsConnection?: Resolver<ResolversTypes['InvestorPerformanceConnection'], ParentType, ContextType, RequireFields<PoolPerformanceInvestorsConnectionArgs, 'first'>>;
  irr?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  moic?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  nav?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  navDate?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  pool?: Resolver<ResolversTypes['Pool'], ParentType, ContextType>;
  proceeds?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  rvpi?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  tvpi?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  valuations?: Resolver<Array<ResolversTypes['Valuation']>, ParentType, ContextType>;
  valuationsConnection?: Resolver<ResolversTypes['ValuationConnection'], ParentType, ContextType, RequireFields<PoolPerformanceValuationsConnectionArgs, 'first'>>;
  withdrawn?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  investorPerformance?: Resolver<Array<ResolversTypes['InvestorPerformance']>, ParentType, ContextType, RequireFields<QueryInvestorPerformanceArgs, 'investorId'>>;
  investorPerformanceConnection?: Resolver<ResolversTypes['InvestorPerformanceConnection'], ParentType, ContextType, RequireFields<QueryInvestorPerformanceConnectionArgs, 'first' | 'investorId'>>;
  investorStatement?: Resolver<ResolversTypes['InvestorStatement'], ParentType, ContextType, RequireFields<QueryInvestorStatementArgs, 'investorId'>>;
  poolPerformance?: Resolver<ResolversTypes['PoolPerformance'], ParentType, ContextType, RequireFields<QueryPoolPerformanceArgs, 'poolId'>>;
  reportsAuditLog?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, RequireFields<QueryReportsAuditLogArgs, 'first'>>;
  reportsAuditLogConnection?: Resolver<ResolversTypes['AuditEntryConnection'], ParentType, ContextType, RequireFields<QueryReportsAuditLogConnectionArgs, 'first'>>;
  reportsFreshness?: Resolver<ResolversTypes['ReportsFreshness'], ParentType, ContextType>;
  topInvestors?: Resolver<Array<ResolversTypes['InvestorRanking']>, ParentType, ContextType, RequireFields<QueryTopInvestorsArgs, 'currency' | 'limit'>>;
};

export type ReportsFreshnessResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReportsFreshness'] = ResolversParentTypes['ReportsFreshness']> = {
  lagSeconds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lastEventAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type StatementLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StatementLine'] = ResolversParentTypes['StatementLine']> = {
  carry?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  closingBalance?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  contributions?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  distributions?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  distributionsPreferredReturn?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  distributionsProRata?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  distributionsProfitShare?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  distributionsReturnOfCapital?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  fees?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  navDate?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  navShare?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  openingBalance?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  pool?: Resolver<ResolversTypes['Pool'], ParentType, ContextType>;
  proceeds?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  withdrawals?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type ValuationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Valuation'] = ResolversParentTypes['Valuation']> = {
  date?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  pool?: Resolver<ResolversTypes['Pool'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  recordedBy?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type ValuationConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ValuationConnection'] = ResolversParentTypes['ValuationConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ValuationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ValuationEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ValuationEdge'] = ResolversParentTypes['ValuationEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Valuation'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  AuditEntry?: AuditEntryResolvers<ContextType>;
  AuditEntryConnection?: AuditEntryConnectionResolvers<ContextType>;
  AuditEntryEdge?: AuditEntryEdgeResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  InvestorPerformance?: InvestorPerformanceResolvers<ContextType>;
  InvestorPerformanceConnection?: InvestorPerformanceConnectionResolvers<ContextType>;
  InvestorPerformanceEdge?: InvestorPerformanceEdgeResolvers<ContextType>;
  InvestorRanking?: InvestorRankingResolvers<ContextType>;
  InvestorStatement?: InvestorStatementResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PerformancePoint?: PerformancePointResolvers<ContextType>;
  PerformancePointConnection?: PerformancePointConnectionResolvers<ContextType>;
  PerformancePointEdge?: PerformancePointEdgeResolvers<ContextType>;
  Pool?: PoolResolvers<ContextType>;
  PoolPerformance?: PoolPerformanceResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ReportsFreshness?: ReportsFreshnessResolvers<ContextType>;
  StatementLine?: StatementLineResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  Valuation?: ValuationResolvers<ContextType>;
  ValuationConnection?: ValuationConnectionResolvers<ContextType>;
  ValuationEdge?: ValuationEdgeResolvers<ContextType>;
};

