import { mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports.ts';
import { removeOnProcessExit } from './processExit.ts';
import {
  hasDataDir,
  installDataDir,
  rootConnection,
  startMariadb,
  stopMariadb,
  type MariadbServerSpec,
  type ServerTlsFiles,
} from './mariadbServer.ts';

export interface PrivateMariadbOptions {
  /** Kept between runs (`npm start`'s `.poolgraph/dev/mysql`); default a temp dir stop() removes. */
  dir?: string;
  /** Default a free port. */
  port?: number;
  /** Serve TLS only (require_secure_transport); the URL then ends in `?tls=true`. */
  tls?: ServerTlsFiles;
}

export interface PrivateMariadb {
  /** root, no password, no database: `mysql://root@127.0.0.1:<port>` (`?tls=true` with tls). */
  serverUrl: string;
  pid(): number | undefined;
  stop(): Promise<void>;
}

/**
 * A freshly installed data directory, made once per machine and `mariadbd` build and copied
 * afterwards: `mariadb-install-db` takes seconds on a busy machine, a copy a fraction of that.
 * Built aside and renamed into place, so concurrent runs never see half of one.
 */
function installedTemplate(): string {
  const binary = statSync('/usr/sbin/mariadbd');
  const template = join(tmpdir(), `poolgraph-mariadb-template-${binary.size}-${binary.mtimeMs}`);
  if (hasDataDir(template)) return template;
  const building = mkdtempSync(`${template}.building-`);
  try {
    installDataDir(building);
    renameSync(building, template);
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    // Another run renamed its copy into place first: use that one.
    if (!hasDataDir(template)) throw error;
  }
  return template;
}

/** Services and tests connect over TCP as root@127.0.0.1; the install grants root on the socket only. */
const TCP_ROOT = `CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY '';
GRANT ALL ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;`;

/**
 * One `mariadbd` of its own (no binary log) with the same settings as the private pair's servers:
 * the test run's server (vitest's global setup) and `npm start`'s when nothing answers on the
 * default address. A kept directory starts with the data it had.
 */
export async function startPrivateMariadb(
  options: PrivateMariadbOptions = {},
): Promise<PrivateMariadb> {
  const temp = options.dir ? undefined : mkdtempSync(join(tmpdir(), 'pgmdb-'));
  const spec: MariadbServerSpec = {
    dir: options.dir ?? temp!,
    port: options.port ?? (await freePort()),
    serverId: 1,
    role: 'standalone',
    tls: options.tls,
  };
  if (!hasDataDir(spec.dir)) {
    rmSync(join(spec.dir, 'data'), { recursive: true, force: true });
    installDataDir(spec.dir, installedTemplate());
  }
  const server = await startMariadb(spec).catch((error: unknown) => {
    if (temp) rmSync(temp, { recursive: true, force: true });
    throw error;
  });
  const removeTemp = temp ? removeOnProcessExit(temp) : undefined;
  const stop = async () => {
    await stopMariadb(server);
    removeTemp?.();
  };
  try {
    const connection = await rootConnection(spec.dir);
    await connection.query(TCP_ROOT).finally(() => connection.end());
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    serverUrl: `mysql://root@127.0.0.1:${spec.port}${options.tls ? '?tls=true' : ''}`,
    pid: () => server.child.pid,
    stop,
  };
}
