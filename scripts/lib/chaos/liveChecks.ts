import { connectMysql } from '@poolgraph/platform';
import { checkBooks } from '@poolgraph/ledger/books';
import { schema } from '@poolgraph/ledger/db';
import type { CheckResult } from './checks.ts';
import type { Databases } from './quiesce.ts';
import type { SubscriberLog } from './subscribers.ts';

/**
 * How long after a (re)connect a subscription may take to be live end to end (subscribe
 * message, the gateway's plan, its upstream subscribe to a ledger replica, that replica's Redis
 * stream tail). Events published inside this window may be missed: a new subscription (a
 * client's own reconnect) starts live; only the gateway's upstream re-subscribes resume.
 */
export const SETTLE_MS = 2_000;

/** The books balance (subgraphs/ledger/src/books.ts, the rules every ledger test checks). */
export async function checkBooksBalance(ledgerUrl: string): Promise<CheckResult> {
  const ledger = connectMysql({ url: ledgerUrl, connectionLimit: 2 }, schema);
  try {
    const problems = await checkBooks(ledger.db);
    return {
      name: 'the books balance',
      pass: problems.length === 0,
      detail: problems.length ? problems.join('; ').slice(0, 300) : 'every rule of books.ts holds',
    };
  } finally {
    await ledger.close();
  }
}

interface Published {
  id: string;
  poolId: string;
  at: number;
}

/**
 * Two checks over the live subscribers. "Resumed": each came back after every cut, and is live
 * at the end (it received events the relay published after its last (re)connect, the pool's
 * last one included). "Missed nothing": it received every event of its pool published from
 * SETTLE_MS after a (re)connect until the next cut, across ledger replica deaths and Redis
 * restarts under it (the gateway's upstream resumes from its cursor, the ledger's stream tail
 * reads on from its last id: docs/OPERATIONS.md, "Chaos").
 */
export async function checkSubscribers(
  dbs: Databases,
  logs: SubscriberLog[],
  /** When the load started (ms since epoch): times in the details are relative to it. */
  started: number,
  /** When each fault fired (ms since epoch). */
  faultTimes: number[],
): Promise<CheckResult[]> {
  // A cut ends a connected interval when its fault fired, not when the client noticed (a
  // SIGKILLed gateway's in-flight events are part of the cut).
  const cutAt = (cut: number) =>
    Math.min(cut, ...faultTimes.filter((f) => f <= cut && cut - f < 3_000));
  const since = (at: number) => `+${((at - started) / 1000).toFixed(1)} s`;
  const [rows] = await dbs.ledger.query(
    `SELECT JSON_UNQUOTE(JSON_EXTRACT(payload, '$.transactionId')) AS id, aggregate_id AS pool,
       published_at FROM outbox WHERE type = 'TransactionPosted' AND published_at IS NOT NULL
       ORDER BY seq`,
  );
  const published: Published[] = (
    rows as Array<{ id: string; pool: string; published_at: Date }>
  ).map((r) => ({ id: r.id, poolId: r.pool, at: new Date(r.published_at).getTime() }));
  const resumed: string[] = [];
  const missedAll: string[] = [];
  let resumedOk = true;
  let missedOk = true;
  for (const log of logs) {
    const last = Math.max(...log.connects);
    const unanswered = log.cuts.filter((cut) => !log.connects.some((c) => c > cut));
    const ofPool = published.filter((p) => p.poolId === log.poolId);
    const afterLast = ofPool.filter((p) => p.at >= last + SETTLE_MS);
    const heard = afterLast.filter((p) => log.received.has(p.id)).length;
    const final = ofPool.at(-1);
    const live =
      log.connects.length > 0 &&
      unanswered.length === 0 &&
      heard > 0 &&
      !!final &&
      log.received.has(final.id);
    resumedOk &&= live;
    resumed.push(
      `${log.name} ${log.connects.length} connects/${log.cuts.length} cuts/${log.errors.length} errors, ` +
        `${heard}/${afterLast.length} after its last connect (${since(last)})`,
    );
    // Connected intervals: from each (re)connect (plus the settle time) until the next cut.
    const windows = log.connects.map((from) => ({
      from: from + SETTLE_MS,
      to: Math.min(...log.cuts.filter((cut) => cut > from).map(cutAt), Number.POSITIVE_INFINITY),
    }));
    const missed = ofPool.filter(
      (p) => !log.received.has(p.id) && windows.some((w) => p.at >= w.from && p.at < w.to),
    );
    missedOk &&= missed.length === 0;
    if (missed.length) {
      const at = [...new Set(missed.map((p) => since(p.at)))].slice(0, 4).join(', ');
      missedAll.push(`${log.name} missed ${missed.length} (published at ${at})`);
    }
  }
  return [
    {
      name: 'every live subscriber resumed after each cut and is live at the end',
      pass: resumedOk,
      detail: resumed.join('; '),
    },
    {
      name: 'no live subscriber missed an event while connected',
      pass: missedOk,
      detail: missedAll.length ? missedAll.join('; ') : `${logs.length} subscribers, none missed`,
    },
  ];
}
