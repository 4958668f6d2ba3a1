import type { Pool } from 'mysql2/promise';
import type { Acknowledged, LoadStats } from './load.ts';
import type { Databases } from './quiesce.ts';

export interface CheckResult {
  name: string;
  pass: boolean;
  detail: string;
}

type Row = Record<string, unknown>;
const rows = async (pool: Pool, sql: string, params: unknown[] = []) =>
  (await pool.query(sql, params))[0] as Row[];
const minor = (amount: string) => BigInt(amount.replace('.', ''));
const sample = (list: unknown[]) => JSON.stringify(list.slice(0, 3));

/**
 * Every acknowledged request is in the ledger exactly once, as acknowledged: one transaction for
 * its idempotency key, with the id, pool, investor and amount the client was told.
 */
export async function checkAcknowledged(dbs: Databases, stats: LoadStats): Promise<CheckResult> {
  const byKey = new Map<string, Row[]>();
  const keys = [...stats.contributions.map((c) => c.key), ...stats.distributions.map((d) => d.key)];
  for (let i = 0; i < keys.length; i += 500) {
    const found = await rows(
      dbs.ledger,
      `SELECT k.idempotency_key AS k, t.id, t.pool_id, t.investor_id, t.amount, t.type, t.status
       FROM idempotency_keys k JOIN transactions t ON t.request_id = k.id
       WHERE k.idempotency_key IN (?)`,
      [keys.slice(i, i + 500)],
    );
    for (const row of found) byKey.set(String(row.k), [...(byKey.get(String(row.k)) ?? []), row]);
  }
  const wrong: string[] = [];
  const matches = (c: Acknowledged, r: Row) =>
    r.id === c.transactionId &&
    r.pool_id === c.poolId &&
    r.investor_id === c.investorId &&
    BigInt(String(r.amount)) === minor(c.amount) &&
    r.type === 'CONTRIBUTION' &&
    r.status === 'POSTED';
  for (const c of stats.contributions) {
    const found = byKey.get(c.key) ?? [];
    if (found.length !== 1 || !matches(c, found[0]!)) wrong.push(`${c.key}: ${sample(found)}`);
  }
  for (const d of stats.distributions) {
    const ids = (byKey.get(d.key) ?? []).map((r) => String(r.id)).sort();
    if (ids.join() !== [...d.transactionIds].sort().join()) wrong.push(`${d.key}: ${ids.join()}`);
  }
  const n = stats.contributions.length;
  return {
    name: 'acknowledged money movements exist exactly once',
    pass: wrong.length === 0 && n > 0,
    detail: wrong.length
      ? `${wrong.length} wrong, e.g. ${sample(wrong)}`
      : `${n} contributions, ${stats.distributions.length} distributions, each once`,
  };
}

/** Ids in one list and not the other, both ways. */
function compare(expected: string[], actual: string[]) {
  const have = new Set(actual);
  const want = new Set(expected);
  return {
    missing: expected.filter((id) => !have.has(id)),
    extra: actual.filter((id) => !want.has(id)),
  };
}

/**
 * Alerts applied each ledger event once: its processed_events are exactly the ledger's outbox
 * events, and it raised exactly one LARGE_TRANSACTION alert per posted transaction above the
 * pools' threshold (a double application would raise none twice, the unique key forbids it,
 * but a lost one would be missing).
 */
export async function checkAlerts(dbs: Databases, thresholdMinor: bigint): Promise<CheckResult> {
  const events = await rows(dbs.ledger, "SELECT id FROM outbox WHERE type = 'TransactionPosted'");
  const applied = await rows(dbs.alerts, 'SELECT event_id FROM processed_events');
  const { missing, extra } = compare(
    events.map((r) => String(r.id)),
    applied.map((r) => String(r.event_id)),
  );
  const large = await rows(
    dbs.ledger,
    "SELECT id FROM transactions WHERE status = 'POSTED' AND amount > ?",
    [String(thresholdMinor)],
  );
  const raised = await rows(
    dbs.alerts,
    "SELECT transaction_id FROM alerts WHERE kind = 'LARGE_TRANSACTION'",
  );
  const alerts = compare(
    large.map((r) => String(r.id)),
    raised.map((r) => String(r.transaction_id)),
  );
  const duplicates = raised.length - new Set(raised.map((r) => r.transaction_id)).size;
  const pass =
    !missing.length &&
    !extra.length &&
    !alerts.missing.length &&
    !alerts.extra.length &&
    !duplicates;
  return {
    name: 'alerts applied every ledger event exactly once',
    pass: pass && events.length > 0,
    detail:
      `${applied.length}/${events.length} events applied (missing ${missing.length}, extra ${extra.length}); ` +
      `${raised.length}/${large.length} large-transaction alerts (missing ${alerts.missing.length}, duplicates ${duplicates})`,
  };
}

/**
 * Reports applied each posted transaction once: applied_transactions is the ledger's list of
 * posted transactions, and the read model's totals per pool and its contributions equal the
 * ledger's (a double application would inflate them, a lost one shrink them).
 */
export async function checkReports(dbs: Databases): Promise<CheckResult> {
  const posted = await rows(dbs.ledger, "SELECT id FROM transactions WHERE status = 'POSTED'");
  const applied = await rows(dbs.reports, 'SELECT event_id FROM applied_transactions');
  const { missing, extra } = compare(
    posted.map((r) => String(r.id)),
    applied.map((r) => String(r.event_id)),
  );
  const ledgerTotals = await rows(
    dbs.ledger,
    'SELECT pool_id, total_contributed AS c, total_distributed AS d, total_fees AS f FROM pool_accounts',
  );
  const reportTotals = new Map(
    (
      await rows(
        dbs.reports,
        'SELECT pool_id, contributed AS c, distributed AS d, fees AS f FROM pool_totals',
      )
    ).map((r) => [String(r.pool_id), `${r.c}/${r.d}/${r.f}`]),
  );
  const differing = ledgerTotals.filter(
    (r) => reportTotals.get(String(r.pool_id)) !== `${r.c}/${r.d}/${r.f}`,
  );
  const [ledgerSum] = await rows(
    dbs.ledger,
    "SELECT COUNT(*) AS n, COALESCE(SUM(amount), 0) AS s FROM transactions WHERE status = 'POSTED' AND type = 'CONTRIBUTION'",
  );
  const [reportSum] = await rows(
    dbs.reports,
    'SELECT COUNT(*) AS n, COALESCE(SUM(amount_minor), 0) AS s FROM contributions',
  );
  const sums = `${ledgerSum?.n}/${ledgerSum?.s}` === `${reportSum?.n}/${reportSum?.s}`;
  return {
    name: 'reports applied every posted transaction exactly once',
    pass: !missing.length && !extra.length && !differing.length && sums && posted.length > 0,
    detail:
      `${applied.length}/${posted.length} applied (missing ${missing.length}, extra ${extra.length}); ` +
      `pool totals differ in ${differing.length}/${ledgerTotals.length}; ` +
      `contributions ${reportSum?.n} = ${reportSum?.s} vs ledger ${ledgerSum?.n} = ${ledgerSum?.s}`,
  };
}

/** Every pid the run started has exited (services, restarted ones, HAProxy, Redis). */
export function checkNoLeaks(pids: Array<{ name: string; pid: number }>): CheckResult {
  const alive = pids.filter(({ pid }) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  });
  return {
    name: 'no process leaked',
    pass: alive.length === 0,
    detail: alive.length
      ? `still running: ${alive.map((p) => `${p.name} (${p.pid})`).join(', ')}`
      : `${pids.length} processes started, all gone`,
  };
}
