import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { isTlsRedisUrl, peerTlsOptions } from '@poolgraph/platform';
import type { ServerTlsFiles } from './mariadbServer.ts';
import { freePort } from './ports.ts';
import { killOnProcessExit, removeOnProcessExit } from './processExit.ts';

export interface PrivateRedis {
  url: string;
  /**
   * SIGKILLs the server and starts it again on the same port: empty, or with every write it had
   * acknowledged when started with `persistent`.
   */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface PrivateRedisOptions {
  /**
   * Keep data across restart(): an append-only file in a temp dir, fsynced on every write, so a
   * SIGKILL loses nothing Redis acknowledged (as a production Redis with AOF would behave).
   */
  persistent?: boolean;
  /**
   * Keep data in this directory, between runs too (`npm start`'s `.poolgraph/dev/redis`): the
   * same AOF as `persistent`, never removed by stop().
   */
  dir?: string;
  /** Default a free port. */
  port?: number;
  /**
   * Serve TLS only, on `port` (no plaintext port at all); the URL is then `rediss://`. Clients
   * need no certificate of their own. The process must trust `ca` (`trustPeerCa`).
   */
  tls?: ServerTlsFiles;
}

/** redis-server's arguments to listen with TLS only on `port`. */
export function redisTlsArgs(port: number, tls: ServerTlsFiles): string[] {
  return [
    '--port',
    '0',
    '--tls-port',
    String(port),
    '--tls-cert-file',
    tls.cert,
    '--tls-key-file',
    tls.key,
    '--tls-ca-cert-file',
    tls.ca,
    '--tls-auth-clients',
    'no',
    '--tls-protocols',
    'TLSv1.2 TLSv1.3',
  ];
}

/** Where a server keeps its data: none (`--save ''`, no AOF) or an AOF fsynced on every write. */
export function redisPersistenceArgs(dir?: string): string[] {
  return dir
    ? ['--dir', dir, '--save', '', '--appendonly', 'yes', '--appendfsync', 'always']
    : ['--save', '', '--appendonly', 'no'];
}

/** Connects once to one server, runs `ask`, disconnects: no retries, errors thrown, not logged. */
export async function askRedisOnce<T>(url: string, ask: (client: Redis) => Promise<T>): Promise<T> {
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    ...(isTlsRedisUrl(url) ? { tls: peerTlsOptions() } : {}),
  });
  client.on('error', () => {});
  try {
    await client.connect();
    return await ask(client);
  } finally {
    client.disconnect();
  }
}

export async function waitForPing(url: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await askRedisOnce(url, (client) => client.ping());
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/**
 * A redis-server of its own on a free port: the test run's shared one (vitest's global setup),
 * a test's that stops or restarts Redis without disturbing the others, and `npm start`'s when
 * none answers (kept in `dir`).
 */
export async function startPrivateRedis(options: PrivateRedisOptions = {}): Promise<PrivateRedis> {
  const port = options.port ?? (await freePort());
  const url = `${options.tls ? 'rediss' : 'redis'}://127.0.0.1:${port}`;
  const temp =
    options.persistent && !options.dir ? mkdtempSync(join(tmpdir(), 'pgredis-')) : undefined;
  const dir = options.dir ?? temp;
  if (options.dir) mkdirSync(options.dir, { recursive: true });
  let server: ChildProcess;
  const start = async () => {
    server = spawn(
      'redis-server',
      [
        ...(options.tls ? redisTlsArgs(port, options.tls) : ['--port', String(port)]),
        '--bind',
        '127.0.0.1',
        ...redisPersistenceArgs(dir),
      ],
      { stdio: 'ignore' },
    );
    killOnProcessExit(server);
    // A missing binary fails the ping below rather than crashing the process.
    server.on('error', () => {});
    await waitForPing(url);
  };
  const stop = async () => {
    if (server.exitCode !== null) return;
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGKILL');
    await exited;
  };
  await start();
  const removeTemp = temp ? removeOnProcessExit(temp) : undefined;
  return {
    url,
    restart: async () => {
      await stop();
      await start();
    },
    stop: async () => {
      await stop();
      removeTemp?.();
    },
  };
}
