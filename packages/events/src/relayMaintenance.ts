import type { Logger } from '@poolgraph/platform';

export interface RelayMaintenanceOptions {
  /** Deletes old published outbox rows; returns how many. */
  purge: () => Promise<number>;
  purgeIntervalMs: number;
  /** Trims acknowledged stream entries; returns how many. Null: never trimmed by the loop. */
  trim: (() => Promise<number>) | null;
  trimIntervalMs: number;
  log: Logger;
}

export interface RelayMaintenance {
  /** Ends the loop after the step in progress. */
  stop(): Promise<void>;
}

/**
 * Purge and trim on their own timers, beside the publish loop: a busy outbox (full batches
 * back to back) never postpones them, and a long purge never delays a publish. Both run at
 * once on start (catching up after downtime). Every replica runs this; both steps are
 * idempotent, so concurrent runs only repeat work. A failing step is retried at its next
 * interval.
 */
export function startRelayMaintenance(options: RelayMaintenanceOptions): RelayMaintenance {
  const { purge, trim, log } = options;
  let stopping = false;
  let endPause: (() => void) | undefined;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      if (stopping) return resolve();
      const timer = setTimeout(() => resolve(), ms);
      endPause = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function step(name: 'purge' | 'trim', work: () => Promise<number>): Promise<void> {
    try {
      const count = await work();
      if (count > 0) log.debug({ count }, `outbox ${name} removed entries`);
    } catch (error) {
      log.warn({ err: error }, `outbox ${name} failed; retried at the next interval`);
    }
  }

  async function loop(): Promise<void> {
    let nextPurge = Date.now();
    let nextTrim = trim ? Date.now() : Infinity;
    while (!stopping) {
      if (Date.now() >= nextPurge) {
        nextPurge = Date.now() + options.purgeIntervalMs;
        await step('purge', purge);
      }
      if (trim && Date.now() >= nextTrim) {
        nextTrim = Date.now() + options.trimIntervalMs;
        await step('trim', trim);
      }
      await pause(Math.max(0, Math.min(nextPurge, nextTrim) - Date.now()));
      endPause = undefined;
    }
  }

  const done = loop();
  return {
    async stop() {
      stopping = true;
      endPause?.();
      await done;
    },
  };
}
