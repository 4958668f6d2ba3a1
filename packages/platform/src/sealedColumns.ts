import type { Pool, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import type { z } from 'zod';
import type { Logger } from './logger.ts';
import {
  isSealed,
  keyringFromEnv,
  open,
  rewrap,
  seal,
  SealedSecretError,
  type Keyring,
} from './sealedSecrets.ts';

/**
 * One column of a service's database that holds sealed secrets (sealedSecrets.ts). Each service
 * lists its own in `src/data/sealedColumns.ts`; the service seals what it writes and opens what it
 * reads with `sealValue`/`openValue`, its boot seals rows left in plaintext by an older version,
 * and `npm run keys:rotate-kek` re-wraps every listed column.
 */
export interface SealedColumn {
  /** The table, as in SQL. */
  table: string;
  /** Its primary key column (one column); its value is part of the associated data. */
  idColumn: string;
  /** The sealed column (text, room for about 200 bytes more than the secret); may be NULL. */
  column: string;
  /** The associated data is `<aadPrefix>:<id>`, so a value copied to another row never opens. */
  aadPrefix: string;
}

const IDENTIFIER = /^[a-z][a-z0-9_]{0,63}$/;

const aadOf = (column: SealedColumn, id: string) => `${column.aadPrefix}:${id}`;

export function sealValue(
  ring: Keyring,
  column: SealedColumn,
  id: string,
  plaintext: string,
): Promise<string> {
  return seal(ring, plaintext, aadOf(column, id));
}

/**
 * The secret a row holds. A value written before sealing existed is still plaintext until the
 * service's boot (or `keys:rotate-kek`) seals it, so a plaintext value is returned as it is:
 * that is what lets a deployment upgrade without stopping.
 */
export async function openValue(
  ring: Keyring,
  column: SealedColumn,
  id: string,
  stored: string,
): Promise<string> {
  return isSealed(stored) ? open(ring, stored, aadOf(column, id)) : stored;
}

export interface ResealOptions {
  /** Rows per SELECT and per round of UPDATEs; default 200. */
  batchSize?: number;
  /** Also re-wrap values whose data key another KEK of the ring wrapped (rotation); default false. */
  rewrap?: boolean;
}

export interface ResealResult {
  table: string;
  column: string;
  /** Plaintext values sealed. */
  sealed: number;
  /** Values moved from a previous KEK to the current one. */
  rewrapped: number;
  /** Rows that changed between the read and the write (left as they were; a rerun takes them). */
  changedMeanwhile: number;
  /** Rows still in plaintext or (with `rewrap`) on another KEK after the pass: 0 when done. */
  remaining: number;
}

function checkIdentifiers(column: SealedColumn): void {
  for (const name of [column.table, column.idColumn, column.column]) {
    if (!IDENTIFIER.test(name)) throw new SealedSecretError(`"${name}" is not a plain SQL name`);
  }
}

/**
 * One pass over a sealed column, in batches of rows keyed by id: plaintext values are sealed
 * and, with `rewrap`, values on an older KEK are re-wrapped to the current one (the ciphertext
 * stays). Rows already sealed with the current KEK are never read. Every write is a compare and
 * set on the value read, so a service writing the same row meanwhile wins and nothing is lost;
 * running it again, from any number of processes at once, is safe.
 */
export async function resealColumn(
  pool: Pool,
  ring: Keyring,
  column: SealedColumn,
  options: ResealOptions = {},
): Promise<ResealResult> {
  checkIdentifiers(column);
  const { table, idColumn: id, column: value } = column;
  const batchSize = options.batchSize ?? 200;
  // Compared as bytes: the column's collation may ignore case, and KEK ids do not.
  const done = options.rewrap ? `sealed:v1:${ring.current.id}:` : 'sealed:v1:';
  const pending = `\`${value}\` IS NOT NULL AND CAST(LEFT(\`${value}\`, ${done.length}) AS BINARY) <> CAST(? AS BINARY)`;
  const result: ResealResult = {
    table,
    column: value,
    sealed: 0,
    rewrapped: 0,
    changedMeanwhile: 0,
    remaining: 0,
  };
  let after: string | undefined;
  for (;;) {
    const [rows] = await pool.query<RowDataPacket[]>(
      `SELECT \`${id}\` AS id, \`${value}\` AS value FROM \`${table}\` WHERE ${pending}` +
        `${after === undefined ? '' : ` AND \`${id}\` > ?`} ORDER BY \`${id}\` LIMIT ${batchSize}`,
      after === undefined ? [done] : [done, after],
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      const rowId = String(row.id);
      const stored = String(row.value);
      let next: string | undefined;
      try {
        next = isSealed(stored)
          ? await rewrap(ring, stored)
          : await sealValue(ring, column, rowId, stored);
      } catch (error) {
        throw new SealedSecretError(
          `${table}.${value} of ${id} ${rowId}: ${(error as Error).message}`,
        );
      }
      if (next === undefined) continue;
      const [update] = await pool.query<ResultSetHeader>(
        `UPDATE \`${table}\` SET \`${value}\` = ? WHERE \`${id}\` = ? AND \`${value}\` = ?`,
        [next, rowId, stored],
      );
      if (update.affectedRows !== 1) result.changedMeanwhile += 1;
      else if (isSealed(stored)) result.rewrapped += 1;
      else result.sealed += 1;
    }
    after = String(rows[rows.length - 1]!.id);
  }
  const [[left]] = await pool.query<RowDataPacket[]>(
    `SELECT COUNT(*) AS n FROM \`${table}\` WHERE ${pending}`,
    [done],
  );
  result.remaining = Number(left?.n ?? 0);
  return result;
}

/** `resealColumn` over each of a service's sealed columns, one after the other. */
export async function resealColumns(
  pool: Pool,
  ring: Keyring,
  columns: readonly SealedColumn[],
  options: ResealOptions = {},
): Promise<ResealResult[]> {
  const results: ResealResult[] = [];
  for (const column of columns) results.push(await resealColumn(pool, ring, column, options));
  return results;
}

/**
 * A service's boot, before it serves: seals every secret an older version left in plaintext (the
 * upgrade to sealed secrets, and rows a replica of that version writes during the rollout).
 * Readers accept both forms meanwhile; rows sealed already are not read. Every replica may run
 * it at once: each write is a compare and set.
 */
export async function sealPlaintextSecrets(
  pool: Pool,
  ring: Keyring,
  columns: readonly SealedColumn[],
  log: Logger,
): Promise<void> {
  for (const result of await resealColumns(pool, ring, columns)) {
    if (result.sealed > 0) {
      const { table, column, sealed } = result;
      log.info({ table, column, sealed }, 'sealed secrets left in plaintext by an older version');
    }
  }
}

/**
 * For a service's env schema, `.superRefine(checkSealedSecretsEnv)`: SECRETS_KEK is required in
 * production and both variables must parse, reported with the other configuration problems.
 */
export function checkSealedSecretsEnv(
  env: { NODE_ENV: string; SECRETS_KEK?: string; SECRETS_KEK_PREVIOUS?: string },
  context: z.RefinementCtx,
): void {
  try {
    keyringFromEnv(env);
  } catch (error) {
    context.addIssue({ code: 'custom', path: ['SECRETS_KEK'], message: (error as Error).message });
  }
}
