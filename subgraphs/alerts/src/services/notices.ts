import type {
  CapitalCalledEvent,
  PaymentMoneyEvent,
  TransactionStepEvent,
} from '@poolgraph/events';
import { formatMoneyText } from '@poolgraph/money';
import { monotonicUuidv7 } from '@poolgraph/platform';
import type { NewNotice } from '../data/notices.ts';
import type { NoticeKind } from '../db/schema.ts';

/** "2027-01-04": a due date in a message is a day, written the same for every reader (UTC). */
const day = (iso: string) => iso.slice(0, 10);
/** "10.0000" → "10", "12.5000" → "12.5": pools sends the stored DECIMAL(7,4). */
const percentText = (decimal: string) =>
  decimal.includes('.') ? decimal.replace(/0+$/, '').replace(/\.$/, '') : decimal;

/** What only some kinds of notice carry: null unless a rule below sets it. */
type Optional =
  | 'transactionId'
  | 'capitalCallId'
  | 'dueDate'
  | 'feePeriodStart'
  | 'feePeriodEnd'
  | 'returnOfCapitalMinor'
  | 'preferredReturnMinor'
  | 'profitShareMinor';

function notice(
  event: { id: string; occurredAt: string },
  fields: Omit<NewNotice, 'id' | 'sourceEventId' | 'occurredAt' | Optional> &
    Partial<Pick<NewNotice, Optional>>,
): NewNotice {
  return {
    // Increasing within the process: the inbox lists by (createdAt, id), and a read's notices
    // share one createdAt, so their ids keep the stream's order (a refund after its hold).
    id: monotonicUuidv7(),
    sourceEventId: event.id,
    occurredAt: new Date(event.occurredAt),
    transactionId: null,
    capitalCallId: null,
    dueDate: null,
    feePeriodStart: null,
    feePeriodEnd: null,
    returnOfCapitalMinor: null,
    preferredReturnMinor: null,
    profitShareMinor: null,
    ...fields,
  };
}

/** Each called member's notice of a capital call: their own part and the due date. */
export function capitalCallNotices(event: CapitalCalledEvent): NewNotice[] {
  const p = event.payload;
  const dueDate = new Date(p.dueDate);
  return p.items
    .filter((item) => BigInt(item.calledMinor) > 0n)
    .map((item) =>
      notice(event, {
        investorId: item.investorId,
        poolId: p.poolId,
        kind: 'CAPITAL_CALL',
        amountMinor: BigInt(item.calledMinor),
        currency: p.currency,
        message: `Capital call: ${percentText(p.percent)}% of your commitment, ${formatMoneyText(BigInt(item.calledMinor), p.currency)}, due ${day(p.dueDate)}.`,
        capitalCallId: p.callId,
        dueDate,
      }),
    );
}

interface Outcome {
  kind: NoticeKind;
  message: (amount: string, reserved: string) => string;
}

/**
 * What each step of an investor's own transaction tells them. PENDING steps say nothing (the
 * investor started the payment themself); only outcomes do.
 */
const OUTCOMES: Record<string, Outcome | undefined> = {
  'TransactionPosted:CONTRIBUTION': {
    kind: 'CONTRIBUTION_POSTED',
    message: (amount, reserved) =>
      reserved && reserved !== amount
        ? `Your contribution of ${amount} was received (${reserved} was started).`
        : `Your contribution of ${amount} was received.`,
  },
  'TransactionVoided:CONTRIBUTION': {
    kind: 'CONTRIBUTION_VOIDED',
    message: (amount) => `Your contribution of ${amount} did not go through.`,
  },
  'TransactionPosted:DISTRIBUTION': {
    kind: 'DISTRIBUTION',
    message: (amount) => `You received a distribution of ${amount}.`,
  },
  'TransactionVoided:DISTRIBUTION': {
    kind: 'DISTRIBUTION_VOIDED',
    message: (amount) => `A distribution of ${amount} to you was cancelled.`,
  },
  'TransactionPosted:WITHDRAWAL': {
    kind: 'WITHDRAWAL_POSTED',
    message: (amount) => `Your withdrawal of ${amount} was paid.`,
  },
  'TransactionVoided:WITHDRAWAL': {
    kind: 'WITHDRAWAL_VOIDED',
    message: (amount) =>
      `Your withdrawal of ${amount} was cancelled; the capital stays in the pool.`,
  },
};

/** What a fee was: the scheduled management fee for its period, or a fee charged by hand. */
function feeText(p: TransactionStepEvent['payload']): string {
  const period = p.feePeriod;
  if (!period) return 'a fee';
  return period.end
    ? `the management fee for ${day(period.start)} to ${day(period.end)}`
    : `the management fee (charged once) from ${day(period.start)}`;
}

/**
 * Each member's share of a pool-level FEE, or of the carry a DISTRIBUTION paid the manager
 * (`allocations`: what each member bore); nothing for a zero share.
 */
function memberShares(event: TransactionStepEvent, kind: 'FEE' | 'CARRY'): NewNotice[] {
  const p = event.payload;
  if (event.type !== 'TransactionPosted') return [];
  const total = formatMoneyText(BigInt(p.amountMinor), p.currency);
  const period = p.feePeriod;
  return (p.allocations ?? [])
    .filter((share) => BigInt(share.amountMinor) > 0n)
    .map((share) => {
      const mine = formatMoneyText(BigInt(share.amountMinor), p.currency);
      return notice(event, {
        poolId: p.poolId,
        currency: p.currency,
        transactionId: p.transactionId,
        investorId: share.investorId,
        kind,
        amountMinor: BigInt(share.amountMinor),
        message:
          kind === 'FEE'
            ? `Your share of ${feeText(p)}: ${mine}.`
            : `Carried interest of ${total} was paid to the manager from a distribution; your part, borne by your capital: ${mine}.`,
        feePeriodStart: kind === 'FEE' && period ? new Date(period.start) : null,
        feePeriodEnd: kind === 'FEE' && period?.end ? new Date(period.end) : null,
      });
    });
}

/** A waterfall distribution's tiers, in words and as the notice's columns. */
function tiersOf(p: TransactionStepEvent['payload']) {
  if (!p.tiers) return { text: '', fields: {} };
  const [capital, preferred, profit] = [
    BigInt(p.tiers.returnOfCapitalMinor),
    BigInt(p.tiers.preferredReturnMinor),
    BigInt(p.tiers.profitShareMinor),
  ];
  const text = (amount: bigint) => formatMoneyText(amount, p.currency);
  return {
    text: `: ${text(capital)} return of capital, ${text(preferred)} preferred return, ${text(profit)} profit share`,
    fields: {
      returnOfCapitalMinor: capital,
      preferredReturnMinor: preferred,
      profitShareMinor: profit,
    },
  };
}

/**
 * The notices one ledger step gives: its investor's outcome (a waterfall distribution with its
 * tiers), each member's share of a fee, or each member's part of a carry (the manager is told
 * the carry they received). None for imported history: an investor whose years of
 * contributions are imported is not told of each today (nor emailed), as detection does not
 * alert on history.
 */
export function transactionNotices(event: TransactionStepEvent): NewNotice[] {
  const p = event.payload;
  if (p.imported) return [];
  const base = { poolId: p.poolId, currency: p.currency, transactionId: p.transactionId };
  if (p.type === 'FEE') return memberShares(event, 'FEE');
  const carry = p.type === 'DISTRIBUTION' && p.allocations !== undefined;
  const outcome = OUTCOMES[`${event.type}:${p.type}`];
  if (!outcome || p.investorId === null) return [];
  // A voided step moved nothing: what it was about is what it had reserved.
  const amountMinor =
    event.type === 'TransactionVoided' && p.reservedAmountMinor !== undefined
      ? BigInt(p.reservedAmountMinor)
      : BigInt(p.amountMinor);
  const reserved =
    p.reservedAmountMinor !== undefined
      ? formatMoneyText(BigInt(p.reservedAmountMinor), p.currency)
      : '';
  const amount = formatMoneyText(amountMinor, p.currency);
  const posted = event.type === 'TransactionPosted';
  const tiers = posted ? tiersOf(p) : { text: '', fields: {} };
  const message =
    carry && posted
      ? `You received carried interest of ${amount}.`
      : tiers.text
        ? outcome.message(amount, reserved).replace(/\.$/, `${tiers.text}.`)
        : outcome.message(amount, reserved);
  return [
    notice(event, {
      ...base,
      investorId: p.investorId,
      kind: outcome.kind,
      amountMinor,
      message,
      ...tiers.fields,
    }),
    ...(carry ? memberShares(event, 'CARRY') : []),
  ];
}

/**
 * The investor's notice of their money held (the pool did not take it) or paid back. The card
 * path refunds at once, so its held notice says so; a bank transfer waits for the manager.
 */
export function paymentMoneyNotice(event: PaymentMoneyEvent): NewNotice {
  const p = event.payload;
  const amount = formatMoneyText(BigInt(p.amountMinor), p.currency);
  const card = p.method === 'CARD';
  const why =
    p.contributionStatus === 'VOIDED'
      ? `${amount} you paid arrived for a contribution the pool could no longer take`
      : `${amount} more than your contribution arrived`;
  const message =
    event.type === 'PaymentHeld'
      ? `${why}; it is held for you and ${card ? 'is being refunded to your card' : "the pool's manager will send it back to you"}.`
      : card
        ? `${amount} was refunded to your card.`
        : `The pool's manager sent ${amount} back to you.`;
  return notice(event, {
    investorId: p.investorId,
    poolId: p.poolId,
    kind: event.type === 'PaymentHeld' ? 'PAYMENT_HELD' : 'PAYMENT_REFUNDED',
    amountMinor: BigInt(p.amountMinor),
    currency: p.currency,
    transactionId: p.transactionId,
    message: message.charAt(0).toUpperCase() + message.slice(1),
  });
}
