/** `poolgraph-statement-from-2026-01-01-to-2026-02-01.csv`: what a file holds and its period. */
const fileName = (what: string, period: { from: string; to: string }, extension: string) =>
  `poolgraph-${what}${period.from ? `-from-${period.from}` : ''}${period.to ? `-to-${period.to}` : ''}.${extension}`;

function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Hands a CSV the server wrote to the browser as a file download, named after what it holds
 * and the period chosen (`poolgraph-statement-from-2026-01-01-to-2026-02-01.csv`).
 */
export function saveCsv(what: string, csv: string, period: { from: string; to: string }): void {
  saveBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), fileName(what, period, 'csv'));
}

/** The same for a PDF the server sent as base64 (the statement's `pdf`). */
export function savePdf(what: string, base64: string, period: { from: string; to: string }): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  saveBlob(new Blob([bytes], { type: 'application/pdf' }), fileName(what, period, 'pdf'));
}
