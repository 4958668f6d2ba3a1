import { createHash } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getOperationAST, parse } from 'graphql';
import { z } from 'zod';
import type { Logger } from '@poolgraph/platform';

/** One trusted operation: its body is what runs when a client sends its id. */
export interface TrustedOperation {
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
  /** The manifest file it came from. */
  file: string;
}

/** Apollo's persisted-query manifest (what `generate-persisted-query-manifest` writes). */
const manifestSchema = z.object({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z.array(
    z.object({
      id: z.string().regex(/^[0-9a-f]{64}$/, 'a lower-case hex SHA-256'),
      name: z.string().min(1),
      type: z.enum(['query', 'mutation', 'subscription']),
      body: z.string().min(1),
    }),
  ),
});

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Parses and checks one manifest; throws an Error naming the first problem. */
export function parseManifest(text: string, file: string): TrustedOperation[] {
  const parsed = manifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${issue.path.join('.') || 'manifest'}: ${issue.message}`);
  }
  return parsed.data.operations.map((operation, index) => {
    if (sha256(operation.body) !== operation.id) {
      throw new Error(`operations.${index} (${operation.name}): id is not the SHA-256 of body`);
    }
    const type = getOperationAST(parse(operation.body))?.operation;
    if (type !== operation.type) {
      throw new Error(`operations.${index} (${operation.name}): body is not one ${operation.type}`);
    }
    return { ...operation, file };
  });
}

export interface TrustedDocuments {
  /** The operation with this id, from any manifest. */
  get(id: string): TrustedOperation | undefined;
  /** Whether some manifest has an operation of this name (metrics label only those). */
  hasName(name: string): boolean;
  readonly size: number;
  /** Settles when the first load is done. */
  ready: Promise<void>;
  /** Reads every manifest again (the watcher calls it; tests may too). */
  reload(): Promise<void>;
  close(): void;
}

/**
 * Every `*.json` manifest in `dir`, loaded at start and, with `watch`, again when the folder
 * changes. A manifest that cannot be read or fails a check is logged at `error` and its
 * previous contents stay (none, at start); a deleted one is dropped.
 */
export function loadTrustedDocuments(
  dir: string,
  log: Logger,
  { watch: watching = true }: { watch?: boolean } = {},
): TrustedDocuments {
  const byFile = new Map<string, TrustedOperation[]>();
  let byId = new Map<string, TrustedOperation>();
  let names = new Set<string>();

  async function reload() {
    const files: string[] = await readdir(dir).then(
      (names) => names.filter((n) => n.endsWith('.json')).sort(),
      (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') log.error({ err: error.message, dir }, 'manifests unreadable');
        return [];
      },
    );
    for (const file of [...byFile.keys()]) if (!files.includes(file)) byFile.delete(file);
    for (const file of files) {
      try {
        byFile.set(file, parseManifest(await readFile(join(dir, file), 'utf8'), file));
      } catch (error) {
        log.error(
          { file: join(dir, file), err: (error as Error).message },
          'persisted-query manifest rejected; its previous operations stay',
        );
      }
    }
    const next = new Map<string, TrustedOperation>();
    for (const operations of byFile.values()) for (const op of operations) next.set(op.id, op);
    byId = next;
    names = new Set([...next.values()].map((op) => op.name));
    log.info(
      { operations: byId.size, files: [...byFile.keys()] },
      'persisted-query manifests loaded',
    );
  }

  const ready = reload();
  let watcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  if (watching) {
    try {
      // The folder, not the files: editors and generators replace files by renaming over them.
      watcher = watch(dir, () => {
        clearTimeout(timer);
        timer = setTimeout(() => void reload(), 100);
      });
      watcher.on('error', (error) =>
        log.warn({ err: error.message, dir }, 'manifest watch failed'),
      );
    } catch (error) {
      log.warn({ err: (error as Error).message, dir }, 'manifests are not watched');
    }
  }

  return {
    get: (id) => byId.get(id),
    hasName: (name) => names.has(name),
    get size() {
      return byId.size;
    },
    ready,
    reload,
    close() {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
