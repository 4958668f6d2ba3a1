import { inflateSync } from 'node:zlib';
import { expect } from 'vitest';

/**
 * The text lines of a PDF written with pdfkit's standard fonts: each compressed content stream
 * is inflated, each text object's hex strings decoded (WinAnsi, Latin-1 for these characters)
 * and the texts drawn on one baseline joined with " | " (a label and its value). Enough to read
 * back what a statement PDF shows, without a PDF library.
 */
export function pdfLines(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  expect(raw.startsWith('%PDF-')).toBe(true);
  const lines: string[] = [];
  for (const stream of raw.matchAll(/stream\n([\s\S]*?)\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(stream[1]!, 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    let baseline: string | null = null;
    let row: string[] = [];
    for (const block of content.matchAll(/BT\n([\s\S]*?)\nET/g)) {
      const y = /\S+ \S+ \S+ \S+ \S+ (\S+) Tm/.exec(block[1]!)?.[1] ?? null;
      const text = [...block[1]!.matchAll(/<([0-9a-f]*)>/g)]
        .map((hex) => Buffer.from(hex[1]!, 'hex').toString('latin1'))
        .join('');
      if (y !== baseline && row.length > 0) {
        lines.push(row.join(' | '));
        row = [];
      }
      baseline = y;
      row.push(text);
    }
    if (row.length > 0) lines.push(row.join(' | '));
  }
  return lines;
}
