import { DEFINITIVE, mustSend, send, signUp, type Session } from './client.ts';
import type { Random } from '@poolgraph/testing';

/** A contribution the platform acknowledged: what the client was told. */
export interface Acknowledged {
  key: string;
  poolId: string;
  investorId: string;
  /** Decimal string, as sent. */
  amount: string;
  transactionId: string;
}

export interface LoadStats {
  sent: number;
  acknowledged: number;
  /** Attempts after the first of a request (same idempotency key). */
  retried: number;
  /** Failed attempts by kind (connection, http 503, SUBGRAPH_UNAVAILABLE …). */
  failures: Record<string, number>;
  /** Requests refused for good (a code in DEFINITIVE): none is expected. */
  refused: Array<{ key: string; kind: string; message: string }>;
  contributions: Acknowledged[];
  distributions: Array<{ key: string; poolId: string; transactionIds: string[] }>;
}

export interface Platform {
  manager: Session;
  investors: Session[];
  poolIds: string[];
  /** LARGE_TRANSACTION threshold set on every pool, in minor units. */
  thresholdMinor: bigint;
}

export const THRESHOLD = '400.00';

/** A manager, pools open with a LARGE_TRANSACTION rule, investors who joined every pool. */
export async function setUpPlatform(url: string, pools = 3, investors = 4): Promise<Platform> {
  const manager = await signUp(url, 'MANAGER');
  const poolIds: string[] = [];
  for (let i = 0; i < pools; i++) {
    const { createPool } = await mustSend<{ createPool: { id: string } }>(
      url,
      'mutation($i: CreatePoolInput!) { createPool(input: $i) { id } }',
      { i: { name: `Chaos pool ${i + 1}`, currency: 'USD' } },
      manager.token,
    );
    await mustSend(
      url,
      'mutation($id: ID!) { openPool(id: $id) { id } }',
      { id: createPool.id },
      manager.token,
    );
    await mustSend(
      url,
      'mutation($i: AlertRuleInput!) { setAlertRule(input: $i) { id } }',
      {
        i: {
          poolId: createPool.id,
          kind: 'LARGE_TRANSACTION',
          threshold: THRESHOLD,
          enabled: true,
        },
      },
      manager.token,
    );
    poolIds.push(createPool.id);
  }
  const members = await Promise.all(
    Array.from({ length: investors }, () => signUp(url, 'INVESTOR')),
  );
  for (const investor of members) {
    for (const id of poolIds) {
      await mustSend(
        url,
        'mutation($id: ID!) { joinPool(poolId: $id, commitment: "1000000") { id } }',
        { id },
        investor.token,
      );
    }
  }
  return { manager, investors: members, poolIds, thresholdMinor: 40_000n };
}

export function emptyStats(): LoadStats {
  return {
    sent: 0,
    acknowledged: 0,
    retried: 0,
    failures: {},
    refused: [],
    contributions: [],
    distributions: [],
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends one money-moving request until it is acknowledged, refused for good, or the run ends,
 * always with the same idempotency key: a retry after a lost answer is answered with the
 * original result, never a second posting.
 */
async function untilAcknowledged<T>(
  stats: LoadStats,
  running: () => boolean,
  key: string,
  attempt: () => ReturnType<typeof send<T>>,
): Promise<T | undefined> {
  for (let n = 0; running(); n++) {
    if (n > 0) stats.retried++;
    stats.sent++;
    const outcome = await attempt();
    if (outcome.ok) {
      stats.acknowledged++;
      return outcome.data;
    }
    stats.failures[outcome.kind] = (stats.failures[outcome.kind] ?? 0) + 1;
    if (DEFINITIVE.has(outcome.kind)) {
      stats.refused.push({ key, kind: outcome.kind, message: outcome.message });
      return undefined;
    }
    await sleep(Math.min(100 * 2 ** n, 1_000));
  }
  return undefined;
}

const CONTRIBUTE =
  'mutation($p: ID!, $a: Decimal!, $k: String!) { contribute(poolId: $p, amount: $a, idempotencyKey: $k) { id } }';
const DISTRIBUTE =
  'mutation($p: ID!, $a: Decimal!, $k: String!) { distribute(poolId: $p, amount: $a, idempotencyKey: $k) { id } }';

/**
 * The steady load until `running()` turns false: every investor contributes to a random pool
 * (one request at a time, a short pause between), and the manager distributes now and then.
 */
export function startLoad(
  url: string,
  platform: Platform,
  random: Random,
  runId: string,
  running: () => boolean,
): { stats: LoadStats; done: Promise<void> } {
  const stats = emptyStats();
  const investorLoops = platform.investors.map(async (investor, i) => {
    for (let seq = 0; running(); seq++) {
      const poolId = random.pick(platform.poolIds);
      const amount = `${random.int(1, 500)}.${String(random.int(0, 99)).padStart(2, '0')}`;
      const key = `chaos-${runId}-i${i}-${seq}`;
      const data = await untilAcknowledged<{ contribute: { id: string } }>(
        stats,
        running,
        key,
        () => send(url, CONTRIBUTE, { p: poolId, a: amount, k: key }, investor.token),
      );
      if (data) {
        stats.contributions.push({
          key,
          poolId,
          investorId: investor.id,
          amount,
          transactionId: data.contribute.id,
        });
      }
      await sleep(random.int(50, 250));
    }
  });
  const managerLoop = (async () => {
    await sleep(2_000);
    for (let seq = 0; running(); seq++) {
      const poolId = random.pick(platform.poolIds);
      const key = `chaos-${runId}-d${seq}`;
      const data = await untilAcknowledged<{ distribute: Array<{ id: string }> }>(
        stats,
        running,
        key,
        () => send(url, DISTRIBUTE, { p: poolId, a: '5.00', k: key }, platform.manager.token),
      );
      if (data)
        stats.distributions.push({ key, poolId, transactionIds: data.distribute.map((t) => t.id) });
      await sleep(random.int(1_000, 2_500));
    }
  })();
  return { stats, done: Promise.all([...investorLoops, managerLoop]).then(() => {}) };
}
