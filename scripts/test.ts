/**
 * `npm test [-- vitest arguments]`: the preflight, then the suite (`vitest run`) and the static
 * checks (scripts/lib/staticChecks.ts) at once. The checks run at the lowest CPU priority: the
 * suite leaves about a quarter of the 2-core machine idle (its tests wait on timers, servers
 * and pages), and the checks fill that instead of adding ~45 s before it. Their results are
 * held and printed after the suite's, so the two never interleave. Exits non-zero if either
 * failed.
 */
import './test-preflight.ts';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { runChecks } from './lib/staticChecks.ts';

const ROOT = resolve(import.meta.dirname, '..');
const held: Array<string | Buffer> = [];
let write = (text: string | Buffer) => void held.push(text);

// The suite runs in a process group of its own, and a stop signal (Ctrl-C, or SIGTERM sent to
// npm) reaches that whole group as SIGTERM: vitest alone, on a signal, exits without stopping
// its workers, and mariadbd ignores SIGINT, so either way a run went on or left its servers.
// Vitest's exit then ends the run's private servers and removes their data (onProcessExit in
// @poolgraph/testing).
const stopping = new AbortController();
const vitest = spawn(resolve(ROOT, 'node_modules/.bin/vitest'), ['run', ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
  detached: true,
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    stopping.abort();
    try {
      process.kill(-vitest.pid!, 'SIGTERM');
    } catch {
      // The group has ended already (a second Ctrl-C).
    }
  });
}
const checks = runChecks({
  wanted: [],
  idlePriority: true,
  signal: stopping.signal,
  write: (text) => write(text),
});

const suiteCode = await new Promise<number>((done) =>
  vitest.on('close', (code) => done(code ?? 1)),
);
process.stdout.write('\n== static checks (run beside the suite)\n');
for (const text of held) process.stdout.write(text);
write = (text) => void process.stdout.write(text);
const failed = await checks;
if (failed.length) console.error(`\n${failed.length} check(s) failed: ${failed.join(', ')}.`);
process.exit(suiteCode !== 0 ? suiteCode : failed.length ? 1 : 0);
