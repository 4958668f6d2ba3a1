import type { Logger } from '@poolgraph/platform';

export interface PollLoop {
  /** Run a pass now (work was just committed). */
  notify(): void;
  /** Settles once the loop has seen `stopping()` and left. */
  done: Promise<void>;
}

/**
 * Runs `runPass` until `stopping()`: again at once while it finds work (it answers how many
 * rows it handled), else after `pollMs` or a `notify()`; a failing pass is retried after a
 * doubling wait (up to 30 s).
 */
export function startPollLoop(
  runPass: () => Promise<number>,
  options: { pollMs: number; log: Logger; stopping: () => boolean },
): PollLoop {
  const { pollMs, log, stopping } = options;
  let wake: (() => void) | null = null;
  let kicked = false;
  const done = (async () => {
    let delay = pollMs;
    while (!stopping()) {
      try {
        const handled = await runPass();
        delay = pollMs;
        if (handled > 0) continue;
      } catch (error) {
        if (stopping()) return;
        log.warn({ err: error }, 'notification dispatch failed; retrying');
        delay = Math.min(delay * 2, 30_000);
      }
      if (kicked) {
        kicked = false;
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  })();
  return {
    notify() {
      kicked = true;
      wake?.();
    },
    done,
  };
}
