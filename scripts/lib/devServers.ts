import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { mysqlConnectionOptions } from '@poolgraph/platform';
import {
  askRedisOnce,
  freePort,
  startPrivateMariadb,
  startPrivateRedis,
  type CertificateFiles,
} from '@poolgraph/testing';
import { SERVER_PROGRAMS, ensureSystemPackages } from './systemPackages.ts';

export const DEFAULT_MYSQL_SERVER_URL = 'mysql://root@127.0.0.1:3306';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** Where `npm start` keeps its own servers' data between runs (`.poolgraph/` is git-ignored). */
export const DEV_SERVERS_DIR = '.poolgraph/dev';

export interface DevServers {
  mysqlServerUrl: string;
  redisUrl: string;
  /** One banner row per server this started: where it is and where its data is kept. */
  describe(): Array<{ label: 'MariaDB' | 'Redis'; text: string }>;
  /** Stops the servers this started (none when both were given or answering). */
  stop(): Promise<void>;
}

export interface DevServerChoice {
  /** MYSQL_SERVER_URL / REDIS_URL as the user set them: used as given, never replaced. */
  mysqlServerUrl?: string;
  redisUrl?: string;
  /** Skip the MySQL decision (the fleet's own primary/replica pair serves instead). */
  mysqlProvided?: boolean;
  /** Skip the Redis decision (`--redis-cluster` starts a local cluster instead). */
  redisProvided?: boolean;
  /**
   * `--tls`: servers of its own that take TLS only (MariaDB's require_secure_transport, Redis
   * on its TLS port), with these certificates, even when plain servers answer at the defaults.
   */
  tls?: CertificateFiles;
}

async function mysqlAnswers(url: string): Promise<boolean> {
  try {
    const connection = await createConnection({
      ...mysqlConnectionOptions(url),
      connectTimeout: 3_000,
    });
    await connection.end();
    return true;
  } catch {
    return false;
  }
}

const redisAnswers = (url: string): Promise<boolean> =>
  askRedisOnce(url, (client) => client.ping()).then(
    () => true,
    () => false,
  );

/** The default port when nothing listens there (other commands find the server by default), else a free one. */
async function portFor(defaultPort: number): Promise<number> {
  const server = createServer();
  const free = await new Promise<boolean>((done) => {
    server.once('error', () => done(false));
    server.listen(defaultPort, '127.0.0.1', () => done(true));
  });
  if (free) await new Promise<void>((done) => server.close(() => done()));
  return free ? defaultPort : freePort();
}

/**
 * Whether our own server from an interrupted run still holds the default port: it is then
 * restarted through the launcher (which stops it first), not taken for the machine's server.
 */
function ownServerStillRuns(dir: string): boolean {
  const pidFile = join(dir, 'mysqld.pid');
  if (!existsSync(pidFile)) return false;
  try {
    process.kill(Number(readFileSync(pidFile, 'utf8').trim()), 0);
    return true;
  } catch {
    return false;
  }
}

class MissingPrograms extends Error {}

/**
 * The MySQL server and Redis `npm start` runs on: the URLs it was given; else the defaults when
 * they answer; else servers of its own (`startPrivateMariadb`, `startPrivateRedis`) with their
 * data kept in `.poolgraph/dev/`, installing the Debian packages first when missing (as root) or
 * naming the command to run. Returns undefined when a program is missing (already explained).
 */
export async function chooseDevServers(
  root: string,
  choice: DevServerChoice,
): Promise<DevServers | undefined> {
  const stops: Array<() => Promise<void>> = [];
  const lines: ReturnType<DevServers['describe']> = [];
  const stop = async () => {
    for (const stopOne of stops.reverse()) await stopOne();
  };
  try {
    let mysqlServerUrl = choice.mysqlServerUrl ?? DEFAULT_MYSQL_SERVER_URL;
    const dir = resolve(root, DEV_SERVERS_DIR, 'mysql');
    const tls = choice.tls;
    const serverTls = (name: string) =>
      tls && { cert: tls.cert(name), key: tls.key(name), ca: tls.ca };
    const needsOwnMysql =
      !choice.mysqlServerUrl &&
      !choice.mysqlProvided &&
      (!!tls || ownServerStillRuns(dir) || !(await mysqlAnswers(mysqlServerUrl)));
    if (needsOwnMysql) {
      if (!ensureSystemPackages(SERVER_PROGRAMS.mariadb, 'Running a MariaDB of its own')) {
        throw new MissingPrograms();
      }
      console.log(
        tls
          ? `Starting a MariaDB of its own that takes TLS only (${dir})…`
          : `Nothing answers at ${mysqlServerUrl}: starting a MariaDB of its own (${dir})…`,
      );
      const mariadb = await startPrivateMariadb({
        dir,
        port: await portFor(3306),
        tls: serverTls('mariadb'),
      });
      stops.push(() => mariadb.stop());
      mysqlServerUrl = mariadb.serverUrl;
      lines.push({
        label: 'MariaDB',
        text: `${mysqlServerUrl} (started for you, data in ${DEV_SERVERS_DIR}/mysql)`,
      });
    }
    let redisUrl = choice.redisUrl ?? DEFAULT_REDIS_URL;
    if (!choice.redisUrl && !choice.redisProvided && (!!tls || !(await redisAnswers(redisUrl)))) {
      if (!ensureSystemPackages(SERVER_PROGRAMS.redis, 'Running a Redis of its own')) {
        throw new MissingPrograms();
      }
      const redisDir = resolve(root, DEV_SERVERS_DIR, 'redis');
      console.log(
        tls
          ? `Starting a Redis of its own that takes TLS only (${redisDir})…`
          : `Nothing answers at ${redisUrl}: starting a Redis of its own (${redisDir})…`,
      );
      const redis = await startPrivateRedis({
        dir: redisDir,
        port: await portFor(6379),
        tls: serverTls('redis'),
      });
      stops.push(() => redis.stop());
      redisUrl = redis.url;
      lines.push({
        label: 'Redis',
        text: `${redisUrl} (started for you, data in ${DEV_SERVERS_DIR}/redis)`,
      });
    }
    return { mysqlServerUrl, redisUrl, describe: () => lines, stop };
  } catch (error) {
    await stop();
    if (error instanceof MissingPrograms) return undefined;
    throw error;
  }
}
