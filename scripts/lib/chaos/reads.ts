import { send } from './client.ts';
import type { Platform } from './load.ts';

/** The lag-tolerant reads of the run: what the replica (or the primary, standing in) answered. */
export interface ReadStats {
  sent: number;
  answered: number;
  /** Failed attempts by kind; each is retried for up to `READ_PATIENCE_MS`. */
  failures: Record<string, number>;
  /** Reads with no answer within their patience: a reader would have seen an error. */
  unanswered: number;
  /** Answers missing the pools set up before the load (a stale or empty replica). */
  wrong: number;
}

const READ_PATIENCE_MS = 5_000;
const READ =
  'query($p: ID!) { pools { id } poolPerformance(poolId: $p) { contributed { amount } } }';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The manager's dashboard read, every ~300 ms until `running()` turns false: pools' listing and
 * a pool's performance from reports, the two reads that come from the MariaDB replica while it
 * is in rotation. Restarting the replica must not fail them: the primary stands in.
 */
export function startReads(
  url: string,
  platform: Platform,
  running: () => boolean,
): { stats: ReadStats; done: Promise<void> } {
  const stats: ReadStats = { sent: 0, answered: 0, failures: {}, unanswered: 0, wrong: 0 };
  const done = (async () => {
    for (let i = 0; running(); i++) {
      const poolId = platform.poolIds[i % platform.poolIds.length]!;
      const deadline = Date.now() + READ_PATIENCE_MS;
      for (;;) {
        stats.sent++;
        const outcome = await send<{ pools: Array<{ id: string }> }>(
          url,
          READ,
          { p: poolId },
          platform.manager.token,
        );
        if (outcome.ok) {
          stats.answered++;
          const ids = new Set(outcome.data.pools.map((p) => p.id));
          if (!platform.poolIds.every((id) => ids.has(id))) stats.wrong++;
          break;
        }
        stats.failures[outcome.kind] = (stats.failures[outcome.kind] ?? 0) + 1;
        if (Date.now() > deadline) {
          stats.unanswered++;
          break;
        }
        await sleep(200);
      }
      await sleep(300);
    }
  })();
  return { stats, done };
}
