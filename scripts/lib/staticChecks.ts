/**
 * The static checks: lint, format, the three typechecks, composition and codegen. `npm test`
 * runs them beside the suite (scripts/test.ts); `npm run checks`, `lint` and `typecheck` run
 * them alone (scripts/checks.ts).
 *
 * Two at a time, longest first: each is one process that keeps about one core busy; on the
 * 2-core machine the seven took 107 s and 143 s one after another, 82 s and 105 s this way
 * (two pairs measured back to back). Every check runs even after one fails, so one run names
 * every problem; each check's output is written whole when it ends, so two never interleave.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const bin = (name: string) => resolve(ROOT, 'node_modules/.bin', name);

interface Check {
  name: string;
  group: 'lint' | 'typecheck' | 'generated';
  command: string[];
}

/** Longest first (seconds on the 2-core machine: 20, 20, 17, 17, 10, 3, 1). */
const CHECKS: Check[] = [
  { name: 'tsc', group: 'typecheck', command: [bin('tsc'), '-p', 'tsconfig.json', '--noEmit'] },
  {
    name: 'tsc:client',
    group: 'typecheck',
    command: [bin('tsc'), '-p', 'client/tsconfig.json', '--noEmit'],
  },
  { name: 'prettier', group: 'lint', command: [bin('prettier'), '--check', '.'] },
  {
    name: 'codegen',
    group: 'generated',
    command: ['npm', 'run', 'codegen', '--workspaces', '--if-present', '--silent', '--', '--check'],
  },
  { name: 'eslint', group: 'lint', command: [bin('eslint'), '.'] },
  {
    name: 'tsc:explorer',
    group: 'typecheck',
    command: [bin('tsc'), '-p', 'gateway/explorer/tsconfig.json', '--noEmit'],
  },
  { name: 'compose', group: 'generated', command: [bin('tsx'), 'scripts/compose.ts', '--check'] },
];

const CONCURRENCY = 2;

export interface ChecksOptions {
  /** Check names or groups; every check when empty. */
  wanted: string[];
  /** Run at the lowest CPU priority, so they take only what the suite leaves idle. */
  idlePriority?: boolean;
  /** Stops the checks still running (their processes get SIGTERM). */
  signal?: AbortSignal;
  /** Where each check's heading and output go when it ends. */
  write: (text: string | Buffer) => void;
}

/** The names and groups in `wanted` that name no check. */
export const unknownChecks = (wanted: string[]) =>
  wanted.filter((w) => !CHECKS.some((c) => c.name === w || c.group === w));

export const checkNames = () => CHECKS.map((c) => c.name);

/** Runs the wanted checks; resolves with the names of those that failed. */
export async function runChecks({
  wanted,
  idlePriority,
  signal,
  write,
}: ChecksOptions): Promise<string[]> {
  const queue = CHECKS.filter(
    (c) => !wanted.length || wanted.includes(c.name) || wanted.includes(c.group),
  );
  const failed: string[] = [];
  const run = (check: Check) => {
    const started = Date.now();
    const command = idlePriority ? ['chrt', '--idle', '0', ...check.command] : check.command;
    const child = spawn(command[0]!, command.slice(1), {
      cwd: ROOT,
      env: { ...process.env, FORCE_COLOR: '1' },
      signal,
    });
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    return new Promise<void>((done) => {
      child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
      child.on('close', (code) => {
        if (signal?.aborted) return done();
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        if (code !== 0) failed.push(check.name);
        write(`\n== ${check.name} ${code === 0 ? 'passed' : 'FAILED'} (${seconds} s)\n`);
        if (code !== 0 || output.length) write(Buffer.concat(output));
        done();
      });
    });
  };
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let check = queue.shift(); check && !signal?.aborted; check = queue.shift()) {
        await run(check);
      }
    }),
  );
  return failed;
}
