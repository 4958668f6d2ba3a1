/**
 * The one CSV writer of every export (reports' statements, the ledger's transaction history) (RFC 4180, CRLF line ends). A spreadsheet opening the file
 * must show what we wrote and run nothing, whatever its locale's separator (`,` or `;`):
 *
 * - Every text cell is quoted and its quotes doubled, so a `,`, `;`, quote or line break inside
 *   it does not split it for a reader that honours quotes.
 * - A text cell starting with a formula character (`=`, `+`, `-`, `@`, tab, CR, LF, NUL, or
 *   their full-width forms, after any spaces) gets a leading apostrophe, as OWASP's
 *   CSV-injection guidance says: the apostrophe makes a spreadsheet read the rest as text.
 *   So does any part of the text that follows a `,`, `;`, tab or line break: a spreadsheet set
 *   to the other separator (or one that ignores quotes) starts a cell there. A reader that
 *   honours quotes then sees that apostrophe inside the text (`A;'=1`): the price of one file
 *   being inert in every locale.
 * - Decimal cells (money) are written bare, so `-12.50` stays a negative number a spreadsheet
 *   can sum. Only values that are exactly a decimal (`-?digits[.digits]`) are accepted: anything
 *   else is a bug in the export and throws instead of reaching the file.
 */
export type CsvCell = { text: string } | { decimal: string };

export const csvText = (value: string): CsvCell => ({ text: value });
export const csvDecimal = (value: string): CsvCell => ({ decimal: value });

const FORMULA_CHARACTERS = new Set([
  '=',
  '+',
  '-',
  '@',
  '\t',
  '\r',
  '\n',
  '\0',
  '＝',
  '＋',
  '－',
  '＠',
]);
/** Characters after which some spreadsheet starts a new cell (its separator, a line break). */
const CELL_BREAKS = new Set([',', ';', '\t', '\r', '\n']);
const SPACES = new Set([' ', '\u3000']);

/** The text with an apostrophe wherever a cell could start with a formula character. */
function withoutFormulas(value: string): string {
  let out = '';
  let atCellStart = true;
  for (const character of value) {
    if (atCellStart && FORMULA_CHARACTERS.has(character)) out += "'";
    out += character;
    if (CELL_BREAKS.has(character)) atCellStart = true;
    else if (!SPACES.has(character)) atCellStart = false;
  }
  return out;
}
const DECIMAL = /^-?\d+(\.\d+)?$/;

function textField(value: string): string {
  return `"${withoutFormulas(value).replaceAll('"', '""')}"`;
}

function decimalField(value: string): string {
  if (!DECIMAL.test(value)) throw new Error(`CSV decimal cell is not a decimal: ${value}`);
  return value;
}

export function csvField(cell: CsvCell): string {
  return 'text' in cell ? textField(cell.text) : decimalField(cell.decimal);
}

/** A whole file: the header (text cells) and one line per row, each ending in CRLF. */
export function csvDocument(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>) {
  const lines = [header.map(csvText), ...rows].map((row) => row.map(csvField).join(','));
  return lines.map((line) => `${line}\r\n`).join('');
}
