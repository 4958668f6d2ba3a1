import { createHash } from 'node:crypto';
import { hasRole, requireRole, type Viewer } from '@poolgraph/auth';
import { formatMoneyText, parseAmount } from '@poolgraph/money';
import { badUserInput, forbidden, isUuid, notFound } from '@poolgraph/platform';
import { GraphQLError } from 'graphql';
import { selectPaymentByReference } from '../data/payments.ts';
import { selectPoolFactsByIds } from '../data/poolFacts.ts';
import { normalizeReference } from './bank.ts';
import { bankKeyOf, matchTransfer, type TransferResult } from './bankTransfers.ts';
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

/** One CSV record: `separator`s, optional double quotes ("" inside quotes is a quote). */
function splitCsvLine(line: string, separator: string): string[] {
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
    } else if (c === separator && !quoted) {
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
 * Matches a bank statement (CSV, commas or semicolons between the columns, with a header naming
 * at least `date,reference,amount,currency`, and `transfer_id`, the bank's id of each transfer,
 * when the bank gives one; other columns, such as the payer, are ignored; a leading byte order
 * mark is dropped) to bank-transfer contributions, by reference and amount: a
 * full amount posts, a smaller one posts the smaller amount (partial), money for a contribution
 * that had ended is held for a refund, a line recorded before is a replay (importing a statement
 * twice, or overlapping ones, changes nothing), and lines without a known reference or in another
 * currency are reported, not guessed. A line without a transfer id is told from another by its
 * date, amount and rank among identical lines of the statement.
 */
export async function matchStatement(
  deps: PaymentsDeps,
  csv: string,
  scope: { poolId?: string; maxLines?: number } = {},
): Promise<StatementLineResult[]> {
  // A spreadsheet's export may start with a byte order mark, which is not part of the header.
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  // Banks where the decimal mark is a comma export with semicolons between the columns.
  const first = lines[0] ?? '';
  const separator = first.includes(';') && !first.includes(',') ? ';' : ',';
  const header = splitCsvLine(first, separator).map((h) => h.toLowerCase());
  const index = Object.fromEntries(COLUMNS.map((c) => [c, header.indexOf(c)]));
  const missing = COLUMNS.filter((c) => index[c]! < 0);
  if (missing.length > 0) {
    throw badUserInput('csv', `has no ${missing.join(', ')} column in its header line.`);
  }
  const count = lines.filter((line, n) => n > 0 && line.trim()).length;
  if (scope.maxLines !== undefined && count > scope.maxLines) {
    throw badUserInput('csv', `has ${count} lines; import at most ${scope.maxLines} at a time.`);
  }
  const transferIdAt = header.indexOf('transfer_id');
  const seen = new Map<string, number>();
  const results: StatementLineResult[] = [];
  for (let n = 1; n < lines.length; n++) {
    if (!lines[n]!.trim()) continue;
    const fields = splitCsvLine(lines[n]!, separator);
    const quoted = fields[index.reference!] ?? '';
    const result = (outcome: StatementLineResult['outcome'], detail: string, id?: string) =>
      results.push({ line: n + 1, reference: quoted, outcome, detail, transactionId: id });
    const reference = normalizeReference(quoted);
    const found = reference ? await selectPaymentByReference(deps.db, reference) : null;
    const payment = found && (!scope.poolId || found.poolId === scope.poolId) ? found : null;
    if (!payment) {
      result(
        'unmatched',
        `no bank transfer${scope.poolId ? ' of this pool' : ''} has this reference`,
      );
      continue;
    }
    const currency = (fields[index.currency!] ?? '').toUpperCase();
    if (currency !== payment.currency) {
      result('refused', `the transfer is in ${currency}, the contribution in ${payment.currency}`);
      continue;
    }
    try {
      const amount = parseAmount(fields[index.amount!] ?? '', currency, { field: 'amount' });
      const bankKey =
        bankKeyOf(fields[transferIdAt]) ??
        lineKey(seen, reference!, fields[index.date!] ?? '', amount);
      const matched = await matchTransfer(deps, payment, { amount, bankKey });
      const { row } = matched;
      const text = (minor: bigint) => formatMoneyText(minor, currency);
      const held = matched.held > 0n ? `; ${text(matched.held)} held for a refund` : '';
      result(
        lineOutcome(matched, payment.amount),
        `${row.status} for ${text(row.amount)} of ${text(payment.amount)}${held}`,
        payment.transactionId,
      );
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      result('refused', error.message, payment.transactionId);
    }
  }
  return results;
}

/**
 * What a matched line did: nothing new, money held, or the contribution posted (in part). The
 * import that settles the contribution reports the posting: the one that recorded the line, or
 * one that found it recorded and finished the settlement (an import cut short between the two,
 * or one running at the same moment, which then settled first). So one line posts once, and is
 * reported POSTED once, however many imports of the statement run at once.
 */
function lineOutcome(matched: TransferResult, started: bigint): StatementLineResult['outcome'] {
  if (!matched.recorded && !matched.settled) return 'already';
  // Voided (now, or before the money came), or posted before this transfer brought more.
  if (matched.row.status === 'VOIDED') return 'held';
  if (!matched.settled) return matched.held > 0n ? 'held' : 'already';
  return matched.row.amount < started ? 'partial' : 'posted';
}

/**
 * A line's key when the statement names no transfer id: its date, amount and rank among the
 * statement's lines with the same reference, date and amount, so the same statement imported
 * again (or one overlapping it) finds each transfer recorded, and two equal transfers on one day
 * are two.
 */
function lineKey(seen: Map<string, number>, reference: string, date: string, amount: bigint) {
  const same = `${reference}|${date.trim()}|${amount}`;
  const rank = (seen.get(same) ?? 0) + 1;
  seen.set(same, rank);
  return `line:${createHash('sha256').update(`${same}|${rank}`).digest('hex').slice(0, 40)}`;
}

/** The most importBankStatement takes in one call (a month of a busy collection account). */
export const STATEMENT_LIMITS = { lines: 2_000, bytes: 500_000 };

/**
 * importBankStatement: the pool's manager (or an admin) matches the pool's lines of a bank
 * statement (matchStatement, limited to the pool's payments). The statement is checked whole
 * (size, header) before any line is matched; each line is then recorded in its own
 * transactions, so an import cut short is finished by importing the statement again.
 */
export async function importBankStatement(
  deps: PaymentsDeps,
  viewer: Viewer | null,
  args: { poolId: string; csv: string },
): Promise<StatementLineResult[]> {
  const actor = requireRole(viewer, 'MANAGER', 'ADMIN');
  const [facts] = isUuid(args.poolId) ? await selectPoolFactsByIds(deps.db, [args.poolId]) : [];
  if (!facts) throw notFound('Pool');
  if (!hasRole(actor, 'ADMIN') && facts.managerId !== actor.userId) {
    throw forbidden("Only the pool's manager can import its bank statements.");
  }
  if (Buffer.byteLength(args.csv) > STATEMENT_LIMITS.bytes) {
    throw badUserInput(
      'csv',
      `is larger than ${STATEMENT_LIMITS.bytes} bytes; import it in parts.`,
    );
  }
  return matchStatement(deps, args.csv, {
    poolId: facts.poolId,
    maxLines: STATEMENT_LIMITS.lines,
  });
}
