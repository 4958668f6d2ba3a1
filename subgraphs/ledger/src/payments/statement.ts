import { parseAmount } from '@poolgraph/money';
import { GraphQLError } from 'graphql';
import { selectPaymentByReference } from '../data/payments.ts';
import { normalizeReference } from './bank.ts';
import { matchTransfer } from './bankTransfers.ts';
import type { PaymentsDeps } from './deps.ts';

/** What became of one statement line. */
export interface StatementLineResult {
  line: number;
  reference: string;
  /** held: the money arrived for a contribution the pool did not take (payments/suspense.ts). */
  outcome: 'posted' | 'partial' | 'already' | 'held' | 'unmatched' | 'refused';
  detail: string;
  transactionId?: string;
}

const COLUMNS = ['date', 'reference', 'amount', 'currency'] as const;

/** One CSV record: commas, optional double quotes ("" inside quotes is a quote). */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let n = 0; n < line.length; n++) {
    const c = line[n]!;
    if (quoted && c === '"' && line[n + 1] === '"') {
      field += '"';
      n++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else {
      field += c;
    }
  }
  fields.push(field);
  return fields.map((f) => f.trim());
}

/**
 * Matches a bank statement (CSV with a header naming at least `date,reference,amount,currency`;
 * other columns, such as the payer, are ignored) to pending bank-transfer contributions, by
 * reference and amount: a full amount posts, a smaller one posts the smaller amount (partial),
 * a line already matched is a replay (importing a statement twice changes nothing), and lines
 * without a known reference or in another currency are reported, not guessed.
 */
export async function matchStatement(
  deps: PaymentsDeps,
  csv: string,
): Promise<StatementLineResult[]> {
  const lines = csv.split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '').map((h) => h.toLowerCase());
  const index = Object.fromEntries(COLUMNS.map((c) => [c, header.indexOf(c)]));
  const missing = COLUMNS.filter((c) => index[c]! < 0);
  if (missing.length > 0) throw new Error(`The statement has no ${missing.join(', ')} column.`);
  const results: StatementLineResult[] = [];
  for (let n = 1; n < lines.length; n++) {
    if (!lines[n]!.trim()) continue;
    const fields = splitCsvLine(lines[n]!);
    const quoted = fields[index.reference!] ?? '';
    const result = (outcome: StatementLineResult['outcome'], detail: string, id?: string) =>
      results.push({ line: n + 1, reference: quoted, outcome, detail, transactionId: id });
    const reference = normalizeReference(quoted);
    const payment = reference ? await selectPaymentByReference(deps.db, reference) : null;
    if (!payment) {
      result('unmatched', 'no pending transfer has this reference');
      continue;
    }
    const currency = (fields[index.currency!] ?? '').toUpperCase();
    if (currency !== payment.currency) {
      result('refused', `the transfer is in ${currency}, the contribution in ${payment.currency}`);
      continue;
    }
    try {
      const received = parseAmount(fields[index.amount!] ?? '', currency, { field: 'amount' });
      const matched = await matchTransfer(deps, payment, received);
      const partial = matched.row.amount < payment.amount;
      const outcome = matched.row.status === 'VOIDED' ? 'held' : partial ? 'partial' : 'posted';
      result(
        matched.changed ? outcome : 'already',
        `${matched.row.status} for ${matched.row.amount} of ${payment.amount} minor units`,
        payment.transactionId,
      );
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      // Money for a voided contribution is held for a refund (matchTransfer recorded it).
      const held = /already VOIDED/.test(error.message);
      result(held ? 'held' : 'refused', error.message, payment.transactionId);
    }
  }
  return results;
}
