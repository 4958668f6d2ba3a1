/**
 * The partner webhook's body (alerts subgraph README, "Partner webhooks"): one pool event of an
 * API key, typed by `type`, and the parser that refuses anything else. The shapes are the ones
 * the alerts service sends (`events/partnerFanOut.ts`, `notify/partnerDispatch.ts`).
 */

/** An amount as the graph shows it: a decimal string in the currency's minor digits. */
export interface PartnerMoney {
  /** e.g. `"1250.50"`: parse it as a decimal, never as a float. */
  amount: string;
  currency: string;
}

export type PartnerTransactionType =
  'CONTRIBUTION' | 'DISTRIBUTION' | 'FEE' | 'WITHDRAWAL' | 'PROCEEDS';
export type PartnerTransactionStatus = 'PENDING' | 'POSTED' | 'VOIDED';
export type PartnerAlertKind = 'LARGE_TRANSACTION' | 'TRANSACTION_SPIKE';
export type PartnerEventType = PartnerEvent['type'];

/** A transaction as it was when the ledger posted (or voided) it. */
export interface PartnerTransaction {
  id: string;
  poolId: string;
  /** Null for pool-level transactions (fees, proceeds). */
  investorId: string | null;
  type: PartnerTransactionType;
  status: PartnerTransactionStatus;
  /** Always positive: `type` says which way the money moved. */
  amount: PartnerMoney | null;
  /** The pool's cash right after this transaction. */
  cashBalance: PartnerMoney | null;
}

export interface PartnerAlert {
  id: string;
  poolId: string;
  kind: PartnerAlertKind;
  message: string;
  transactionId: string | null;
  observedCount: number | null;
  baselineCount: number | null;
  /** ISO 8601, UTC. */
  raisedAt: string;
}

/**
 * Money an investor paid for a contribution that the pool did not take, held for a refund
 * (PAYMENT_HELD), or paid back (PAYMENT_REFUNDED).
 */
export interface PartnerPayment {
  /** The contribution the money was paid for. */
  transactionId: string;
  poolId: string;
  investorId: string;
  method: 'CARD' | 'BANK_TRANSFER';
  /** What became held now (PAYMENT_HELD), or what was paid back now (PAYMENT_REFUNDED). */
  amount: PartnerMoney;
  /** What arrived for the payment in all. */
  received: PartnerMoney;
  /** VOIDED: the pool took none of it; POSTED: more arrived than the contribution took. */
  contributionStatus: 'POSTED' | 'VOIDED';
}

interface Envelope<Type extends string, Data> {
  /** This delivery (a redelivery keeps it). */
  deliveryId: string;
  /** The event: the same for every webhook and retry. Delivery is at least once: dedupe on it. */
  eventId: string;
  type: Type;
  /** ISO 8601, UTC. */
  occurredAt: string;
  poolId: string;
  /** The API key whose pool event this is. */
  apiKeyId: string;
  webhookId: string;
  data: Data & { poolName: string };
}

/** What a partner webhook receives: narrow on `type` for `data`'s shape. */
export type PartnerEvent =
  | Envelope<'TRANSACTION_POSTED', { transaction: PartnerTransaction }>
  | Envelope<'TRANSACTION_VOIDED', { transaction: PartnerTransaction }>
  | Envelope<'ALERT_RAISED', { alert: PartnerAlert }>
  | Envelope<'PAYMENT_HELD' | 'PAYMENT_REFUNDED', { payment: PartnerPayment }>;

type Check = (value: unknown) => boolean;
type Checks<T> = { [K in keyof T]-?: Check };
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string' && value !== '';
const isTime = (value: unknown) => isString(value) && !Number.isNaN(Date.parse(value));
const oneOf =
  <T extends string>(...values: T[]) =>
  (value: unknown) =>
    values.includes(value as T);
const orNull = (check: (value: unknown) => boolean) => (value: unknown) =>
  value === null || check(value);
const isCount = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;

/** Every field of `shape` present and passing its check; the names of those that do not. */
function problems(value: unknown, shape: Record<string, Check>, path: string): string[] {
  if (!isObject(value)) return [`${path} is not an object`];
  return Object.entries(shape)
    .filter(([name, check]) => !(name in value) || !check(value[name]))
    .map(([name]) => `${path}.${name}`);
}

const MONEY = {
  amount: (v) => isString(v) && /^-?\d+(\.\d+)?$/.test(v),
  currency: isString,
} satisfies Checks<PartnerMoney>;
const money = (value: unknown) => problems(value, MONEY, 'money').length === 0;

const TRANSACTION = {
  id: isString,
  poolId: isString,
  investorId: orNull(isString),
  type: oneOf<PartnerTransactionType>(
    'CONTRIBUTION',
    'DISTRIBUTION',
    'FEE',
    'WITHDRAWAL',
    'PROCEEDS',
  ),
  status: oneOf<PartnerTransactionStatus>('PENDING', 'POSTED', 'VOIDED'),
  amount: orNull(money),
  cashBalance: orNull(money),
} satisfies Checks<PartnerTransaction>;

const ALERT = {
  id: isString,
  poolId: isString,
  kind: oneOf<PartnerAlertKind>('LARGE_TRANSACTION', 'TRANSACTION_SPIKE'),
  message: (v) => typeof v === 'string',
  transactionId: orNull(isString),
  observedCount: orNull(isCount),
  baselineCount: orNull(isCount),
  raisedAt: isTime,
} satisfies Checks<PartnerAlert>;

const PAYMENT = {
  transactionId: isString,
  poolId: isString,
  investorId: isString,
  method: oneOf<PartnerPayment['method']>('CARD', 'BANK_TRANSFER'),
  amount: money,
  received: money,
  contributionStatus: oneOf<PartnerPayment['contributionStatus']>('POSTED', 'VOIDED'),
} satisfies Checks<PartnerPayment>;

/** What each event type carries in `data`, under which name. */
const DATA: Record<PartnerEventType, [name: string, shape: Record<string, Check>]> = {
  TRANSACTION_POSTED: ['transaction', TRANSACTION],
  TRANSACTION_VOIDED: ['transaction', TRANSACTION],
  ALERT_RAISED: ['alert', ALERT],
  PAYMENT_HELD: ['payment', PAYMENT],
  PAYMENT_REFUNDED: ['payment', PAYMENT],
};

const ENVELOPE = {
  deliveryId: isString,
  eventId: isString,
  type: (v: unknown) => typeof v === 'string' && Object.hasOwn(DATA, v),
  occurredAt: isTime,
  poolId: isString,
  apiKeyId: isString,
  webhookId: isString,
} satisfies Checks<Omit<PartnerEvent, 'data'>>;

/**
 * Checks a parsed body against the partner event shapes: the envelope, the `data` of its `type`
 * (a transaction, an alert or a payment of the event's pool) and the pool's name. Throws a
 * TypeError naming the fields that are missing or wrong; answers the value, typed, otherwise.
 */
export function parsePartnerEvent(value: unknown): PartnerEvent {
  const wrong = problems(value, ENVELOPE, 'event');
  if (wrong.length === 0) {
    const event = value as PartnerEvent;
    const [name, shape] = DATA[event.type];
    const data: unknown = event.data;
    if (!isObject(data)) wrong.push('event.data is not an object');
    else {
      const inner = data[name];
      wrong.push(...problems(data, { poolName: isString }, 'event.data'));
      wrong.push(...problems(inner, shape, `event.data.${name}`));
      if (isObject(inner) && inner.poolId !== event.poolId) {
        wrong.push(`event.data.${name}.poolId is not the event's pool`);
      }
    }
  }
  if (wrong.length > 0) {
    throw new TypeError(`not a Poolgraph partner event: ${wrong.slice(0, 5).join(', ')}`);
  }
  return value as PartnerEvent;
}
