import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { resolve } from 'node:path';
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

describe('npm scripts', () => {
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
});
