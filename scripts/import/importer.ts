import type { Readable } from 'node:stream';
import { postContributionsInBulk, type BulkContribution } from '@poolgraph/ledger/bulk';
import type { LedgerDb } from '@poolgraph/ledger/db';
import { call } from '../lib/graphql.ts';
import { readCsv } from './csv.ts';
import type { Progress } from './progress.ts';
import { readHeader, readRow, type ImportRow } from './rows.ts';

/** The import's own manager account: it manages the pools the import creates. */
export const IMPORT_MANAGER_EXTERNAL_ID = 'poolgraph-import-manager';

export interface ImportOptions {
  input: Readable;
  totalBytes?: number;
  /** The gateway (or users and pools directly) and an ADMIN's access token. */
  gatewayUrl: string;
  token: string;
  ledgerDb: LedgerDb;
  /** The dataset has no currency column: every amount is in this one (default USD). */
  currency?: string;
  /** Rows per round of id resolution and bulk posting (default 5000). */
  batchSize?: number;
  onProgress?: (progress: Progress) => void;
  onBadRow?: (line: number, problem: string) => void;
}

export interface ImportSummary {
  rows: number;
  posted: number;
  replayed: number;
  bad: number;
  seconds: number;
  /** Time spent creating investors and pools, and posting; the two overlap (see below). */
  resolveSeconds: number;
  postSeconds: number;
}

const IMPORT_USERS = `mutation ImportUsers($ids: [String!]!, $role: Role) {
  importUsers(externalIds: $ids, role: $role) { id externalId } }`;
const IMPORT_POOLS = `mutation ImportPools($managerId: ID!, $pools: [ImportPoolInput!]!) {
  importPools(managerId: $managerId, pools: $pools) { externalId pool { id } } }`;

type ImportedUser = { id: string; externalId: string };

/**
 * Streams a CSV of historical contributions into the ledger through its bulk path: rows are
 * read and validated one at a time (bad ones reported by line), then in batches the missing
 * investors and pools are created through users and pools (admin mutations) and the
 * contributions posted. Memory stays flat: one batch of rows plus the dataset-id → id maps.
 * Idempotent: each row's key is its line and content.
 */
export async function importTransactions(options: ImportOptions): Promise<ImportSummary> {
  const currency = options.currency ?? 'USD';
  const batchSize = options.batchSize ?? 5000;
  const gql = <T>(query: string, variables: Record<string, unknown>) =>
    call<T>(options.gatewayUrl, query, variables, options.token);
  const [manager] = (
    await gql<{ importUsers: ImportedUser[] }>(IMPORT_USERS, {
      ids: [IMPORT_MANAGER_EXTERNAL_ID],
      role: 'MANAGER',
    })
  ).importUsers;
  if (!manager) throw new Error('users did not create the import manager');
  const investors = new Map<string, string>();
  const pools = new Map<string, string>();
  const progress: Progress = {
    rows: 0,
    bytes: 0,
    totalBytes: options.totalBytes,
    startedAt: Date.now(),
  };
  const summary: ImportSummary = {
    rows: 0,
    posted: 0,
    replayed: 0,
    bad: 0,
    seconds: 0,
    resolveSeconds: 0,
    postSeconds: 0,
  };
  const timed = async (phase: 'resolveSeconds' | 'postSeconds', work: Promise<void>) => {
    const started = performance.now();
    await work;
    summary[phase] += (performance.now() - started) / 1000;
  };
  const bad = (line: number, problem: string) => {
    summary.bad++;
    options.onBadRow?.(line, problem);
  };

  async function resolveIds(rows: ImportRow[]) {
    const newInvestors = [...new Set(rows.map((r) => r.investorExternalId))].filter(
      (id) => !investors.has(id),
    );
    for (let i = 0; i < newInvestors.length; i += 10_000) {
      const { importUsers } = await gql<{ importUsers: ImportedUser[] }>(IMPORT_USERS, {
        ids: newInvestors.slice(i, i + 10_000),
        role: 'INVESTOR',
      });
      for (const u of importUsers) investors.set(u.externalId, u.id);
    }
    const newPools = [...new Set(rows.map((r) => r.poolExternalId))].filter((id) => !pools.has(id));
    for (let i = 0; i < newPools.length; i += 2_000) {
      const { importPools } = await gql<{
        importPools: Array<{ externalId: string; pool: { id: string } }>;
      }>(IMPORT_POOLS, {
        managerId: manager!.id,
        pools: newPools.slice(i, i + 2_000).map((externalId) => ({ externalId, currency })),
      });
      for (const p of importPools) pools.set(p.externalId, p.pool.id);
    }
  }

  async function post(rows: ImportRow[]) {
    const items: BulkContribution[] = rows.map((r) => ({
      idempotencyKey: r.idempotencyKey,
      poolId: pools.get(r.poolExternalId)!,
      currency,
      managerId: manager!.id,
      investorId: investors.get(r.investorExternalId)!,
      amountMinor: r.amountMinor,
      occurredAt: r.occurredAt,
    }));
    // The import manager is the idempotency scope: any admin re-running the file replays it.
    const outcomes = await postContributionsInBulk(options.ledgerDb, items, {
      actorId: manager!.id,
      chunkSize: 2000,
    });
    outcomes.forEach((outcome, i) => {
      if (outcome.status === 'POSTED') summary.posted++;
      else if (outcome.status === 'REPLAYED') summary.replayed++;
      else if (outcome.status === 'REJECTED')
        bad(rows[i]!.line, `${outcome.code}: ${outcome.message}`);
    });
  }

  // One batch is posted while the next is read and its ids resolved.
  let posting: Promise<void> = Promise.resolve();
  const flush = async (rows: ImportRow[]) => {
    await timed('resolveSeconds', resolveIds(rows));
    await posting;
    posting = timed('postSeconds', post(rows));
  };

  let columns: ReturnType<typeof readHeader> | undefined;
  let batch: ImportRow[] = [];
  for await (const record of readCsv(options.input, { onBytes: (b) => (progress.bytes = b) })) {
    if (columns === undefined) {
      columns = readHeader(record);
      if (typeof columns === 'string') throw new Error(`line ${record.line}: ${columns}`);
      continue;
    }
    if (typeof columns === 'string') break;
    summary.rows++;
    progress.rows = summary.rows;
    options.onProgress?.(progress);
    const result = readRow(record, columns, currency);
    if ('problem' in result) bad(result.line, result.problem);
    else batch.push(result.row);
    if (batch.length >= batchSize) {
      await flush(batch);
      batch = [];
    }
  }
  if (columns === undefined) throw new Error('the file is empty (expected a header line)');
  if (batch.length > 0) await flush(batch);
  await posting;
  summary.seconds = (Date.now() - progress.startedAt) / 1000;
  return summary;
}
