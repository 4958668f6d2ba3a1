import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { PoolRef } from '../data/poolAccounts.ts';
import type { TransactionRow, TransactionPage } from '../data/transactions.ts';
import type { PositionValue, MembershipRef } from '../data/investorAccounts.ts';
import type { BalanceChangeValue } from '../subscriptions/transactionCache.ts';
import type { PaymentIntentValue } from '../payments/intents.ts';
import type { Mismatch } from '../payments/reconcile.ts';
import type { StatementLineResult } from '../payments/statement.ts';
import type { DistributionPreviewValue, PreviewMemberValue } from '../waterfall/distributionPreview.ts';
import type { FeePreviewValue, FeeShareValue } from '../fees/feePreview.ts';
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

/** A change of a pool's cash, with the transaction that caused it. */
export type BalanceChange = {
  __typename?: 'BalanceChange';
  /** The pool's cash right after this transaction. */
  cashBalance: Money;
  /** The member the transaction was for; null for pool-level transactions (fees). */
  investor?: Maybe<User>;
  /** The pool's pending contributions right after this step. */
  pendingContributions: Money;
  /** The pool whose cash changed. */
  pool: Pool;
  /** The step this event reports: PENDING (reserved), POSTED or VOIDED. */
  status: TransactionStatus;
  /** The posted transaction. */
  transaction: Transaction;
};

/** What importBankStatement did with one line of the statement. */
export type BankStatementLine = {
  __typename?: 'BankStatementLine';
  /** Why, in words: what the contribution is now, or what is wrong with the line. */
  detail: Scalars['String']['output'];
  /** The line's number in the file (the header is line 1). */
  line: Scalars['Int']['output'];
  outcome: BankStatementOutcome;
  /** The reference as the statement quotes it. */
  reference: Scalars['String']['output'];
  /** The contribution the line was matched to; null when it matched none. */
  transaction?: Maybe<Transaction>;
};

/** The fate of one bank statement line. */
export type BankStatementOutcome =
  /**
   * This transfer was recorded before (the same statement, an overlapping one, or the manager's
   * confirmation of the amount): nothing changed.
   */
  | 'ALREADY'
  /** The money arrived after the contribution ended (or beyond it): held for a refund. */
  | 'HELD'
  /** Less arrived than was started: the contribution posted for what arrived and ended. */
  | 'PARTIAL'
  /** The contribution posted for the whole amount. */
  | 'POSTED'
  /** Matched, but refused: another currency, a malformed amount or transfer id. */
  | 'REFUSED'
  /** No bank-transfer contribution of this pool has the reference. */
  | 'UNMATCHED';

/** Where to send a bank transfer, and what to quote. */
export type BankTransferInstructions = {
  __typename?: 'BankTransferInstructions';
  /** The amount to send. */
  amount: Money;
  /** The account holder to pay. */
  beneficiary: Scalars['String']['output'];
  /** The bank's BIC. */
  bic: Scalars['String']['output'];
  /** The account to pay. */
  iban: Scalars['String']['output'];
  /** The reference to quote on the transfer; it is how the money is matched to the contribution. */
  reference: Scalars['String']['output'];
};

/** What distribute would pay now for an amount, tier by tier, without paying it. */
export type DistributionPreview = {
  __typename?: 'DistributionPreview';
  /** The amount previewed. */
  amount: Money;
  /** The manager's part of the carry split. */
  carriedInterest: Money;
  /** catchUp plus carriedInterest: everything the manager would receive as carry. */
  carry: Money;
  /** Who receives the carry (the pool's manager), or null without a waterfall. */
  carryRecipient?: Maybe<User>;
  /** The catch-up tier, to the manager (zero without a waterfall or a full catch-up). */
  catchUp: Money;
  /** Each member who would be paid, ordered by investor id. */
  members: Array<DistributionPreviewMember>;
  /** The pool. */
  pool: Pool;
  /** The version of the pool's terms the ledger applies (its copy of them), or null when none were set. */
  termsVersion?: Maybe<Scalars['Int']['output']>;
  /** True when the pool's terms carry interest and the waterfall splits the amount (return of capital, preferred return, catch-up, carry split); false for a plain pro-rata split by net contributed capital. */
  waterfall: Scalars['Boolean']['output'];
};

/** One member's part of a previewed distribution. */
export type DistributionPreviewMember = {
  __typename?: 'DistributionPreviewMember';
  /** Their net contributed capital (contributed minus withdrawn), the weight of the split. */
  capital: Money;
  /** The part of the carry they would bear, debited to their capital account (pro rata to capital, what the catch-up and the carry split take from their pre-carry share); zero without a waterfall. */
  carryBorne: Money;
  /** The member. */
  investor: User;
  /** Tier 2: their accrued preferred return paid. */
  preferredReturn: Money;
  /** Their part of what is left after the carry (the whole share, for a pro-rata split). */
  profitShare: Money;
  /** Tier 1: their unreturned capital paid back. */
  returnOfCapital: Money;
  /** What they would receive in all. */
  total: Money;
};

/** One member's share of a FEE, in the ledger history export. */
export type LedgerHistoryAllocation = {
  __typename?: 'LedgerHistoryAllocation';
  /** Their share in minor units, as a decimal string. */
  amountMinor: Scalars['String']['output'];
  /** The member. */
  investorId: Scalars['ID']['output'];
};

/** A page of the ledger history export, in posting order. */
export type LedgerHistoryConnection = {
  __typename?: 'LedgerHistoryConnection';
  /** The posted transactions with their cursors. */
  edges: Array<LedgerHistoryEdge>;
  /**
   * Where this page ends; at the end of the ledger, hasNextPage is false (read again later from
   * the last endCursor for what was posted since).
   */
  pageInfo: PageInfo;
};

/** One posted transaction in a page of the history export. */
export type LedgerHistoryEdge = {
  __typename?: 'LedgerHistoryEdge';
  /** Pass as `after` to continue after this transaction. */
  cursor: Scalars['String']['output'];
  /** The transaction. */
  node: LedgerHistoryEntry;
};

/** A posted transaction in the ledger history export: what its TransactionPosted event carried. */
export type LedgerHistoryEntry = {
  __typename?: 'LedgerHistoryEntry';
  /** FEE and PROCEEDS: each member's share; a carry DISTRIBUTION (to the manager): the carry each member bore, debited to their capital account. They sum to amountMinor; empty for other transactions. */
  allocations: Array<LedgerHistoryAllocation>;
  /** Its amount in minor units, as a decimal string (always positive). */
  amountMinor: Scalars['String']['output'];
  /** ISO 4217 code. */
  currency: Scalars['String']['output'];
  /** Its investor; null for pool-level transactions (fees). */
  investorId?: Maybe<Scalars['ID']['output']>;
  /** When it happened (for recorded and imported contributions, the date given). */
  occurredAt: Scalars['DateTime']['output'];
  /** Its pool. */
  poolId: Scalars['ID']['output'];
  /** A member's DISTRIBUTION paid through the pool's waterfall: what it paid by tier, as recorded with the transaction (the parts sum to amountMinor). Null for pro-rata distributions and every other transaction. */
  tiers?: Maybe<LedgerHistoryTiers>;
  /** The transaction. */
  transactionId: Scalars['ID']['output'];
  /** What kind of movement it was. */
  type: TransactionType;
};

/** A page of the ledger history export. */
export type LedgerHistoryPage = {
  __typename?: 'LedgerHistoryPage';
  /** Pass as `after` for the next page; null when the ledger is empty. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Posted transactions in posting order. */
  entries: Array<LedgerHistoryEntry>;
  /** Whether more transactions follow this page (at the time of reading). */
  hasNextPage: Scalars['Boolean']['output'];
};

/** What a waterfall distribution paid one member, by tier, in the ledger history export. */
export type LedgerHistoryTiers = {
  __typename?: 'LedgerHistoryTiers';
  /** Preferred return, in minor units as a decimal string. */
  preferredReturnMinor: Scalars['String']['output'];
  /** The member's part of the profit split, in minor units as a decimal string. */
  profitShareMinor: Scalars['String']['output'];
  /** Return of capital, in minor units as a decimal string. */
  returnOfCapitalMinor: Scalars['String']['output'];
};

/** The next management fee the fee schedule charges a pool (from the pool's terms), previewed. */
export type ManagementFeePreview = {
  __typename?: 'ManagementFeePreview';
  /** The charge: basisAmount × rate × the period's months / 12 (a ONCE fee: the rate once), rounded down to the minor unit. */
  amount: Money;
  /** What the fee is a percentage of: COMMITMENTS or INVESTED_CAPITAL (the pool's terms). */
  basis: Scalars['String']['output'];
  /** The basis today: current members' commitments, or their net contributed capital. */
  basisAmount: Money;
  /** When the charge is due (the period's start). */
  dueAt: Scalars['DateTime']['output'];
  /** How often the fee is charged: ONCE, ANNUAL or QUARTERLY (the pool's terms). */
  frequency: Scalars['String']['output'];
  /** Each member's share, as the charge will split it (pro rata to net contributed capital, largest remainder, ties to the lower investor id); empty while no member has capital. */
  members: Array<ManagementFeeShare>;
  /** True when the period is due and not charged yet (the pool's cash could not pay it, or the schedule has not run since). */
  overdue: Scalars['Boolean']['output'];
  /** The period's number: 0 for the first period after the fee holiday. */
  period: Scalars['Int']['output'];
  /** When the next period starts; null for a fee charged once. */
  periodEnd?: Maybe<Scalars['DateTime']['output']>;
  /** When the period starts: its fee is due then (charged in advance). Periods count in UTC from the pool's opening plus the fee holiday. */
  periodStart: Scalars['DateTime']['output'];
  /** The pool. */
  pool: Pool;
  /** The yearly rate in basis points. */
  rateBps: Scalars['Int']['output'];
  /** The version of the pool's terms the ledger applies (its copy of them). */
  termsVersion?: Maybe<Scalars['Int']['output']>;
};

/** One member's share of a previewed management fee. */
export type ManagementFeeShare = {
  __typename?: 'ManagementFeeShare';
  /** Their share. */
  amount: Money;
  /** The member. */
  investor: User;
};

/** An investor's participation in a pool (owned by the pools subgraph). The ledger adds the money. */
export type Membership = {
  __typename?: 'Membership';
  /** The member. */
  investor: User;
  /** The pool. */
  pool: Pool;
  /** What the member has put in and taken out. The investor, the pool's manager and admins only (FORBIDDEN otherwise). */
  position: Position;
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
   * Step one of archiving a pool, called by pools while it holds the pool's lock (not part of the
   * public graph): CONFLICT while the pool holds cash, pending money either way, or money in
   * suspense; otherwise nothing posts to the pool from this call on. The pool's manager only.
   */
  archivePoolInLedger: Scalars['Boolean']['output'];
  /**
   * Ends a PENDING contribution before its payment completes: the investor who started it, or the
   * pool's manager or an admin (e.g. before closing the pool). A card payment is cancelled at the
   * provider first; if it succeeded meanwhile it posts instead (or is refunded when the pool can no
   * longer take it). A bank transfer voids; money that arrives for it later is held for a refund.
   */
  cancelContribution: Transaction;
  /** Takes a fee from the pool's cash, borne by members pro rata to contributed capital. The pool's manager or an admin; pool OPEN or CLOSED; INSUFFICIENT_FUNDS above the pool's cash. */
  chargeFee: Transaction;
  /**
   * Step one of closing a pool, called by the pools subgraph while it holds the pool's lock (not
   * part of the public graph): CONFLICT while contributions are pending; otherwise from this call
   * on the ledger refuses contributions to the pool. `revision` is the pool revision pools is
   * about to commit. The pool's manager only.
   */
  closePoolInLedger: Scalars['Boolean']['output'];
  /**
   * The pool's manager (or an admin) saw a bank transfer arrive: posts its pending contribution for
   * the amount received (at most the amount started; less posts less and ends it). Confirming the
   * same transfer again returns the same transaction; another amount after that is CONFLICT (a
   * second transfer is recorded from the bank statement). Money arriving after the contribution
   * ended (cancelled, expired, or the pool stopped taking money) is recorded and held for a refund
   * (Pool.suspense), and the answer is CONFLICT saying so.
   */
  confirmBankTransfer: Transaction;
  /**
   * The bank paid a pending payout (a share of startDistribution, or a withdrawal paid out) out: it posts. The pool's manager or an admin; again is a replay, after a void CONFLICT.
   * When the caller's account has (or must have) a second factor, it must have been proven within
   * 5 minutes (the users subgraph's stepUp), else FORBIDDEN with extensions.use = "stepUp".
   */
  confirmPayout: Transaction;
  /**
   * Credits the caller with money no provider confirmed: for development, the demo and benchmarks
   * only. It is switched off in production (FORBIDDEN): investors pay with startContribution, and a
   * manager records money received off the platform with recordContribution. INVESTOR, member of
   * the pool, pool OPEN, at most the member's unfunded commitment (BAD_USER_INPUT naming what is
   * left). A replay with the same idempotencyKey returns the original transaction.
   */
  contribute: Transaction;
  /** Pays amount out of the pool's cash to its members pro rata to their contributed capital (contributed minus withdrawn), split exactly with the largest-remainder method (extra minor units go to the largest remainders, ties to the lower investor id). One transaction per member paid. The pool's manager or an admin; pool OPEN or CLOSED; INSUFFICIENT_FUNDS above the pool's cash. */
  distribute: Array<Transaction>;
  /**
   * The pool's manager (or an admin) imports the collection account's bank statement for one
   * pool: a CSV with a header naming date, reference, amount and currency, and transfer_id when
   * the bank gives its id of each transfer (other columns are ignored), at most 2,000 lines and
   * 500,000 bytes. Each line is matched to the pool's bank-transfer contribution by reference and
   * amount, as confirmBankTransfer would, except that every transfer is recorded, a second one
   * too: money the contribution did not take is held for a refund (Pool.suspense). Importing the
   * same or an overlapping statement again records nothing twice. Lines of other pools' references
   * are UNMATCHED, as unknown ones are. A malformed statement is BAD_USER_INPUT, with nothing
   * recorded.
   */
  importBankStatement: Array<BankStatementLine>;
  /** The removal saga's compensation, called by pools when its removal did not commit. */
  keepMemberInLedger: Scalars['Boolean']['output'];
  /** Records money a member paid outside the platform (e.g. a bank transfer), at occurredAt (default now, never in the future). The pool's manager or an admin, or the manager's delegated API key with ledger:write in a pool it covers (FORBIDDEN in any other); pool OPEN or CLOSED; the investor must be a member; at most their unfunded commitment (the manager raises the commitment first for more). A replay with the same idempotencyKey returns the original transaction. */
  recordContribution: Transaction;
  /**
   * Records money the pool received back from its holdings (an exit, a dividend, a sale) at
   * occurredAt (default now, never in the future): one PROCEEDS transaction that adds amount to the
   * pool's cash and credits each current member's capital account pro rata to contributed capital
   * (largest remainder, ties to the lower investor id), so distribute can pay it out (through the
   * waterfall for a pool with carry). note (1 to 500 characters) says what the money is. The pool's
   * manager or an admin; pool OPEN or CLOSED; CONFLICT when no member has capital in the pool. A
   * replay with the same idempotencyKey returns the original transaction.
   */
  recordProceeds: Transaction;
  /**
   * Pays back what a payment holds in suspense (see Pool.suspense): a card payment is refunded
   * through the provider; for a bank transfer the manager sends the money back and this records
   * it. The pool's manager or an admin; CONFLICT when the payment holds nothing.
   */
  refundPayment: PaymentIntent;
  /**
   * Step one of removing a member, called by the pools subgraph while it holds the pool's lock
   * (not part of the public graph): CONFLICT unless the member's capital account is exactly zero
   * and they have no pending contribution or payout; otherwise the ledger counts them as no member from this call on. The pool's manager only.
   */
  releaseMemberInLedger: Scalars['Boolean']['output'];
  /**
   * The closing saga's compensation, called by pools when its close did not commit: the ledger
   * takes contributions again, unless a newer pool revision already arrived. The pool's manager only.
   */
  reopenPoolInLedger: Scalars['Boolean']['output'];
  /**
   * Starts paying a contribution from outside (INVESTOR, member, pool OPEN): a PENDING contribution
   * and a payment at the provider. CARD returns the provider's client secret; BANK_TRANSFER returns
   * instructions with a reference. The money posts when the provider (or the manager, for a
   * transfer) confirms it, for what arrived; it voids if the payment fails or expires. A replay
   * with the same idempotencyKey returns the same payment.
   */
  startContribution: PaymentIntent;
  /**
   * A distribution paid out by bank: distribute's split (pool MANAGER or admin, pool OPEN or
   * CLOSED, INSUFFICIENT_FUNDS above the spendable cash), each member's share a PENDING payout
   * that holds its cash until confirmPayout (POSTED) or voidPayout (VOIDED); unconfirmed payouts
   * void themselves after the bank-transfer timeout. A replay with the same idempotencyKey returns
   * the same payouts.
   */
  startDistribution: Array<Transaction>;
  /** The archiving saga's compensation, called by pools when its archive did not commit. */
  unarchivePoolInLedger: Scalars['Boolean']['output'];
  /** A pending payout will not be paid: it voids and its cash is spendable again. The pool's manager or an admin; after a confirm CONFLICT. */
  voidPayout: Transaction;
  /** Takes capital back out of an OPEN pool. INVESTOR, member of the pool; at most their capital and the pool's cash (INSUFFICIENT_FUNDS otherwise). Where withdrawals are paid out (production), it is a PENDING payout holding that capital and cash until the pool's manager confirms the bank paid it (confirmPayout) or voids it (voidPayout); elsewhere it posts at once. */
  withdraw: Transaction;
};


export type MutationArchivePoolInLedgerArgs = {
  poolId: Scalars['ID']['input'];
  revision: Scalars['Int']['input'];
};


export type MutationCancelContributionArgs = {
  transactionId: Scalars['ID']['input'];
};


export type MutationChargeFeeArgs = {
  amount: Scalars['Decimal']['input'];
  idempotencyKey: Scalars['String']['input'];
  poolId: Scalars['ID']['input'];
};


export type MutationClosePoolInLedgerArgs = {
  poolId: Scalars['ID']['input'];
  revision: Scalars['Int']['input'];
};


export type MutationConfirmBankTransferArgs = {
  amount: Scalars['Decimal']['input'];
  reference: Scalars['String']['input'];
};


export type MutationConfirmPayoutArgs = {
  transactionId: Scalars['ID']['input'];
};


export type MutationContributeArgs = {
  amount: Scalars['Decimal']['input'];
  idempotencyKey: Scalars['String']['input'];
  poolId: Scalars['ID']['input'];
};


export type MutationDistributeArgs = {
  amount: Scalars['Decimal']['input'];
  idempotencyKey: Scalars['String']['input'];
  poolId: Scalars['ID']['input'];
};


export type MutationImportBankStatementArgs = {
  csv: Scalars['String']['input'];
  poolId: Scalars['ID']['input'];
};


export type MutationKeepMemberInLedgerArgs = {
  investorId: Scalars['ID']['input'];
  poolId: Scalars['ID']['input'];
  revision: Scalars['Int']['input'];
};


export type MutationRecordContributionArgs = {
  amount: Scalars['Decimal']['input'];
  idempotencyKey: Scalars['String']['input'];
  investorId: Scalars['ID']['input'];
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  poolId: Scalars['ID']['input'];
};


export type MutationRecordProceedsArgs = {
  amount: Scalars['Decimal']['input'];
  idempotencyKey: Scalars['String']['input'];
  note: Scalars['String']['input'];
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  poolId: Scalars['ID']['input'];
};


export type MutationRefundPaymentArgs = {
  transactionId: Scalars['ID']['input'];
};


export type MutationReleaseMemberInLedgerArgs = {
  investorId: Scalars['ID']['input'];
  poolId: Scalars['ID']['input'];
  revision: Scalars['Int']['input'];
};


export type MutationReopenPoolInLedgerArgs = {
  poolId: Scalars['ID']['input'];
  revision: Scalars['Int']['input'];
};


export type MutationStartContributionArgs = {
  amount: Scalars['Decimal']['input'];
  idempotencyKey: Scalars['String']['input'];
  method: PaymentMethod;
  poolId: Scalars['ID']['input'];
};


export type MutationStartDistributionArgs = {
  amount: Scalars['Decimal']['input'];
  idempotencyKey: Scalars['String']['input'];
  poolId: Scalars['ID']['input'];
};


export type MutationUnarchivePoolInLedgerArgs = {
  poolId: Scalars['ID']['input'];
  revision: Scalars['Int']['input'];
};


export type MutationVoidPayoutArgs = {
  transactionId: Scalars['ID']['input'];
};


export type MutationWithdrawArgs = {
  amount: Scalars['Decimal']['input'];
  idempotencyKey: Scalars['String']['input'];
  poolId: Scalars['ID']['input'];
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

/** A contribution being paid from outside: its PENDING transaction and what the client needs to pay it. */
export type PaymentIntent = {
  __typename?: 'PaymentIntent';
  /** BANK_TRANSFER: where to send the money and what to quote. */
  bankTransfer?: Maybe<BankTransferInstructions>;
  /** CARD: the provider's client secret, for its client-side confirmation (null once settled). Never log it. */
  clientSecret?: Maybe<Scalars['String']['output']>;
  /** Received money the pool did not take and that is not refunded yet (see Pool.suspense). */
  held: Money;
  /** The payment's id (that of its transaction). */
  id: Scalars['ID']['output'];
  /** How it is paid. */
  method: PaymentMethod;
  /** CARD: the provider's payment id (a Stripe PaymentIntent id). */
  providerPaymentId?: Maybe<Scalars['String']['output']>;
  /** The provider's last known status of the payment (e.g. "requires_payment_method", "succeeded", "awaiting_transfer"). */
  providerStatus: Scalars['String']['output'];
  /** What the provider says it received, once known. */
  received?: Maybe<Money>;
  /** What has been paid back to the payer (refundPayment, or automatically for a card payment the pool could not take). */
  refunded: Money;
  /** The contribution: PENDING until the money arrives, then POSTED (possibly for less) or VOIDED. */
  transaction: Transaction;
};

/** How an investor pays a contribution from outside the platform. */
export type PaymentMethod =
  /** By bank transfer quoting the payment's reference. */
  | 'BANK_TRANSFER'
  /** By card, through the card provider's client-side flow (card data never reaches Poolgraph). */
  | 'CARD';

/** One disagreement between a payment provider's records and the ledger. */
export type PaymentMismatch = {
  __typename?: 'PaymentMismatch';
  /** What disagrees. */
  kind: PaymentMismatchKind;
  /** What the ledger shows (POSTED amount, or the reservation when PENDING or VOIDED); null when the ledger has no record. */
  ledgerAmount?: Maybe<Money>;
  /** "stripe" or "bank". */
  provider: Scalars['String']['output'];
  /** What the provider received; null when it shows nothing received. */
  providerAmount?: Maybe<Money>;
  /** The provider's payment id, when there is one. */
  providerPaymentId?: Maybe<Scalars['String']['output']>;
  /** The provider's status. */
  providerStatus?: Maybe<Scalars['String']['output']>;
  /** The ledger transaction, when the ledger knows it. */
  transaction?: Maybe<Transaction>;
};

/** A page of reconciliation's mismatches. */
export type PaymentMismatchConnection = {
  __typename?: 'PaymentMismatchConnection';
  /** The mismatches with their cursors. */
  edges: Array<PaymentMismatchEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** One mismatch in a page. */
export type PaymentMismatchEdge = {
  __typename?: 'PaymentMismatchEdge';
  /** Pass as `after` to continue with the next mismatches. */
  cursor: Scalars['String']['output'];
  /** The mismatch. */
  node: PaymentMismatch;
};

/** What kind of disagreement reconciliation found. */
export type PaymentMismatchKind =
  /** Both say paid, for different amounts. */
  | 'AMOUNT_DIFFERS'
  /**
   * Money received that the pool did not take (its contribution was voided, or more arrived than
   * was started), held in suspense until refundPayment pays it back. Explained, but to be acted on.
   */
  | 'HELD_IN_SUSPENSE'
  /** The ledger has a provider payment id the provider does not know. */
  | 'MISSING_THERE'
  /** The provider shows it paid; the ledger still has it PENDING. */
  | 'PAID_THERE_PENDING_HERE'
  /** The provider shows it paid; the ledger VOIDED it (e.g. it expired first): refund or re-book. */
  | 'PAID_THERE_VOIDED_HERE'
  /** The ledger posted money the provider does not show as paid. */
  | 'POSTED_HERE_NOT_PAID_THERE'
  /** The provider has a payment the ledger has no record of. */
  | 'UNKNOWN_HERE';

/** An investment pool (owned by the pools subgraph). The ledger adds its money. */
export type Pool = {
  __typename?: 'Pool';
  /** Money the pool holds now: contributions and proceeds minus distributions, fees and withdrawals. Any signed-in caller who can see the pool. */
  cashBalance: Money;
  /** The pool's currency (owned by pools); used for the zero amounts of a pool that has no transactions yet. */
  currency: Scalars['String']['output'];
  /** Stable identifier (a UUID). */
  id: Scalars['ID']['output'];
  /**
   * Contributions started (card or bank transfer) whose money has not arrived: reserved, shown
   * here, not part of cashBalance and not spendable until posted. Any signed-in caller who can see the pool.
   */
  pendingContributions: Money;
  /** Cash held for pending payouts: still in cashBalance, no longer spendable. Any signed-in caller who can see the pool. */
  pendingPayouts: Money;
  /** What can be paid out now: cashBalance minus pendingPayouts. Any signed-in caller who can see the pool. */
  spendableCash: Money;
  /**
   * Suspense: money a provider received for this pool that the pool did not take (its contribution
   * was voided, or more arrived than was started) and that is not refunded yet. Never cash, never
   * distributable; paymentMismatchesConnection lists each payment (HELD_IN_SUSPENSE), refundPayment pays it
   * back. The pool's manager and admins; zero for anyone else who can see the pool.
   */
  suspense: Money;
  /** Sum of all contributions. Any signed-in caller who can see the pool. */
  totalContributed: Money;
  /** Sum of all distributions to members. Any signed-in caller who can see the pool. */
  totalDistributed: Money;
  /** Sum of all fees charged. Any signed-in caller who can see the pool. */
  totalFees: Money;
  /** Sum of all proceeds: money the pool received back from its holdings (exits, dividends, sales). Any signed-in caller who can see the pool. */
  totalProceeds: Money;
  /** Sum of all withdrawals by members. Any signed-in caller who can see the pool. */
  totalWithdrawn: Money;
  /**
   * Transactions (PENDING, POSTED and VOIDED), newest first. The pool's manager and admins see all of them; anyone else only their own.
   * first: 1 to 100 (default 20); after: the endCursor of the previous page.
   */
  transactions: TransactionConnection;
};


/** An investment pool (owned by the pools subgraph). The ledger adds its money. */
export type PoolTransactionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** One investor's money in one pool. Amounts are in the pool's currency. */
export type Position = {
  __typename?: 'Position';
  /** The investor's capital account: contributed and proceeds minus distributed, fees, withdrawn and carry borne. What they may withdraw while the pool is OPEN (and its cash allows). */
  capital: Money;
  /** The investor's part of the carried interest the pool paid its manager (a waterfall's carry tiers), borne pro rata to net contributed capital and debited to their capital account. Zero for the manager, whose own capital account the carry does not move. */
  carryBorne: Money;
  /**
   * The investor's commitment to the pool, as the ledger holds it from pools' membership events;
   * zero once they are no member (or before pools' event arrived).
   */
  commitment: Money;
  /** Sum of the investor's contributions. */
  contributed: Money;
  /** Sum of distributions paid to the investor. */
  distributed: Money;
  /** The investor's share of the pool's fees. */
  fees: Money;
  /** The investor. */
  investor: User;
  /** The investor's contributions started but not arrived (PENDING): not in contributed or capital yet. */
  pending: Money;
  /** Payouts to the investor that are PENDING: capital reserved for them, not withdrawable. */
  pendingPayouts: Money;
  /** The pool. */
  pool: Pool;
  /** The investor's share of the pool's proceeds (credited to their capital account pro rata to contributed capital). */
  proceeds: Money;
  /**
   * What is left of the commitment to pay in: commitment minus net contributed capital
   * (contributed − withdrawn) and pending contributions, never below zero. The same figure caps
   * contributions and recorded money.
   */
  unfundedCommitment: Money;
  /** Sum of the investor's withdrawals. */
  withdrawn: Money;
};

export type Query = {
  __typename?: 'Query';
  /**
   * ADMIN only: the mutations this subgraph served, newest first (first 1 to 500, default 50).
   * @deprecated Use ledgerAuditLogConnection.
   */
  ledgerAuditLog: Array<AuditEntry>;
  /**
   * ADMIN only: the mutations this subgraph served, newest first: `first` 1 to 500 (default 50),
   * after the cursor `after` (an endCursor of this field).
   */
  ledgerAuditLogConnection: AuditEntryConnection;
  /**
   * ADMIN only: every posted transaction in posting order, `first` (1 to 5,000, default 1,000)
   * at a time after the cursor `after`, for read models that rebuild themselves from the ledger.
   * @deprecated Use ledgerHistoryConnection.
   */
  ledgerHistory: LedgerHistoryPage;
  /**
   * ADMIN only: every posted transaction in posting order, `first` (1 to 5,000, default 1,000)
   * at a time after the cursor `after` (an endCursor of this field), for read models that
   * rebuild themselves from the ledger.
   */
  ledgerHistoryConnection: LedgerHistoryConnection;
  /**
   * The next management fee charge of a pool, computed now on today's basis (the charge itself is
   * computed when the schedule posts it). The pool's manager or an admin (FORBIDDEN otherwise);
   * null for a pool whose terms have no management fee, that is not OPEN or CLOSED, or whose ONCE
   * fee was charged.
   */
  managementFeePreview?: Maybe<ManagementFeePreview>;
  /**
   * Reconciliation: every disagreement between the payment providers and the ledger for payments
   * of the last `days` (1 to 365, default 30). ADMIN for all pools; a pool's MANAGER with its poolId.
   * With a poolId, the provider is asked about that pool's card payments only, at most 100 per call
   * (BAD_USER_INPUT on `days` when the window holds more: ask for fewer days).
   * @deprecated Use paymentMismatchesConnection.
   */
  paymentMismatches: Array<PaymentMismatch>;
  /**
   * Reconciliation a page at a time, with the callers, window and rules of paymentMismatches: the
   * ledger's payments first, newest first (by transaction id), then provider payments unknown here
   * (by provider id). Each page reconciles the window again, so a payment settled meanwhile is not
   * listed. `first` 1 to 200 (default 50), after the cursor `after` (an endCursor of this field).
   */
  paymentMismatchesConnection: PaymentMismatchConnection;
  /** One investor's position in one pool, or null when they have none. The investor, the pool's manager and admins only (FORBIDDEN otherwise). */
  position?: Maybe<Position>;
  /** What distribute(poolId, amount) would pay now, every tier per member, without paying it. The same rules as distribute: the pool's manager or an admin, pool OPEN or CLOSED, an amount within the pool's spendable cash (INSUFFICIENT_FUNDS otherwise). */
  previewDistribution: DistributionPreview;
  /** A transaction by id, or null when it does not exist or the caller may not see it. */
  transaction?: Maybe<Transaction>;
  /**
   * Transactions across pools, newest first, narrowed by filter. An investor reads only their own
   * (naming another investor is FORBIDDEN); a manager the pools they manage (another's pool
   * FORBIDDEN); admins everything. Fees are the pool's transactions (investor null): a manager
   * sees them, an investor's share of one is in Position.fees. first: 1 to 100 (default 20);
   * after: the endCursor of the previous page.
   */
  transactionHistory: TransactionConnection;
  /**
   * The same transactions as transactionHistory, all of them (at most 10000, else BAD_USER_INPUT:
   * narrow the filter), as CSV (RFC 4180, header row): transaction_id, occurred_at, pool_id,
   * investor_id, type, status, amount, reserved_amount, currency. Text cells quoted and inert in a
   * spreadsheet; amounts bare exact decimals.
   */
  transactionHistoryCsv: Scalars['String']['output'];
};


export type QueryLedgerAuditLogArgs = {
  before?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryLedgerAuditLogConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryLedgerHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryLedgerHistoryConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryManagementFeePreviewArgs = {
  poolId: Scalars['ID']['input'];
};


export type QueryPaymentMismatchesArgs = {
  days?: InputMaybe<Scalars['Int']['input']>;
  poolId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryPaymentMismatchesConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  days?: InputMaybe<Scalars['Int']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  poolId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryPositionArgs = {
  investorId: Scalars['ID']['input'];
  poolId: Scalars['ID']['input'];
};


export type QueryPreviewDistributionArgs = {
  amount: Scalars['Decimal']['input'];
  poolId: Scalars['ID']['input'];
};


export type QueryTransactionArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTransactionHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TransactionHistoryFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryTransactionHistoryCsvArgs = {
  filter?: InputMaybe<TransactionHistoryFilter>;
};

/**
 * Live events, over graphql-ws. The pool's manager and admins receive every event of the pool; a
 * member receives the events of their own transactions, and stops receiving when they leave.
 */
export type Subscription = {
  __typename?: 'Subscription';
  /** Every step of the pool's transactions (PENDING, POSTED, VOIDED), with the pool's cash and pending money right after it. */
  balanceChanged: BalanceChange;
  /** Every step of the pool's transactions: a two-phase one is reported when PENDING and again when POSTED or VOIDED (its status says which). */
  transactionPosted: Transaction;
};


/**
 * Live events, over graphql-ws. The pool's manager and admins receive every event of the pool; a
 * member receives the events of their own transactions, and stops receiving when they leave.
 */
export type SubscriptionBalanceChangedArgs = {
  poolId: Scalars['ID']['input'];
};


/**
 * Live events, over graphql-ws. The pool's manager and admins receive every event of the pool; a
 * member receives the events of their own transactions, and stops receiving when they leave.
 */
export type SubscriptionTransactionPostedArgs = {
  poolId: Scalars['ID']['input'];
};

/**
 * One money movement in a pool, recorded as balanced double entries.
 * Visible to the pool's manager, admins and the investor it belongs to.
 */
export type Transaction = {
  __typename?: 'Transaction';
  /** How much moved (always positive; the type says which way). */
  amount: Money;
  /** True for a DISTRIBUTION of carried interest to the pool's manager (a waterfall's carry tiers, paid from the pool's cash and borne by the members' capital accounts, see Position.carryBorne); false for everything else. */
  carry: Scalars['Boolean']['output'];
  /** When the ledger posted it. */
  createdAt: Scalars['DateTime']['output'];
  /** Two-phase transactions only: when a PENDING transaction voids itself if its money has not arrived. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** Stable identifier (a time-ordered UUID). */
  id: Scalars['ID']['output'];
  /** The member the money moved for; null for pool-level transactions (fees, proceeds). */
  investor?: Maybe<User>;
  /** What the money was, as the manager wrote it when recording proceeds; null for other transactions. */
  note?: Maybe<Scalars['String']['output']>;
  /** When the money moved: the time of posting, or the date a manager recorded for money received outside the platform. */
  occurredAt: Scalars['DateTime']['output'];
  /** The pool the money moved in. */
  pool: Pool;
  /**
   * Two-phase transactions only: what was reserved while PENDING (amount is what posted, which
   * can be less). Null for a transaction posted at once.
   */
  reservedAmount?: Maybe<Money>;
  /** Two-phase transactions only: when it became POSTED or VOIDED. */
  settledAt?: Maybe<Scalars['DateTime']['output']>;
  /** PENDING, POSTED or VOIDED. Only POSTED transactions count in balances and totals. */
  status: TransactionStatus;
  /** What kind of movement this is. */
  type: TransactionType;
};

/** A page of transactions, newest first. */
export type TransactionConnection = {
  __typename?: 'TransactionConnection';
  /** The transactions with their cursors. */
  edges: Array<TransactionEdge>;
  /** The transactions of this page. */
  nodes: Array<Transaction>;
  /** Where this page ends. */
  pageInfo: TransactionPageInfo;
};

/** One transaction in a page. */
export type TransactionEdge = {
  __typename?: 'TransactionEdge';
  /** Pass as `after` to continue after this transaction. */
  cursor: Scalars['String']['output'];
  /** The transaction. */
  node: Transaction;
};

/** Narrows a transaction history; every field left out matches everything. */
export type TransactionHistoryFilter = {
  /** occurredAt at or after this instant. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** One investor's transactions only (investors may name only themselves). */
  investorId?: InputMaybe<Scalars['ID']['input']>;
  /** One pool's transactions only. */
  poolId?: InputMaybe<Scalars['ID']['input']>;
  /** One status only. */
  status?: InputMaybe<TransactionStatus>;
  /** occurredAt before this instant (after from). */
  to?: InputMaybe<Scalars['DateTime']['input']>;
  /** One kind of movement only. */
  type?: InputMaybe<TransactionType>;
};

/** Whether more transactions follow this page. */
export type TransactionPageInfo = {
  __typename?: 'TransactionPageInfo';
  /** The last edge's cursor, or null for an empty page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when an older transaction exists after this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** True when the page started after a cursor, so newer transactions come before it. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The first edge's cursor, or null for an empty page. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/**
 * Where a transaction is in its life. Money moved on the platform posts at once; money from
 * outside (a card or bank payment) is PENDING first, then POSTED (possibly for less) or VOIDED,
 * exactly once.
 */
export type TransactionStatus =
  /** Reserved, not on the books: shown as pending on the balances it touches, not spendable. */
  | 'PENDING'
  /** On the books (entries written); immutable. Corrections are reversing transactions. */
  | 'POSTED'
  /** Ended without money moving: the payment failed, was cancelled or timed out. */
  | 'VOIDED';

/** What kind of money movement a transaction is. */
export type TransactionType =
  /** Money a member put into the pool. */
  | 'CONTRIBUTION'
  /** Money paid out of the pool to a member, pro rata to contributed capital. */
  | 'DISTRIBUTION'
  /** A fee taken from the pool's cash, borne by members pro rata to contributed capital. */
  | 'FEE'
  /**
   * Money the pool received back from its holdings (an exit, a dividend, a sale), recorded by its
   * manager: it adds to the pool's cash and is credited to members pro rata to contributed capital.
   */
  | 'PROCEEDS'
  /** Capital a member took back out of an OPEN pool. */
  | 'WITHDRAWAL';

/** A user (owned by the users subgraph). */
export type User = {
  __typename?: 'User';
  /** Stable identifier (a UUID). */
  id: Scalars['ID']['output'];
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
  Transaction: Transaction;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Membership:
    ( { __typename: 'Membership' }
    & GraphQLRecursivePick<FederationTypes['Membership'], {"pool":{"id":true},"investor":{"id":true}}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['Membership'], {"pool":{"currency":true}}> ) );
  Pool:
    ( { __typename: 'Pool' }
    & GraphQLRecursivePick<FederationTypes['Pool'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Pool'], {"currency":true}> ) );
  Transaction:
    ( { __typename: 'Transaction' }
    & GraphQLRecursivePick<FederationTypes['Transaction'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AuditEntry: ResolverTypeWrapper<AuditEntry>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  AuditEntryConnection: ResolverTypeWrapper<AuditEntryConnection>;
  AuditEntryEdge: ResolverTypeWrapper<AuditEntryEdge>;
  BalanceChange: ResolverTypeWrapper<BalanceChangeValue>;
  BankStatementLine: ResolverTypeWrapper<StatementLineResult>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  BankStatementOutcome: BankStatementOutcome;
  BankTransferInstructions: ResolverTypeWrapper<BankTransferInstructions>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  DistributionPreview: ResolverTypeWrapper<DistributionPreviewValue>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  DistributionPreviewMember: ResolverTypeWrapper<PreviewMemberValue>;
  LedgerHistoryAllocation: ResolverTypeWrapper<LedgerHistoryAllocation>;
  LedgerHistoryConnection: ResolverTypeWrapper<LedgerHistoryConnection>;
  LedgerHistoryEdge: ResolverTypeWrapper<LedgerHistoryEdge>;
  LedgerHistoryEntry: ResolverTypeWrapper<LedgerHistoryEntry>;
  LedgerHistoryPage: ResolverTypeWrapper<LedgerHistoryPage>;
  LedgerHistoryTiers: ResolverTypeWrapper<LedgerHistoryTiers>;
  ManagementFeePreview: ResolverTypeWrapper<FeePreviewValue>;
  ManagementFeeShare: ResolverTypeWrapper<FeeShareValue>;
  Membership: ResolverTypeWrapper<MembershipRef>;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PaymentIntent: ResolverTypeWrapper<PaymentIntentValue>;
  PaymentMethod: PaymentMethod;
  PaymentMismatch: ResolverTypeWrapper<Mismatch>;
  PaymentMismatchConnection: ResolverTypeWrapper<Omit<PaymentMismatchConnection, 'edges'> & { edges: Array<ResolversTypes['PaymentMismatchEdge']> }>;
  PaymentMismatchEdge: ResolverTypeWrapper<Omit<PaymentMismatchEdge, 'node'> & { node: ResolversTypes['PaymentMismatch'] }>;
  PaymentMismatchKind: PaymentMismatchKind;
  Pool: ResolverTypeWrapper<PoolRef>;
  Position: ResolverTypeWrapper<PositionValue>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Transaction: ResolverTypeWrapper<TransactionRow>;
  TransactionConnection: ResolverTypeWrapper<TransactionPage>;
  TransactionEdge: ResolverTypeWrapper<Omit<TransactionEdge, 'node'> & { node: ResolversTypes['Transaction'] }>;
  TransactionHistoryFilter: TransactionHistoryFilter;
  TransactionPageInfo: ResolverTypeWrapper<TransactionPageInfo>;
  TransactionStatus: TransactionStatus;
  TransactionType: TransactionType;
  User: ResolverTypeWrapper<User>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AuditEntry: AuditEntry;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  AuditEntryConnection: AuditEntryConnection;
  AuditEntryEdge: AuditEntryEdge;
  BalanceChange: BalanceChangeValue;
  BankStatementLine: StatementLineResult;
  Int: Scalars['Int']['output'];
  BankTransferInstructions: BankTransferInstructions;
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  DistributionPreview: DistributionPreviewValue;
  Boolean: Scalars['Boolean']['output'];
  DistributionPreviewMember: PreviewMemberValue;
  LedgerHistoryAllocation: LedgerHistoryAllocation;
  LedgerHistoryConnection: LedgerHistoryConnection;
  LedgerHistoryEdge: LedgerHistoryEdge;
  LedgerHistoryEntry: LedgerHistoryEntry;
  LedgerHistoryPage: LedgerHistoryPage;
  LedgerHistoryTiers: LedgerHistoryTiers;
  ManagementFeePreview: FeePreviewValue;
  ManagementFeeShare: FeeShareValue;
  Membership: MembershipRef;
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  PaymentIntent: PaymentIntentValue;
  PaymentMismatch: Mismatch;
  PaymentMismatchConnection: Omit<PaymentMismatchConnection, 'edges'> & { edges: Array<ResolversParentTypes['PaymentMismatchEdge']> };
  PaymentMismatchEdge: Omit<PaymentMismatchEdge, 'node'> & { node: ResolversParentTypes['PaymentMismatch'] };
  Pool: PoolRef;
  Position: PositionValue;
  Query: Record<PropertyKey, never>;
  Subscription: Record<PropertyKey, never>;
  Transaction: TransactionRow;
  TransactionConnection: TransactionPage;
  TransactionEdge: Omit<TransactionEdge, 'node'> & { node: ResolversParentTypes['Transaction'] };
  TransactionHistoryFilter: TransactionHistoryFilter;
  TransactionPageInfo: TransactionPageInfo;
  User: User;
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

export type BalanceChangeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BalanceChange'] = ResolversParentTypes['BalanceChange']> = {
  cashBalance?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  investor?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  pendingContributions?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  pool?: Resolver<ResolversTypes['Pool'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['TransactionStatus'], ParentType, ContextType>;
  transaction?: Resolver<ResolversTypes['Transaction'], ParentType, ContextType>;
};

export type BankStatementLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BankStatementLine'] = ResolversParentTypes['BankStatementLine']> = {
  detail?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  line?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['BankStatementOutcome'], ParentType, ContextType>;
  reference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  transaction?: Resolver<Maybe<ResolversTypes['Transaction']>, ParentType, ContextType>;
};

export type BankTransferInstructionsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BankTransferInstructions'] = ResolversParentTypes['BankTransferInstructions']> = {
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  beneficiary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  bic?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  iban?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type DistributionPreviewResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DistributionPreview'] = ResolversParentTypes['DistributionPreview']> = {
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  carriedInterest?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  carry?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  carryRecipient?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  catchUp?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  members?: Resolver<Array<ResolversTypes['DistributionPreviewMember']>, ParentType, ContextType>;
  pool?: Resolver<ResolversTypes['Pool'], ParentType, ContextType>;
  termsVersion?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  waterfall?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type DistributionPreviewMemberResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DistributionPreviewMember'] = ResolversParentTypes['DistributionPreviewMember']> = {
  capital?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  carryBorne?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  investor?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  preferredReturn?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  profitShare?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  returnOfCapital?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type LedgerHistoryAllocationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LedgerHistoryAllocation'] = ResolversParentTypes['LedgerHistoryAllocation']> = {
  amountMinor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  investorId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type LedgerHistoryConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LedgerHistoryConnection'] = ResolversParentTypes['LedgerHistoryConnection']> = {
  edges?: Resolver<Array<ResolversTypes['LedgerHistoryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type LedgerHistoryEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LedgerHistoryEdge'] = ResolversParentTypes['LedgerHistoryEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['LedgerHistoryEntry'], ParentType, ContextType>;
};

export type LedgerHistoryEntryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LedgerHistoryEntry'] = ResolversParentTypes['LedgerHistoryEntry']> = {
  allocations?: Resolver<Array<ResolversTypes['LedgerHistoryAllocation']>, ParentType, ContextType>;
  amountMinor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  investorId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  poolId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  tiers?: Resolver<Maybe<ResolversTypes['LedgerHistoryTiers']>, ParentType, ContextType>;
  transactionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['TransactionType'], ParentType, ContextType>;
};

export type LedgerHistoryPageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LedgerHistoryPage'] = ResolversParentTypes['LedgerHistoryPage']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  entries?: Resolver<Array<ResolversTypes['LedgerHistoryEntry']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type LedgerHistoryTiersResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LedgerHistoryTiers'] = ResolversParentTypes['LedgerHistoryTiers']> = {
  preferredReturnMinor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  profitShareMinor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  returnOfCapitalMinor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ManagementFeePreviewResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ManagementFeePreview'] = ResolversParentTypes['ManagementFeePreview']> = {
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  basis?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  basisAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  dueAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  frequency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  members?: Resolver<Array<ResolversTypes['ManagementFeeShare']>, ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  period?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  periodEnd?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  periodStart?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  pool?: Resolver<ResolversTypes['Pool'], ParentType, ContextType>;
  rateBps?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  termsVersion?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type ManagementFeeShareResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ManagementFeeShare'] = ResolversParentTypes['ManagementFeeShare']> = {
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  investor?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type MembershipResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Membership'] = ResolversParentTypes['Membership'], FederationReferenceType extends FederationReferenceTypes['Membership'] = FederationReferenceTypes['Membership']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Membership']> | FederationReferenceType, FederationReferenceType, ContextType>;
  investor?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  pool?: Resolver<ResolversTypes['Pool'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Position'], ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  archivePoolInLedger?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationArchivePoolInLedgerArgs, 'poolId' | 'revision'>>;
  cancelContribution?: Resolver<ResolversTypes['Transaction'], ParentType, ContextType, RequireFields<MutationCancelContributionArgs, 'transactionId'>>;
  chargeFee?: Resolver<ResolversTypes['Transaction'], ParentType, ContextType, RequireFields<MutationChargeFeeArgs, 'amount' | 'idempotencyKey' | 'poolId'>>;
  closePoolInLedger?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationClosePoolInLedgerArgs, 'poolId' | 'revision'>>;
  confirmBankTransfer?: Resolver<ResolversTypes['Transaction'], ParentType, ContextType, RequireFields<MutationConfirmBankTransferArgs, 'amount' | 'reference'>>;
  confirmPayout?: Resolver<ResolversTypes['Transaction'], ParentType, ContextType, RequireFields<MutationConfirmPayoutArgs, 'transactionId'>>;
  contribute?: Resolver<ResolversTypes['Transaction'], ParentType, ContextType, RequireFields<MutationContributeArgs, 'amount' | 'idempotencyKey' | 'poolId'>>;
  distribute?: Resolver<Array<ResolversTypes['Transaction']>, ParentType, ContextType, RequireFields<MutationDistributeArgs, 'amount' | 'idempotencyKey' | 'poolId'>>;
  importBankStatement?: Resolver<Array<ResolversTypes['BankStatementLine']>, ParentType, ContextType, RequireFields<MutationImportBankStatementArgs, 'csv' | 'poolId'>>;
  keepMemberInLedger?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationKeepMemberInLedgerArgs, 'investorId' | 'poolId' | 'revision'>>;
  recordContribution?: Resolver<ResolversTypes['Transaction'], ParentType, ContextType, RequireFields<MutationRecordContributionArgs, 'amount' | 'idempotencyKey' | 'investorId' | 'poolId'>>;
  recordProceeds?: Resolver<ResolversTypes['Transaction'], ParentType, ContextType, RequireFields<MutationRecordProceedsArgs, 'amount' | 'idempotencyKey' | 'note' | 'poolId'>>;
  refundPayment?: Resolver<ResolversTypes['PaymentIntent'], ParentType, ContextType, RequireFields<MutationRefundPaymentArgs, 'transactionId'>>;
  releaseMemberInLedger?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationReleaseMemberInLedgerArgs, 'investorId' | 'poolId' | 'revision'>>;
  reopenPoolInLedger?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationReopenPoolInLedgerArgs, 'poolId' | 'revision'>>;
  startContribution?: Resolver<ResolversTypes['PaymentIntent'], ParentType, ContextType, RequireFields<MutationStartContributionArgs, 'amount' | 'idempotencyKey' | 'method' | 'poolId'>>;
  startDistribution?: Resolver<Array<ResolversTypes['Transaction']>, ParentType, ContextType, RequireFields<MutationStartDistributionArgs, 'amount' | 'idempotencyKey' | 'poolId'>>;
  unarchivePoolInLedger?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationUnarchivePoolInLedgerArgs, 'poolId' | 'revision'>>;
  voidPayout?: Resolver<ResolversTypes['Transaction'], ParentType, ContextType, RequireFields<MutationVoidPayoutArgs, 'transactionId'>>;
  withdraw?: Resolver<ResolversTypes['Transaction'], ParentType, ContextType, RequireFields<MutationWithdrawArgs, 'amount' | 'idempotencyKey' | 'poolId'>>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PaymentIntentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PaymentIntent'] = ResolversParentTypes['PaymentIntent']> = {
  bankTransfer?: Resolver<Maybe<ResolversTypes['BankTransferInstructions']>, ParentType, ContextType>;
  clientSecret?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  held?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  method?: Resolver<ResolversTypes['PaymentMethod'], ParentType, ContextType>;
  providerPaymentId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  providerStatus?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  received?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  refunded?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  transaction?: Resolver<ResolversTypes['Transaction'], ParentType, ContextType>;
};

export type PaymentMismatchResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PaymentMismatch'] = ResolversParentTypes['PaymentMismatch']> = {
  kind?: Resolver<ResolversTypes['PaymentMismatchKind'], ParentType, ContextType>;
  ledgerAmount?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  providerAmount?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  providerPaymentId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  providerStatus?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  transaction?: Resolver<Maybe<ResolversTypes['Transaction']>, ParentType, ContextType>;
};

export type PaymentMismatchConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PaymentMismatchConnection'] = ResolversParentTypes['PaymentMismatchConnection']> = {
  edges?: Resolver<Array<ResolversTypes['PaymentMismatchEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type PaymentMismatchEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PaymentMismatchEdge'] = ResolversParentTypes['PaymentMismatchEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['PaymentMismatch'], ParentType, ContextType>;
};

export type PoolResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Pool'] = ResolversParentTypes['Pool'], FederationReferenceType extends FederationReferenceTypes['Pool'] = FederationReferenceTypes['Pool']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Pool']> | FederationReferenceType, FederationReferenceType, ContextType>;
  cashBalance?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  pendingContributions?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  pendingPayouts?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  spendableCash?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  suspense?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  totalContributed?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  totalDistributed?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  totalFees?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  totalProceeds?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  totalWithdrawn?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  transactions?: Resolver<ResolversTypes['TransactionConnection'], ParentType, ContextType, RequireFields<PoolTransactionsArgs, 'first'>>;
};

export type PositionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Position'] = ResolversParentTypes['Position']> = {
  capital?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  carryBorne?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  commitment?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  contributed?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  distributed?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  fees?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  investor?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  pending?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  pendingPayouts?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  pool?: Resolver<ResolversTypes['Pool'], ParentType, ContextType>;
  proceeds?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  unfundedCommitment?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  withdrawn?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  ledgerAuditLog?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, RequireFields<QueryLedgerAuditLogArgs, 'first'>>;
  ledgerAuditLogConnection?: Resolver<ResolversTypes['AuditEntryConnection'], ParentType, ContextType, RequireFields<QueryLedgerAuditLogConnectionArgs, 'first'>>;
  ledgerHistory?: Resolver<ResolversTypes['LedgerHistoryPage'], ParentType, ContextType, RequireFields<QueryLedgerHistoryArgs, 'first'>>;
  ledgerHistoryConnection?: Resolver<ResolversTypes['LedgerHistoryConnection'], ParentType, ContextType, RequireFields<QueryLedgerHistoryConnectionArgs, 'first'>>;
  managementFeePreview?: Resolver<Maybe<ResolversTypes['ManagementFeePreview']>, ParentType, ContextType, RequireFields<QueryManagementFeePreviewArgs, 'poolId'>>;
  paymentMismatches?: Resolver<Array<ResolversTypes['PaymentMismatch']>, ParentType, ContextType, RequireFields<QueryPaymentMismatchesArgs, 'days'>>;
  paymentMismatchesConnection?: Resolver<ResolversTypes['PaymentMismatchConnection'], ParentType, ContextType, RequireFields<QueryPaymentMismatchesConnectionArgs, 'days' | 'first'>>;
  position?: Resolver<Maybe<ResolversTypes['Position']>, ParentType, ContextType, RequireFields<QueryPositionArgs, 'investorId' | 'poolId'>>;
  previewDistribution?: Resolver<ResolversTypes['DistributionPreview'], ParentType, ContextType, RequireFields<QueryPreviewDistributionArgs, 'amount' | 'poolId'>>;
  transaction?: Resolver<Maybe<ResolversTypes['Transaction']>, ParentType, ContextType, RequireFields<QueryTransactionArgs, 'id'>>;
  transactionHistory?: Resolver<ResolversTypes['TransactionConnection'], ParentType, ContextType, RequireFields<QueryTransactionHistoryArgs, 'first'>>;
  transactionHistoryCsv?: Resolver<ResolversTypes['String'], ParentType, ContextType, Partial<QueryTransactionHistoryCsvArgs>>;
};

export type SubscriptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  balanceChanged?: SubscriptionResolver<ResolversTypes['BalanceChange'], "balanceChanged", ParentType, ContextType, RequireFields<SubscriptionBalanceChangedArgs, 'poolId'>>;
  transactionPosted?: SubscriptionResolver<ResolversTypes['Transaction'], "transactionPosted", ParentType, ContextType, RequireFields<SubscriptionTransactionPostedArgs, 'poolId'>>;
};

export type TransactionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Transaction'] = ResolversParentTypes['Transaction'], FederationReferenceType extends FederationReferenceTypes['Transaction'] = FederationReferenceTypes['Transaction']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Transaction']> | FederationReferenceType, FederationReferenceType, ContextType>;
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  carry?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  investor?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  pool?: Resolver<ResolversTypes['Pool'], ParentType, ContextType>;
  reservedAmount?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  settledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['TransactionStatus'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['TransactionType'], ParentType, ContextType>;
};

export type TransactionConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TransactionConnection'] = ResolversParentTypes['TransactionConnection']> = {
  edges?: Resolver<Array<ResolversTypes['TransactionEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Transaction']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['TransactionPageInfo'], ParentType, ContextType>;
};

export type TransactionEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TransactionEdge'] = ResolversParentTypes['TransactionEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Transaction'], ParentType, ContextType>;
};

export type TransactionPageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TransactionPageInfo'] = ResolversParentTypes['TransactionPageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  AuditEntry?: AuditEntryResolvers<ContextType>;
  AuditEntryConnection?: AuditEntryConnectionResolvers<ContextType>;
  AuditEntryEdge?: AuditEntryEdgeResolvers<ContextType>;
  BalanceChange?: BalanceChangeResolvers<ContextType>;
  BankStatementLine?: BankStatementLineResolvers<ContextType>;
  BankTransferInstructions?: BankTransferInstructionsResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  DistributionPreview?: DistributionPreviewResolvers<ContextType>;
  DistributionPreviewMember?: DistributionPreviewMemberResolvers<ContextType>;
  LedgerHistoryAllocation?: LedgerHistoryAllocationResolvers<ContextType>;
  LedgerHistoryConnection?: LedgerHistoryConnectionResolvers<ContextType>;
  LedgerHistoryEdge?: LedgerHistoryEdgeResolvers<ContextType>;
  LedgerHistoryEntry?: LedgerHistoryEntryResolvers<ContextType>;
  LedgerHistoryPage?: LedgerHistoryPageResolvers<ContextType>;
  LedgerHistoryTiers?: LedgerHistoryTiersResolvers<ContextType>;
  ManagementFeePreview?: ManagementFeePreviewResolvers<ContextType>;
  ManagementFeeShare?: ManagementFeeShareResolvers<ContextType>;
  Membership?: MembershipResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PaymentIntent?: PaymentIntentResolvers<ContextType>;
  PaymentMismatch?: PaymentMismatchResolvers<ContextType>;
  PaymentMismatchConnection?: PaymentMismatchConnectionResolvers<ContextType>;
  PaymentMismatchEdge?: PaymentMismatchEdgeResolvers<ContextType>;
  Pool?: PoolResolvers<ContextType>;
  Position?: PositionResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Transaction?: TransactionResolvers<ContextType>;
  TransactionConnection?: TransactionConnectionResolvers<ContextType>;
  TransactionEdge?: TransactionEdgeResolvers<ContextType>;
  TransactionPageInfo?: TransactionPageInfoResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
};

