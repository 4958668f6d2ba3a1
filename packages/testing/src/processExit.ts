import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';

/**
 * Work to do when this process exits before it has cleaned up after itself: a hook that timed
 * out, vitest ending on a signal, a script that failed. A server a process started must not
 * outlive it (holding a port, loading the machine, its temp dir left behind).
 *
 * Exit listeners must be synchronous, so a server is signalled, not waited for. A process
 * killed by a signal it does not handle runs no exit listener: the servers in its process
 * group get that signal too.
 */
const cleanups = new Set<() => void>();

const runCleanups = () => {
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch {
      // The next one still runs: the process is ending either way.
    }
  }
};

/** Runs `cleanup` if this process exits first; the returned function cancels it. */
export function onProcessExit(cleanup: () => void): () => void {
  if (cleanups.size === 0) process.once('exit', runCleanups);
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
    if (cleanups.size === 0) process.off('exit', runCleanups);
  };
}

/** Kills `child` (SIGKILL) if this process exits while it still runs. */
export function killOnProcessExit(child: ChildProcess): void {
  child.once(
    'exit',
    onProcessExit(() => child.kill('SIGKILL')),
  );
}

/** Removes `dir` when this process exits; the returned function removes it now instead. */
export function removeOnProcessExit(dir: string): () => void {
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const forget = onProcessExit(remove);
  return () => {
    forget();
    remove();
  };
}
