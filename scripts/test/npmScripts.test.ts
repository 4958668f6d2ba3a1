import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually, freePort } from '@poolgraph/testing';

const ROOT = resolve(import.meta.dirname, '../..');

const listening = (port: number) =>
  new Promise<boolean>((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('error', () => done(false));
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
  });

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** What the probe below tells the test that started its `npm test`. */
interface ProbeReport {
  workerPid: number;
  processGroup: number;
  mysqlPort: number;
  mysqlDataDir: string;
  redisPort: number;
}

// Set only in the `npm test` the last test starts: this file then runs nothing but the probe.
const PROBE = process.env.NPM_TEST_PROBE;

describe.runIf(PROBE)('a test inside a nested npm test', () => {
  it('says where it runs, then waits to be stopped', async () => {
    const connection = await createConnection(process.env.TEST_MYSQL_URL!);
    const [[{ dir }]] = (await connection.query('SELECT @@datadir AS dir')) as unknown as [
      [{ dir: string }],
    ];
    const report: ProbeReport = {
      workerPid: process.pid,
      processGroup: Number(readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ')[2]),
      mysqlPort: Number(new URL(process.env.TEST_MYSQL_URL!).port),
      mysqlDataDir: dir,
      redisPort: Number(new URL(process.env.TEST_REDIS_URL!).port),
    };
    writeFileSync(PROBE!, JSON.stringify(report));
    // Busy as a test is, until it is stopped.
    for (const until = Date.now() + 50_000; Date.now() < until;)
      await connection.query('DO SLEEP(0.05)');
  }, 60_000);
});

describe.skipIf(PROBE)('npm scripts', () => {
  it('run their (last) command with exec, so a signal sent to npm reaches it', () => {
    const manifests = execFileSync('git', ['ls-files', 'package.json', '*/package.json'], {
      cwd: ROOT,
      encoding: 'utf8',
    })
      .split('\n')
      .filter(Boolean);
    const notExec: string[] = [];
    for (const manifest of manifests) {
      const { scripts = {} } = JSON.parse(readFileSync(resolve(ROOT, manifest), 'utf8')) as {
        scripts?: Record<string, string>;
      };
      for (const [name, command] of Object.entries(scripts)) {
        if (!command.split(' && ').at(-1)!.startsWith('exec ')) notExec.push(`${manifest} ${name}`);
      }
    }
    expect(manifests.length).toBeGreaterThan(5);
    expect(notExec).toEqual([]);
  });

  // The stack npm starts is a few processes deep: npm, a workspace's npm, tsx, node. A process
  // manager or a CI step stops it by signalling the npm it started, not the process group.
  let npm: ChildProcess | undefined;
  afterAll(() => {
    if (npm?.pid && npm.exitCode === null) process.kill(-npm.pid, 'SIGKILL');
  });

  it('stop what they started when npm gets SIGTERM (npm run emulator:stripe)', async () => {
    const port = await freePort();
    npm = spawn('npm', ['run', '--silent', 'emulator:stripe'], {
      cwd: ROOT,
      env: { ...process.env, STRIPE_EMULATOR_PORT: String(port) },
      stdio: 'ignore',
      // Its own process group, so that afterAll can end whatever a failed run left.
      detached: true,
    });
    await eventually(async () => expect(await listening(port)).toBe(true), 20_000);
    const exited = once(npm, 'exit');
    process.kill(npm.pid!, 'SIGTERM');
    await exited;
    await eventually(async () => expect(await listening(port)).toBe(false), 5_000);
  }, 40_000);

  // `npm test` runs vitest, whose workers and private MariaDB and Redis are its children. Vitest
  // alone exits on a signal without stopping either, and mariadbd ignores Ctrl-C's SIGINT.
  let probe: ProbeReport | undefined;
  afterAll(() => {
    if (probe && alive(probe.workerPid)) process.kill(-probe.processGroup, 'SIGKILL');
  });

  it('stop the whole suite and its private servers when npm test gets SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'npm-test-probe-'));
    const reportFile = join(dir, 'probe.json');
    // Not the outer run's servers: the nested run starts its own, which must go with it.
    const { TEST_MYSQL_URL: _m, TEST_REDIS_URL: _r, ...env } = process.env;
    npm = spawn('npm', ['test', '--', 'scripts/test/npmScripts.test.ts'], {
      cwd: ROOT,
      env: { ...env, NPM_TEST_PROBE: reportFile },
      stdio: 'ignore',
      detached: true,
    });
    try {
      await eventually(async () => expect(existsSync(reportFile)).toBe(true), 40_000);
      probe = JSON.parse(readFileSync(reportFile, 'utf8')) as ProbeReport;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(await listening(probe.mysqlPort)).toBe(true);
    const exited = once(npm, 'exit');
    process.kill(npm.pid!, 'SIGTERM');
    await exited;
    await eventually(async () => {
      expect(alive(probe!.workerPid)).toBe(false);
      expect(await listening(probe!.mysqlPort)).toBe(false);
      expect(await listening(probe!.redisPort)).toBe(false);
      expect(existsSync(probe!.mysqlDataDir)).toBe(false);
    }, 10_000);
  }, 70_000);
});
