import { format } from 'mysql2';
import {
  createPool,
  createConnection,
  type ConnectionOptions,
  type Pool,
  type PoolOptions,
} from 'mysql2/promise';
import { drizzle, type MySql2Database } from 'drizzle-orm/mysql2';
import { migrate } from 'drizzle-orm/mysql2/migrator';
import { MYSQL_TLS_OPTION } from './mysqlUrl.ts';
import { peerTlsOptions } from './tls.ts';
import { traceMysqlPool } from './tracedClients.ts';

export type { Pool as MysqlPool };
export * from './mysqlUrl.ts';

export interface MysqlOptions {
  url: string;
  connectionLimit?: number;
  /** Called with every SQL statement drizzle sends: tests use it to count queries. */
  onQuery?: (sql: string) => void;
}

export interface Mysql<TSchema extends Record<string, unknown>> {
  pool: Pool;
  db: MySql2Database<TSchema>;
  close(): Promise<void>;
}

export function databaseName(url: string): string {
  const name = new URL(url).pathname.replace(/^\//, '');
  if (!/^[A-Za-z0-9_]+$/.test(name)) {
    throw new Error(`MySQL URL must name a database of letters, digits and underscores: ${name}`);
  }
  return name;
}

/**
 * mysql2's connection options for a URL: our `tls` option becomes `ssl` (verified against the
 * process's CA); other query options go to mysql2 as they are. Every connection we open to
 * MySQL (pools, one-off connections in scripts) goes through this.
 */
export function mysqlConnectionOptions(url: string): ConnectionOptions {
  const parsed = new URL(url);
  const tls = parsed.searchParams.get(MYSQL_TLS_OPTION) === 'true';
  parsed.searchParams.delete(MYSQL_TLS_OPTION);
  return { uri: parsed.toString(), ...(tls ? { ssl: peerTlsOptions() } : {}) };
}

function poolOptions(url: string): PoolOptions {
  return {
    ...mysqlConnectionOptions(url),
    // Without these, BIGINT values above 2^53 come back rounded (docs/STACK.md).
    supportBigNumbers: true,
    bigNumberStrings: true,
    timezone: 'Z',
    dateStrings: false,
    waitForConnections: true,
    // mysql2 otherwise captures a stack trace on every query, in case it fails: 6% of a
    // consumer's CPU. A failed query's error still names its code, message and SQL.
    trace: false,
    queryFormat: formatWhenValues,
  };
}

/**
 * mysql2's own formatting, skipped when a statement comes with no values. drizzle and the
 * multi-row helpers (`sqlValues`) send statements already formatted, with an empty value list,
 * and mysql2 would still scan the whole text for a `?` outside quotes: a fifth of the bulk
 * path's CPU on 300 KB statements. The text is sent exactly as mysql2 would have sent it.
 */
function formatWhenValues(sql: string, values: unknown, timezone?: string): string {
  if (values === undefined || values === null) return sql;
  if (Array.isArray(values) && values.length === 0) return sql;
  return format(sql, values as Parameters<typeof format>[1], false, timezone as 'Z');
}

/** Creates the database named in the URL when it is missing. */
export async function ensureDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  const server = new URL(url);
  server.pathname = '/';
  const connection = await createConnection(mysqlConnectionOptions(server.toString()));
  try {
    await connection.query(
      `CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await connection.end();
  }
}

export async function dropDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  const server = new URL(url);
  server.pathname = '/';
  const connection = await createConnection(mysqlConnectionOptions(server.toString()));
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  } finally {
    await connection.end();
  }
}

export function connectMysql<TSchema extends Record<string, unknown>>(
  options: MysqlOptions,
  schema: TSchema,
): Mysql<TSchema> {
  const pool = createPool({
    ...poolOptions(options.url),
    connectionLimit: options.connectionLimit ?? 10,
  });
  pool.on('connection', (connection) => {
    connection.query("SET time_zone = '+00:00'");
  });
  traceMysqlPool(pool, databaseName(options.url));
  const onQuery = options.onQuery;
  const db = drizzle({
    client: pool,
    schema,
    mode: 'default',
    logger: onQuery ? { logQuery: (sql) => onQuery(sql) } : false,
  });
  return { pool, db, close: () => pool.end() };
}

/** Creates the database if needed and applies the committed drizzle-kit migrations. */
export async function migrateDatabase<TSchema extends Record<string, unknown>>(
  mysql: Mysql<TSchema>,
  migrationsFolder: string,
): Promise<void> {
  await migrate(mysql.db, { migrationsFolder });
}

export async function pingMysql(pool: Pool): Promise<void> {
  await pool.query('SELECT 1');
}

/** The MySQL error code of an error or of any error in its `cause` chain (drizzle wraps them). */
export function mysqlErrorCode(error: unknown): string | undefined {
  for (
    let e = error as { code?: unknown; cause?: unknown } | undefined;
    e;
    e = e.cause as typeof e
  ) {
    if (typeof e.code === 'string' && e.code.startsWith('ER_')) return e.code;
  }
  return undefined;
}

export const isDuplicateKey = (error: unknown): boolean => mysqlErrorCode(error) === 'ER_DUP_ENTRY';

/** InnoDB picked this transaction as a deadlock victim and rolled it back whole. */
export const isDeadlock = (error: unknown): boolean => mysqlErrorCode(error) === 'ER_LOCK_DEADLOCK';

/**
 * InnoDB rolled the transaction back for a lock conflict: a deadlock, or a lock wait that timed
 * out. Running the whole transaction again is safe and usually succeeds.
 */
export const isLockConflict = (error: unknown): boolean => {
  const code = mysqlErrorCode(error);
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT';
};

/**
 * The pause before a transaction's next attempt: up to 2^attempt ms (at most 250), at random,
 * so that contenders spread out instead of colliding again.
 */
export const retryPause = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(2 ** attempt, 250)));

/**
 * Runs a transaction again when it failed in a way that rolled it back whole and may succeed
 * next time: by default a deadlock, which is normal under row locking (first inserts into a
 * table's hot end take gap locks, and a burst of them deadlocks a few times over). `run` must be the whole
 * transaction (`() => db.transaction(...)`), so a rerun starts from nothing.
 */
export async function retryTransaction<T>(
  run: () => Promise<T>,
  {
    attempts = 5,
    retryable = isDeadlock,
  }: { attempts?: number; retryable?: (error: unknown) => boolean } = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !retryable(error)) throw error;
      await retryPause(attempt);
    }
  }
}
