/**
 * The script a first visit downloads before anything shows: the entry chunk and the chunks
 * index.html preloads with it, gzipped. Route screens are separate chunks (App.tsx), loaded on
 * navigation, and do not count. `npm run build -w @poolgraph/client` prints it and fails above
 * the budget; the browser test checks it on the build it serves.
 *
 *   npx tsx client/scripts/bundle-size.ts [dist dir]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** 150 kB gzip: what loads in about a second on a slow mobile connection. */
export const INITIAL_SCRIPT_BUDGET_BYTES = 150 * 1024;

export interface InitialScript {
  files: Array<{ file: string; gzipBytes: number }>;
  gzipBytes: number;
}

export function initialScript(distDir: string): InitialScript {
  const html = readFileSync(resolve(distDir, 'index.html'), 'utf8');
  const urls = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1]!);
  const files = [...new Set(urls)].map((url) => ({
    file: url,
    gzipBytes: gzipSync(readFileSync(resolve(distDir, `.${url}`)), { level: 9 }).length,
  }));
  return { files, gzipBytes: files.reduce((total, f) => total + f.gzipBytes, 0) };
}

export const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = resolve(process.argv[2] ?? resolve(import.meta.dirname, '../dist'));
  const { files, gzipBytes } = initialScript(dist);
  for (const f of files) console.log(`  ${f.file.padEnd(48)} ${kB(f.gzipBytes)} gzip`);
  console.log(`initial script: ${kB(gzipBytes)} gzip (budget ${kB(INITIAL_SCRIPT_BUDGET_BYTES)})`);
  if (gzipBytes > INITIAL_SCRIPT_BUDGET_BYTES) process.exit(1);
}
