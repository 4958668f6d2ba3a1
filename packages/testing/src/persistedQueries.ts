import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** An Apollo persisted-query manifest of these operation bodies, as the gateway loads them. */
export function persistedQueryManifest(bodies: readonly string[]): string {
  return JSON.stringify({
    format: 'apollo-persisted-query-manifest',
    version: 1,
    operations: bodies.map((body, index) => ({
      id: createHash('sha256').update(body).digest('hex'),
      name: /^\s*(?:query|mutation|subscription)\s+(\w+)/.exec(body)?.[1] ?? `Operation${index}`,
      type: /^\s*(mutation|subscription)\b/.exec(body)?.[1] ?? 'query',
      body,
    })),
  });
}

/** A fresh folder holding one manifest (`test.json`) of these bodies; pass it as persistedQueriesDir. */
export async function persistedQueriesDir(bodies: readonly string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'poolgraph-pq-'));
  await writeFile(join(dir, 'test.json'), persistedQueryManifest(bodies));
  return dir;
}
