import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import type { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';

/** The command-line connection of a server URL (mysql://user:password@host:port). */
export interface ServerConnection {
  args: string[];
  /** MYSQL_PWD, so the password never shows in the process list. */
  env: NodeJS.ProcessEnv;
}

export function connectionOf(serverUrl: string): ServerConnection {
  const url = new URL(serverUrl);
  if (url.pathname !== '/' && url.pathname !== '') {
    throw new Error(
      `${url.protocol}//${url.host}${url.pathname}: give the server URL without a database`,
    );
  }
  const args = [
    `--host=${url.hostname || '127.0.0.1'}`,
    `--port=${url.port || '3306'}`,
    `--user=${decodeURIComponent(url.username || 'root')}`,
  ];
  const env = { ...process.env };
  if (url.password) env.MYSQL_PWD = decodeURIComponent(url.password);
  else delete env.MYSQL_PWD;
  return { args, env };
}

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  io: { stdin?: NodeJS.ReadableStream; stdout?: NodeJS.WritableStream },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env,
      stdio: [io.stdin ? 'pipe' : 'ignore', io.stdout ? 'pipe' : 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr = `${stderr}${chunk}`.slice(-4000)));
    const streams: Promise<void>[] = [];
    if (io.stdin) streams.push(pipeline(io.stdin, child.stdin!));
    if (io.stdout) streams.push(pipeline(child.stdout!, io.stdout));
    child.once('error', reject);
    child.once('close', (code) => {
      Promise.all(streams).then(
        () =>
          code === 0
            ? resolve()
            : reject(new Error(`${command} exited with ${code}: ${stderr.trim()}`)),
        reject,
      );
    });
  });
}

/**
 * One database, consistent as of one moment (`--single-transaction`: a repeatable-read snapshot,
 * no locks on InnoDB tables), gzipped, then through `stages` (the encryption) to `file`. Without
 * `--databases`, so it restores under any name.
 */
export async function dumpDatabase(
  connection: ServerConnection,
  database: string,
  file: string,
  extraArgs: string[] = [],
  stages: Transform[] = [],
): Promise<void> {
  const args = [
    ...connection.args,
    '--single-transaction',
    '--quick',
    '--routines',
    '--triggers',
    '--events',
    '--hex-blob',
    '--default-character-set=utf8mb4',
    '--no-tablespaces',
    '--skip-dump-date',
    ...extraArgs,
    database,
  ];
  const gzip = createGzip();
  const done = pipeline([gzip, ...stages, createWriteStream(file)]);
  await run('mariadb-dump', args, connection.env, { stdout: gzip });
  await done;
}

/** Feeds a gzipped dump (through `stages`, the decryption) to `mariadb` into `database`. */
export async function loadDump(
  connection: ServerConnection,
  database: string,
  file: string,
  stages: Transform[] = [],
): Promise<void> {
  const gunzip = createGunzip();
  const source = pipeline([createReadStream(file), ...stages, gunzip]);
  await run(
    'mariadb',
    [...connection.args, '--default-character-set=utf8mb4', '--binary-mode', database],
    connection.env,
    { stdin: gunzip },
  );
  await source;
}
