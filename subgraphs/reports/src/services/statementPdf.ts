import PDFDocument from 'pdfkit';
import { STATEMENT_COLUMNS, type StatementColumn } from './statementCsv.ts';
import type { StatementLineModel, StatementModel } from './statements.ts';

const column = (header: string) => {
  const found = STATEMENT_COLUMNS.find((c) => c.header === header);
  if (!found) throw new Error(`no statement column ${header}`);
  return found;
};

/**
 * A pool's block, in the order a capital account reads (opening, what came in, what went out,
 * closing), the distribution's tiers indented under it: every CSV column but the pool's id,
 * name and currency (which head the block), each once.
 */
export const PDF_ROWS: ReadonlyArray<{ column: StatementColumn; indent?: true; bold?: true }> = [
  { column: column('opening_balance') },
  { column: column('contributions') },
  { column: column('proceeds') },
  { column: column('distributions') },
  { column: column('return_of_capital'), indent: true },
  { column: column('preferred_return'), indent: true },
  { column: column('profit_share'), indent: true },
  { column: column('pro_rata_distributions'), indent: true },
  { column: column('fees') },
  { column: column('withdrawals') },
  { column: column('carry') },
  { column: column('closing_balance'), bold: true },
  { column: column('nav_share') },
  { column: column('nav_date') },
];

/**
 * The standard PDF fonts draw WinAnsi only: any other character (say a pool name in Japanese)
 * is shown as "?" rather than as a wrong glyph. The CSV keeps the name exact.
 */
const drawable = (text: string) => text.replace(/[^\u0020-\u007e\u00a0-\u00ff]/g, '?');

/** What a cell shows: the CSV's exact decimal or text; an empty cell as a dash. */
export function shown(c: StatementColumn, line: StatementLineModel): string {
  const value = c.value(line);
  return value === null ? '-' : 'amount' in value ? value.amount : drawable(value.text);
}

const day = (at: Date) => at.toISOString().slice(0, 10);
const period = (s: StatementModel) =>
  `${s.from ? `From ${day(s.from)}` : 'From the beginning'} ${s.to ? `to ${day(s.to)} (exclusive)` : 'to now'}`;

/**
 * statementPdf: the statement as a PDF (pdfkit, the standard Helvetica fonts, A4): the period,
 * then one block per pool with every figure of the CSV (`STATEMENT_COLUMNS`, the same strings),
 * so the two documents cannot disagree. Nothing is read here: it lays out the model.
 */
export function statementPdf(statement: StatementModel): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: 'Capital account statement', Author: 'Poolgraph' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.font('Helvetica-Bold').fontSize(18).text('Capital account statement');
  doc.font('Helvetica').fontSize(10).text(`Investor ${statement.investorId}`);
  doc.text(period(statement));
  if (statement.lines.length === 0) doc.moveDown().text('No movements in this period.');

  // Every block has the same rows: measured on the first, a block that would not fit starts a
  // new page rather than being split across two.
  let blockHeight = 250;
  for (const line of statement.lines) {
    if (doc.y + blockHeight > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const top = doc.y;
    doc.moveDown(1.2);
    doc
      .font('Helvetica-Bold')
      .fontSize(13)
      .text(shown(column('pool_name'), line) || 'Pool', left);
    doc.font('Helvetica').fontSize(9).fillColor('#555555');
    doc.text(`Pool ${shown(column('pool_id'), line)}, amounts in ${line.currency}`, left);
    doc.fillColor('#000000').fontSize(10).moveDown(0.4);
    for (const { column: c, indent, bold } of PDF_ROWS) {
      const y = doc.y;
      const inset = indent ? 14 : 0;
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica');
      doc.text(c.label, left + inset, y, { width: width * 0.65 - inset });
      doc.text(shown(c, line), left + width * 0.65, y, { width: width * 0.35, align: 'right' });
      doc.moveDown(0.15);
    }
    blockHeight = doc.y - top;
  }
  doc.end();
  return done;
}
