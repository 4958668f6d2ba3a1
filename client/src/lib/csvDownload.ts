/**
 * Hands a CSV the server wrote to the browser as a file download, named after what it holds
 * and the period chosen (`poolgraph-statement-from-2026-01-01-to-2026-02-01.csv`).
 */
export function saveCsv(what: string, csv: string, period: { from: string; to: string }): void {
  const { from, to } = period;
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `poolgraph-${what}${from ? `-from-${from}` : ''}${to ? `-to-${to}` : ''}.csv`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
