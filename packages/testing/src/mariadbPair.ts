import { mkdtempSync, rmSync } from 'node:fs';
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
  type RunningMariadb,
  type ServerTlsFiles,
} from './mariadbServer.ts';

/** Replication's own account on the primary, and the services' read-only account on the replica. */
const REPL_USER = 'repl';
const REPL_PASSWORD = 'repl-pw';
export const REPLICA_READER = { user: 'poolgraph_reader', password: 'reader-pw' };

export interface MariadbPairOptions {
  /** Kept between runs (`npm run fleet`); default fresh temp directories, removed by stop(). */
  primaryDir?: string;
  replicaDir?: string;
  /** Default free ports. */
  primaryPort?: number;
  replicaPort?: number;
  /**
   * Both servers take TLS only (require_secure_transport), with this one certificate; the
   * replica reads the primary's binary log over TLS, verifying it; the URLs end in `?tls=true`.
   */
  tls?: ServerTlsFiles;
}

export interface MariadbPair {
  /** root, no password, no database: where services write and migrate. */
  primaryServerUrl: string;
  /**
   * The account services read the replica with: SELECT only, so a write sent there by mistake
   * fails even apart from `read_only` (which root, holding READ_ONLY ADMIN, would bypass).
   */
  replicaServerUrl: string;
  /** root on the replica (tests plant rows there to see where a read went). */
  replicaAdminUrl: string;
  /** Stops the replica (SIGTERM, or SIGKILL for a crash) and starts it again on its data. */
  restartReplica(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** STOP SLAVE / START SLAVE: the replica keeps serving what it has, falling behind. */
  stopReplication(): Promise<void>;
  startReplication(): Promise<void>;
  /** MASTER_DELAY: the replica applies each transaction this many seconds after the primary. */
  setDelay(seconds: number): Promise<void>;
  /** Until the replica has applied everything the primary has logged. */
  waitForReplica(timeoutMs?: number): Promise<void>;
  /** The running servers' process ids (a chaos run checks that none outlives it). */
  pids(): number[];
  stop(): Promise<void>;
}

/** Accounts each server gets once, kept out of the binary log (the replica would repeat them). */
const ACCOUNTS = `SET sql_log_bin = 0;
CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY '';
GRANT ALL ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;
CREATE USER IF NOT EXISTS '${REPL_USER}'@'127.0.0.1' IDENTIFIED BY '${REPL_PASSWORD}';
GRANT REPLICATION SLAVE ON *.* TO '${REPL_USER}'@'127.0.0.1';
CREATE USER IF NOT EXISTS '${REPLICA_READER.user}'@'127.0.0.1' IDENTIFIED BY '${REPLICA_READER.password}';
GRANT SELECT, SHOW VIEW, SLAVE MONITOR ON *.* TO '${REPLICA_READER.user}'@'127.0.0.1';
SET sql_log_bin = 1;`;

async function run(dir: string, sql: string): Promise<unknown> {
  const connection = await rootConnection(dir);
  try {
    const [rows] = await connection.query(sql);
    return rows;
  } finally {
    await connection.end();
  }
}

/**
 * A MariaDB primary (ROW binary log, GTID) and a read-only replica of it (GTID, `slave_pos`),
 * each its own `mariadbd` with its own data directory, port and socket. Neither touches the
 * system server. A fresh pair starts in about 2 s; existing directories start as they were,
 * and the replica resumes from its GTID position.
 */
export async function startPrivateMariadbPair(
  options: MariadbPairOptions = {},
): Promise<MariadbPair> {
  const temp = !options.primaryDir ? mkdtempSync(join(tmpdir(), 'pgmdb-')) : undefined;
  const primary: MariadbServerSpec = {
    dir: options.primaryDir ?? join(temp!, 'primary'),
    port: options.primaryPort ?? (await freePort()),
    serverId: 1,
    role: 'primary',
    tls: options.tls,
  };
  const replica: MariadbServerSpec = {
    dir: options.replicaDir ?? join(temp ?? primary.dir, temp ? 'replica' : '../mysql-replica'),
    port: options.replicaPort ?? (await freePort()),
    serverId: 2,
    role: 'replica',
    tls: options.tls,
  };
  // Said on every start: kept directories may have replicated in plain text before.
  const replicationTls = options.tls
    ? `MASTER_SSL=1, MASTER_SSL_CA='${options.tls.ca}', MASTER_SSL_VERIFY_SERVER_CERT=1`
    : 'MASTER_SSL=0';
  const tlsOption = options.tls ? '?tls=true' : '';
  const fresh = !hasDataDir(primary.dir) || !hasDataDir(replica.dir);
  if (fresh) {
    rmSync(join(primary.dir, 'data'), { recursive: true, force: true });
    rmSync(join(replica.dir, 'data'), { recursive: true, force: true });
    installDataDir(primary.dir);
    installDataDir(replica.dir, primary.dir);
  }
  const servers: { primary?: RunningMariadb; replica?: RunningMariadb } = {};
  const stopServers = async () => {
    if (servers.replica) await stopMariadb(servers.replica);
    if (servers.primary) await stopMariadb(servers.primary);
  };
  try {
    [servers.primary, servers.replica] = await Promise.all([
      startMariadb(primary),
      startMariadb(replica),
    ]);
    if (fresh) {
      await Promise.all([run(primary.dir, ACCOUNTS), run(replica.dir, ACCOUNTS)]);
      await run(
        replica.dir,
        `CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=${primary.port},
           MASTER_USER='${REPL_USER}', MASTER_PASSWORD='${REPL_PASSWORD}',
           MASTER_USE_GTID=slave_pos, MASTER_CONNECT_RETRY=1, ${replicationTls};
         START SLAVE;`,
      );
    } else {
      // Kept directories may come with other ports than last time.
      await run(
        replica.dir,
        `STOP SLAVE; CHANGE MASTER TO MASTER_PORT=${primary.port}, ${replicationTls}; START SLAVE;`,
      );
    }
  } catch (error) {
    await stopServers();
    if (temp) rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  const removeTemp = temp ? removeOnProcessExit(temp) : undefined;

  async function waitForReplica(timeoutMs = 15_000) {
    const [{ pos }] = (await run(primary.dir, 'SELECT @@GLOBAL.gtid_binlog_pos AS pos')) as [
      { pos: string },
    ];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // MASTER_GTID_WAIT returns 0 once applied, -1 on its own timeout (1 s here).
      const [{ done }] = (await run(
        replica.dir,
        `SELECT MASTER_GTID_WAIT('${pos}', 1) AS done`,
      )) as [{ done: number }];
      if (Number(done) === 0) return;
      if (Date.now() > deadline) throw new Error(`The replica has not reached ${pos}.`);
    }
  }

  return {
    primaryServerUrl: `mysql://root@127.0.0.1:${primary.port}${tlsOption}`,
    replicaServerUrl: `mysql://${REPLICA_READER.user}:${REPLICA_READER.password}@127.0.0.1:${replica.port}${tlsOption}`,
    replicaAdminUrl: `mysql://root@127.0.0.1:${replica.port}${tlsOption}`,
    async restartReplica(signal = 'SIGTERM') {
      if (servers.replica) await stopMariadb(servers.replica, signal);
      servers.replica = await startMariadb(replica);
    },
    stopReplication: async () => void (await run(replica.dir, 'STOP SLAVE')),
    startReplication: async () => void (await run(replica.dir, 'START SLAVE')),
    async setDelay(seconds) {
      await run(
        replica.dir,
        `STOP SLAVE; CHANGE MASTER TO MASTER_DELAY=${Math.max(0, Math.floor(seconds))}; START SLAVE;`,
      );
    },
    waitForReplica,
    pids: () =>
      [servers.primary, servers.replica].flatMap((s) => (s?.child.pid ? [s.child.pid] : [])),
    async stop() {
      await stopServers();
      removeTemp?.();
    },
  };
}
