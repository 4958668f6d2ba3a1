import { connectMysql } from '@poolgraph/platform';
import { checkBooks } from '@poolgraph/ledger/books';
import { schema } from '@poolgraph/ledger/db';
import type { CheckResult } from './checks.ts';
import type { Databases } from './quiesce.ts';
import type { SubscriberLog } from './subscribers.ts';

/**
 * How long after a (re)connect a subscription may take to be live end to end (subscribe
 * message, the gateway's plan, its upstream subscribe to a ledger replica, that replica's Redis
 * SUBSCRIBE). Events published inside this window may be missed: pub/sub keeps nothing.
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
 * Each live subscriber came back after every cut, and received every event of its pool the
 * relay published from SETTLE_MS after its last (re)connect on. Events it missed while
 * connected before that (a ledger replica or Redis going away under a connected client) are
 * counted too, and fail the check: the client was never told it should refetch.
 */
export async function checkSubscribers(
  dbs: Databases,
  logs: SubscriberLog[],
  /** When the load started and when the last fault had recovered (ms since epoch). */
  times: { started: number; faultsEnded: number },
): Promise<CheckResult[]> {
  const since = (at: number) => `+${((at - times.started) / 1000).toFixed(1)} s`;
  const [rows] = await dbs.ledger.query(
    `SELECT JSON_UNQUOTE(JSON_EXTRACT(payload, '$.transactionId')) AS id, aggregate_id AS pool,
       published_at FROM outbox WHERE type = 'TransactionPosted' AND published_at IS NOT NULL`,
  );
  const published: Published[] = (
    rows as Array<{ id: string; pool: string; published_at: Date }>
  ).map((r) => ({ id: r.id, poolId: r.pool, at: new Date(r.published_at).getTime() }));
  return logs.map((log) => {
    const last = Math.max(...log.connects);
    const unanswered = log.cuts.filter((cut) => !log.connects.some((c) => c > cut));
    // Connected intervals: each (re)connect until the next cut; the last one until now.
    const live = log.connects.map((from) => ({
      from: from + SETTLE_MS,
      to: Math.min(...log.cuts.filter((cut) => cut > from), Number.POSITIVE_INFINITY),
    }));
    const ofPool = published.filter((p) => p.poolId === log.poolId);
    const afterLast = ofPool.filter((p) => p.at >= last + SETTLE_MS);
    const missedAfterLast = afterLast.filter((p) => !log.received.has(p.id));
    const missedWhileConnected = ofPool.filter(
      (p) =>
        p.at < last + SETTLE_MS &&
        !log.received.has(p.id) &&
        live.some((w) => p.at >= w.from && p.at < w.to),
    );
    const pass =
      log.connects.length > 0 &&
      unanswered.length === 0 &&
      afterLast.length > 0 &&
      missedAfterLast.length === 0 &&
      missedWhileConnected.length === 0;
    const missed = [...missedWhileConnected, ...missedAfterLast];
    return {
      name: `subscriber ${log.name} resumed and received every event`,
      pass,
      detail:
        `${log.connects.length} connects, ${log.cuts.length} cuts (${unanswered.length} without a reconnect), ` +
        `${log.errors.length} errors; last connect at ${since(last)} (faults over at ${since(times.faultsEnded)}); ` +
        `received ${afterLast.length - missedAfterLast.length}/${afterLast.length} after it, ` +
        `missed ${missedWhileConnected.length} while connected earlier` +
        (missed.length
          ? `; missed ones published at ${[...new Set(missed.map((p) => since(p.at)))].slice(0, 5).join(', ')}`
          : ''),
    };
  });
}
