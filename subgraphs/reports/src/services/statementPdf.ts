import PDFDocument from 'pdfkit';
import { STATEMENT_COLUMNS, type StatementColumn } from './statementCsv.ts';
import type { StatementLineModel, StatementModel } from './statements.ts';

/** The columns a pool's block lists as rows (its id, name and currency head the block). */
const HEAD = new Set(['pool_id', 'pool_name', 'currency']);
const ROWS = STATEMENT_COLUMNS.filter((c) => !HEAD.has(c.header));
const column = (header: string) => STATEMENT_COLUMNS.find((c) => c.header === header)!;

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

  for (const line of statement.lines) {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 260) doc.addPage();
    doc.moveDown(1.2);
    doc
      .font('Helvetica-Bold')
      .fontSize(13)
      .text(shown(column('pool_name'), line) || 'Pool', left);
    doc.font('Helvetica').fontSize(9).fillColor('#555555');
    doc.text(`Pool ${shown(column('pool_id'), line)}, amounts in ${line.currency}`, left);
    doc.fillColor('#000000').fontSize(10).moveDown(0.4);
    for (const c of ROWS) {
      const y = doc.y;
      const bold = c.header === 'closing_balance';
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica');
      doc.text(c.label, left, y, { width: width * 0.65 });
      doc.text(shown(c, line), left + width * 0.65, y, { width: width * 0.35, align: 'right' });
      doc.moveDown(0.15);
    }
  }
  doc.end();
  return done;
}
