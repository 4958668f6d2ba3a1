import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection, type Connection } from 'mysql2/promise';
import { killOnProcessExit } from './processExit.ts';

/** One private `mariadbd`: its data directory, port and socket. */
export interface MariadbServerSpec {
  /** Holds `data/`, the socket, the pid file and `error.log`. */
  dir: string;
  port: number;
  serverId: number;
  /**
   * The primary writes a ROW binary log; the replica is read-only and keeps none; a standalone
   * server (`startPrivateMariadb`: `npm start`'s own, the test run's) keeps none either.
   */
  role: 'primary' | 'replica' | 'standalone';
  /** PEM file paths: serve TLS with this certificate and refuse any TCP client without TLS. */
  tls?: ServerTlsFiles;
}

/** A server's certificate, key and CA as PEM file paths (`ensureCertificates`' files). */
export interface ServerTlsFiles {
  cert: string;
  key: string;
  ca: string;
}

export interface RunningMariadb {
  child: ChildProcess;
  exited: Promise<void>;
}

/** A Unix socket path must fit in 108 bytes; long checkouts get one in the temp dir instead. */
export function socketPath(dir: string): string {
  const own = join(dir, 'mysqld.sock');
  if (own.length < 100) return own;
  return join(tmpdir(), `pgmdb-${createHash('sha1').update(dir).digest('hex').slice(0, 12)}.sock`);
}

/**
 * Small and fast rather than durable: a 32 MB buffer pool, an 8 MB redo log, no doublewrite,
 * no fsync per commit, no performance schema. The collation is the system server's
 * (docs/STACK.md: utf8mb4_unicode_ci), so tests see the same comparisons on either server.
 */
function serverArgs(spec: MariadbServerSpec): string[] {
  const data = join(spec.dir, 'data');
  return [
    '--no-defaults',
    `--datadir=${data}`,
    `--port=${spec.port}`,
    '--bind-address=127.0.0.1',
    `--socket=${socketPath(spec.dir)}`,
    `--pid-file=${join(spec.dir, 'mysqld.pid')}`,
    `--log-error=${join(spec.dir, 'error.log')}`,
    '--user=root',
    // Grants name 127.0.0.1, and no DNS lookup delays a connection.
    '--skip-name-resolve',
    `--server-id=${spec.serverId}`,
    '--character-set-server=utf8mb4',
    '--collation-server=utf8mb4_unicode_ci',
    // A standalone server holds a whole test run's databases (or the demo's): the stock 128 MB.
    `--innodb-buffer-pool-size=${spec.role === 'standalone' ? '128M' : '32M'}`,
    '--innodb-log-file-size=8M',
    '--innodb-doublewrite=0',
    '--innodb-flush-log-at-trx-commit=2',
    '--performance-schema=OFF',
    '--max-connections=300',
    // TCP clients must use TLS; the Unix socket (root's set-up connection) counts as secure.
    ...(spec.tls
      ? [
          `--ssl-cert=${spec.tls.cert}`,
          `--ssl-key=${spec.tls.key}`,
          `--ssl-ca=${spec.tls.ca}`,
          '--require-secure-transport=ON',
          '--tls-version=TLSv1.2,TLSv1.3',
        ]
      : []),
    ...(spec.role === 'standalone'
      ? ['--skip-log-bin']
      : spec.role === 'primary'
        ? [`--log-bin=${join(data, 'binlog')}`, '--binlog-format=ROW', '--sync-binlog=0']
        : [
            '--skip-log-bin',
            '--read-only',
            `--relay-log=${join(data, 'relay')}`,
            // A replica restart resumes from mysql.gtid_slave_pos, which commits with each change.
            '--relay-log-recovery=1',
            // Notice a primary that went away within seconds, and retry each second.
            '--slave-net-timeout=5',
          ]),
  ];
}

/**
 * Creates the system tables once (about 0.7 s). `--auth-root-authentication-method=normal`
 * gives root@localhost (the socket) an empty password, which the setup below logs in with.
 */
export function installDataDir(dir: string, copyFrom?: string): void {
  mkdirSync(dir, { recursive: true });
  const data = join(dir, 'data');
  if (copyFrom) {
    // A fresh data directory is the same for every server: copy the first instead of a rerun.
    cpSync(join(copyFrom, 'data'), data, { recursive: true });
    return;
  }
  const result = spawnSync(
    'mariadb-install-db',
    [
      '--no-defaults',
      `--datadir=${data}`,
      '--user=root',
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      '--skip-name-resolve',
      '--innodb-buffer-pool-size=32M',
      '--innodb-log-file-size=8M',
    ],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) {
    throw new Error(`mariadb-install-db failed in ${data}:\n${result.stdout}${result.stderr}`);
  }
}

export const hasDataDir = (dir: string): boolean => existsSync(join(dir, 'data', 'mysql'));

/** The server a previous run left behind (a crashed fleet script): its pid, when it lives. */
function leftoverPid(dir: string): number | undefined {
  const file = join(dir, 'mysqld.pid');
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes('mariadbd') && cmdline.includes(join(dir, 'data')) ? pid : undefined;
  } catch {
    return undefined;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (existsSync(`/proc/${pid}`) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A socket connection as root@localhost (empty password, see installDataDir). */
export function rootConnection(dir: string): Promise<Connection> {
  return createConnection({ socketPath: socketPath(dir), user: 'root', multipleStatements: true });
}

/** Starts the server and waits until it answers on its socket (a crash fails with its log). */
export async function startMariadb(spec: MariadbServerSpec): Promise<RunningMariadb> {
  const stale = leftoverPid(spec.dir);
  if (stale) {
    // Ours from an earlier run of the same directory (checked above): stop it cleanly first.
    process.kill(stale, 'SIGTERM');
    await waitForExit(stale, 30_000);
  }
  rmSync(socketPath(spec.dir), { force: true });
  const child = spawn('/usr/sbin/mariadbd', serverArgs(spec), { stdio: 'ignore' });
  killOnProcessExit(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const log = join(spec.dir, 'error.log');
      const tail = existsSync(log)
        ? readFileSync(log, 'utf8').split('\n').slice(-15).join('\n')
        : '';
      throw new Error(`mariadbd (${spec.role}, port ${spec.port}) exited:\n${tail}`);
    }
    try {
      const connection = await rootConnection(spec.dir);
      await connection.end();
      return { child, exited };
    } catch (error) {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** SIGTERM is a clean shutdown (InnoDB flushes); SIGKILL a crash, which InnoDB recovers from. */
export async function stopMariadb(
  server: RunningMariadb,
  signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM',
): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill(signal);
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 30_000);
  await server.exited;
  clearTimeout(timer);
}
