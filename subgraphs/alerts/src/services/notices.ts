import type { CapitalCalledEvent, TransactionStepEvent } from '@poolgraph/events';
import { formatMoneyText } from '@poolgraph/money';
import { uuidv7 } from '@poolgraph/platform';
import type { NewNotice } from '../data/notices.ts';
import type { NoticeKind } from '../db/schema.ts';

/** "2027-01-04": a due date in a message is a day, written the same for every reader (UTC). */
const day = (iso: string) => iso.slice(0, 10);
/** "10.0000" → "10", "12.5000" → "12.5": pools sends the stored DECIMAL(7,4). */
const percentText = (decimal: string) =>
  decimal.includes('.') ? decimal.replace(/0+$/, '').replace(/\.$/, '') : decimal;

function notice(
  event: { id: string; occurredAt: string },
  fields: Omit<
    NewNotice,
    'id' | 'sourceEventId' | 'occurredAt' | 'transactionId' | 'capitalCallId' | 'dueDate'
  > &
    Partial<Pick<NewNotice, 'transactionId' | 'capitalCallId' | 'dueDate'>>,
): NewNotice {
  return {
    id: uuidv7(),
    sourceEventId: event.id,
    occurredAt: new Date(event.occurredAt),
    transactionId: null,
    capitalCallId: null,
    dueDate: null,
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
    message: (amount) => `Your contribution of ${amount} did not go through; no money moved.`,
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

/** The notices one ledger step gives: its investor's outcome, or each member's share of a fee. */
export function transactionNotices(event: TransactionStepEvent): NewNotice[] {
  const p = event.payload;
  const base = { poolId: p.poolId, currency: p.currency, transactionId: p.transactionId };
  if (p.type === 'FEE') {
    if (event.type !== 'TransactionPosted') return [];
    return (p.allocations ?? [])
      .filter((share) => BigInt(share.amountMinor) > 0n)
      .map((share) =>
        notice(event, {
          ...base,
          investorId: share.investorId,
          kind: 'FEE',
          amountMinor: BigInt(share.amountMinor),
          message: `Your share of a fee: ${formatMoneyText(BigInt(share.amountMinor), p.currency)}.`,
        }),
      );
  }
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
  return [
    notice(event, {
      ...base,
      investorId: p.investorId,
      kind: outcome.kind,
      amountMinor,
      message: outcome.message(formatMoneyText(amountMinor, p.currency), reserved),
    }),
  ];
}
