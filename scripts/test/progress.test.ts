import { describe, expect, it } from 'vitest';
import { progressReporter } from '../import/progress.ts';

function plainOutput() {
  const lines: string[] = [];
  const out = { isTTY: false, write: (text: string) => lines.push(text) };
  return { lines, reporter: progressReporter(out as unknown as NodeJS.WriteStream) };
}

describe('the import progress line', () => {
  it('shows rows/s and the time left by the share of the file read', () => {
    const { lines, reporter } = plainOutput();
    const startedAt = Date.now() - 80_000;
    reporter.done({ rows: 20_000, bytes: 400, totalBytes: 1_000, startedAt });
    expect(lines).toEqual([
      `[${'#'.repeat(12)}${'.'.repeat(18)}]  40% 20,000 rows, 250 rows/s, 2m 00s left\n`,
    ]);
  });

  it('leaves the time left out without a file size', () => {
    const { lines, reporter } = plainOutput();
    reporter.done({ rows: 10, bytes: 100, startedAt: Date.now() - 1_000 });
    expect(lines).toEqual(['10 rows, 10 rows/s\n']);
  });
});
