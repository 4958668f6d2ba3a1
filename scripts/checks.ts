/**
 * The static checks `npm test` runs before the suite: lint, format, the three typechecks,
 * composition and codegen. `npm run lint` and `npm run typecheck` run their part of them.
 *
 * Two at a time, longest first: each is one process that keeps about one core busy; on the
 * 2-core machine the seven took 107 s and 143 s one after another, 82 s and 105 s this way
 * (two pairs measured back to back). Every check runs even after one fails, so one run names
 * every problem; each check's output is printed whole when it ends, so two never interleave.
 * Exits 1 if any failed.
 *
 *   tsx scripts/checks.ts [group|check …]    (groups: lint, typecheck; default every check)
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const bin = (name: string) => resolve(ROOT, 'node_modules/.bin', name);

interface Check {
  name: string;
  group: 'lint' | 'typecheck' | 'generated';
  command: string[];
}

/** Longest first (seconds on the 2-core machine: 28, 25, 23, 22, 17, 4, 2). */
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

function run(check: Check): Promise<boolean> {
  const started = Date.now();
  const [command, ...args] = check.command;
  const child = spawn(command!, args, { cwd: ROOT, env: { ...process.env, FORCE_COLOR: '1' } });
  const output: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
  return new Promise((done) => {
    child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const passed = code === 0;
      process.stdout.write(`\n== ${check.name} ${passed ? 'passed' : 'FAILED'} (${seconds} s)\n`);
      if (!passed || output.length) process.stdout.write(Buffer.concat(output));
      done(passed);
    });
  });
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !CHECKS.some((c) => c.name === w || c.group === w));
if (unknown.length) {
  console.error(
    `Unknown check ${unknown.join(', ')}; the checks: ${CHECKS.map((c) => c.name).join(', ')}.`,
  );
  process.exit(2);
}
const queue = CHECKS.filter(
  (c) => !wanted.length || wanted.includes(c.name) || wanted.includes(c.group),
);
const failed: string[] = [];
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    for (let check = queue.shift(); check; check = queue.shift()) {
      if (!(await run(check))) failed.push(check.name);
    }
  }),
);
if (failed.length) {
  console.error(`\n${failed.length} check(s) failed: ${failed.join(', ')}.`);
  process.exit(1);
}
