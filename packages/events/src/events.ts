/**
 * The envelope every domain event travels in, on the Redis Streams. `id` is a
 * UUIDv7 assigned when the event is written to the producer's outbox: consumers deduplicate on
 * it, which turns the relay's at-least-once delivery into exactly-once effects.
 */
export interface DomainEvent<TType extends string = string, TPayload = unknown> {
  id: string;
  type: TType;
  /** When the fact happened (for a ledger transaction: its occurredAt), ISO 8601 UTC. */
  occurredAt: string;
  payload: TPayload;
}

export type LedgerTransactionType =
  'CONTRIBUTION' | 'DISTRIBUTION' | 'FEE' | 'WITHDRAWAL' | 'PROCEEDS';

/** One posted ledger transaction. Amounts are minor units as decimal strings (never floats). */
export interface TransactionPostedPayload {
  transactionId: string;
  poolId: string;
  /** Null for pool-level transactions (fees, proceeds). */
  investorId: string | null;
  type: LedgerTransactionType;
  /** Always positive; the type says which way the money moved. */
  amountMinor: string;
  currency: string;
  /** The pool's cash right after this transaction (events of one pool arrive in posting order). */
  cashBalanceMinor: string;
  /**
   * FEE and PROCEEDS: how the fee was borne or the proceeds credited; a carry DISTRIBUTION (to
   * the pool's manager): how the members bore it (debited to their capital accounts, not the
   * manager's). One positive share per member (they sum to amountMinor), so that statements
   * can show each investor's part. Absent on other transactions.
   */
  allocations?: Array<{ investorId: string; amountMinor: string }>;
  /**
   * A FEE the management fee schedule charged: the period it is the fee for (ISO 8601 UTC; `end`
   * null for a fee charged once). Absent on fees a manager charged by hand and every other
   * transaction.
   */
  feePeriod?: { start: string; end: string | null };
  /**
   * Present on a member DISTRIBUTION paid through a pool's waterfall, the three parts sum to
   * amountMinor; absent on pro-rata distributions and on every other transaction. The tiers are
   * the ones the waterfall paid, recorded with the transaction (never recomputed).
   */
  tiers?: { returnOfCapitalMinor: string; preferredReturnMinor: string; profitShareMinor: string };
  /**
   * Two-phase steps (absent on events written before them): the transaction's status after this
   * step, what it reserved while PENDING (posted-for-less shows both), and the pool's pending
   * money right after it (contributions on their way in, cash held for pending payouts).
   */
  status?: 'PENDING' | 'POSTED' | 'VOIDED';
  reservedAmountMinor?: string;
  pendingInMinor?: string;
  pendingOutMinor?: string;
  /**
   * True on a transaction the import brought in (`npm run import`, the ledger's bulk path):
   * history, dated when it happened. It counts as money for the books and the read models like
   * any other, but it is not news: no investor is notified of it. Absent on everything else.
   */
  imported?: true;
}

/** Posted money: the only ledger event that counts for alerts, reports and capital calls. */
export type TransactionPostedEvent = DomainEvent<'TransactionPosted', TransactionPostedPayload>;
export type LedgerEvent = TransactionPostedEvent;
/** A two-phase transaction reserved (not money yet), and one voided (never money). */
export type TransactionPendingEvent = DomainEvent<'TransactionPending', TransactionPostedPayload>;
export type TransactionVoidedEvent = DomainEvent<'TransactionVoided', TransactionPostedPayload>;
/** Every step of a transaction, as the ledger's pool channel carries them to live subscribers. */
export type TransactionStepEvent =
  TransactionPostedEvent | TransactionPendingEvent | TransactionVoidedEvent;

/**
 * Money a payment provider received that the pool did not take (its suspense), and money paid
 * back from it. Amounts are minor units as decimal strings.
 */
export interface PaymentMoneyPayload {
  transactionId: string;
  poolId: string;
  investorId: string;
  method: 'CARD' | 'BANK_TRANSFER';
  currency: string;
  /** PaymentHeld: what became held now; PaymentRefunded: what was paid back now. */
  amountMinor: string;
  /** What arrived for the payment in all. */
  receivedMinor: string;
  /** VOIDED: the pool took none of it; POSTED: more arrived than the contribution took. */
  contributionStatus: 'POSTED' | 'VOIDED';
}

/** Received money the pool did not take: held for the payer until it is paid back. */
export type PaymentHeldEvent = DomainEvent<'PaymentHeld', PaymentMoneyPayload>;
/** Held money paid back (to the card, or by the manager's transfer to the payer). */
export type PaymentRefundedEvent = DomainEvent<'PaymentRefunded', PaymentMoneyPayload>;
export type PaymentMoneyEvent = PaymentHeldEvent | PaymentRefundedEvent;
/** Everything the ledger publishes on `ledger.events`. */
export type LedgerStreamEvent = TransactionStepEvent | PaymentMoneyEvent;

/**
 * Names shared by the ledger (producer) and its consumers. The prefix is the deployment's (or a
 * test's) shared Redis prefix, e.g. "poolgraph:" → "poolgraph:ledger.events".
 */
export const ledgerEventsStream = (prefix: string): string => `${prefix}ledger.events`;

const TYPES: readonly string[] = ['CONTRIBUTION', 'DISTRIBUTION', 'FEE', 'WITHDRAWAL', 'PROCEEDS'];
const INTEGER = /^-?\d+$/;

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isIsoTime = (value: unknown): boolean =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value));

const isFeePeriod = (value: unknown): boolean =>
  isObject(value) && isIsoTime(value.start) && (value.end === null || isIsoTime(value.end));

const isAllocationList = (value: unknown): boolean =>
  Array.isArray(value) &&
  value.every(
    (a) =>
      isObject(a) &&
      typeof a.investorId === 'string' &&
      typeof a.amountMinor === 'string' &&
      INTEGER.test(a.amountMinor),
  );

/** Checks the envelope shape shared by every domain event. */
export function parseDomainEvent(raw: unknown): DomainEvent {
  const value = typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw;
  if (
    !isObject(value) ||
    typeof value.id !== 'string' ||
    typeof value.type !== 'string' ||
    typeof value.occurredAt !== 'string' ||
    !('payload' in value)
  ) {
    throw new TypeError('not a domain event: expected { id, type, occurredAt, payload }');
  }
  return { id: value.id, type: value.type, occurredAt: value.occurredAt, payload: value.payload };
}

/** A waterfall's tiers: three non-negative integers summing to the transaction's amount. */
function isTierSplit(value: unknown, amountMinor: string): boolean {
  if (!isObject(value)) return false;
  const parts = [value.returnOfCapitalMinor, value.preferredReturnMinor, value.profitShareMinor];
  if (!parts.every((part) => typeof part === 'string' && /^\d+$/.test(part))) return false;
  return (
    parts.reduce<bigint>((sum, part) => sum + BigInt(part as string), 0n) === BigInt(amountMinor)
  );
}

function isTransactionPayload(p: unknown): p is TransactionPostedPayload {
  return (
    isObject(p) &&
    typeof p.transactionId === 'string' &&
    typeof p.poolId === 'string' &&
    (p.investorId === null || typeof p.investorId === 'string') &&
    typeof p.type === 'string' &&
    TYPES.includes(p.type) &&
    typeof p.amountMinor === 'string' &&
    INTEGER.test(p.amountMinor) &&
    typeof p.currency === 'string' &&
    typeof p.cashBalanceMinor === 'string' &&
    INTEGER.test(p.cashBalanceMinor) &&
    (p.allocations === undefined || isAllocationList(p.allocations)) &&
    (p.tiers === undefined || (p.type === 'DISTRIBUTION' && isTierSplit(p.tiers, p.amountMinor))) &&
    (p.feePeriod === undefined || (p.type === 'FEE' && isFeePeriod(p.feePeriod))) &&
    (p.reservedAmountMinor === undefined ||
      (typeof p.reservedAmountMinor === 'string' && INTEGER.test(p.reservedAmountMinor)))
  );
}

/** Parses and checks a ledger event (from a stream entry). */
export function parseLedgerEvent(raw: unknown): LedgerEvent {
  const event = parseDomainEvent(raw);
  if (event.type !== 'TransactionPosted' || !isTransactionPayload(event.payload)) {
    throw new TypeError(`event ${event.id} is not a valid TransactionPosted event`);
  }
  return event as LedgerEvent;
}

const STEP_TYPES: readonly string[] = [
  'TransactionPending',
  'TransactionPosted',
  'TransactionVoided',
];

export const isTransactionStep = (event: { type: string }): event is TransactionStepEvent =>
  STEP_TYPES.includes(event.type);

/** Parses and checks any step of a ledger transaction (pending, posted or voided). */
export function parseTransactionStep(raw: unknown): TransactionStepEvent {
  const event = parseDomainEvent(raw);
  if (!isTransactionStep(event) || !isTransactionPayload(event.payload)) {
    throw new TypeError(`event ${event.id} is not a valid transaction step`);
  }
  return event;
}

const PAYMENT_TYPES: readonly string[] = ['PaymentHeld', 'PaymentRefunded'];
const POSITIVE = /^[1-9]\d*$/;

function isPaymentMoneyPayload(p: unknown): p is PaymentMoneyPayload {
  return (
    isObject(p) &&
    typeof p.transactionId === 'string' &&
    typeof p.poolId === 'string' &&
    typeof p.investorId === 'string' &&
    (p.method === 'CARD' || p.method === 'BANK_TRANSFER') &&
    typeof p.currency === 'string' &&
    typeof p.amountMinor === 'string' &&
    POSITIVE.test(p.amountMinor) &&
    typeof p.receivedMinor === 'string' &&
    POSITIVE.test(p.receivedMinor) &&
    (p.contributionStatus === 'POSTED' || p.contributionStatus === 'VOIDED')
  );
}

/** Parses and checks any event of `ledger.events`: a transaction step or a payment's money. */
export function parseLedgerStreamEvent(raw: unknown): LedgerStreamEvent {
  const event = parseDomainEvent(raw);
  if (PAYMENT_TYPES.includes(event.type)) {
    if (!isPaymentMoneyPayload(event.payload)) {
      throw new TypeError(`event ${event.id} is not a valid ${event.type} event`);
    }
    return event as PaymentMoneyEvent;
  }
  return parseTransactionStep(event);
}
