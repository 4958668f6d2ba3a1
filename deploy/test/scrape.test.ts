import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, graphql, startPrivateMariadbPair, type MariadbPair } from '@poolgraph/testing';
import { startStack, type Stack } from '@poolgraph/test-stack';
import { dashboardExprs, metricNames, rules, selectors } from './promql.ts';
import { startPrometheus, type PrometheusServer } from './prometheusServer.ts';
import { runWorkload, type Workload } from './workload.ts';

/** What the dashboards and the rules read: series names, and selectors with their labels. */
const exprs = [...rules().map((r) => r.expr), ...dashboardExprs()];
const NAMES = [...new Set(exprs.flatMap(metricNames))].sort();
const SELECTORS = [...new Set(exprs.flatMap(selectors))].sort();
/** Only a failing subgraph produces these; the test stops one at the end. */
const AFTER_FAILURE = [
  'subgraph_fetch_failures_total',
  'subgraph:subgraph_fetch_failure_ratio:rate5m',
];

describe('Prometheus scraping a running stack', () => {
  let mysql: MariadbPair;
  let stack: Stack;
  let prometheus: PrometheusServer;
  let workload: Workload;

  beforeAll(async () => {
    // On a primary + replica, so the replica series the rules read exist too.
    mysql = await startPrivateMariadbPair();
    stack = await startStack({ mysqlReplication: mysql });
    const address = (service: string) => {
      const url = service === 'gateway' ? stack.gatewayUrl : stack.urls[service as 'users'];
      return new URL(url!).host;
    };
    prometheus = await startPrometheus(address);
    workload = await runWorkload(stack);
    // An error by code, and a failed login: series the error and login panels read.
    await graphql(stack.gatewayUrl, '{ nope }');
    await graphql(
      stack.gatewayUrl,
      'mutation { logIn(email: "x@y.dev", password: "wrong-pw-1") { accessToken } }',
    );
  }, 120_000);

  afterAll(async () => {
    await prometheus?.stop();
    await stack?.stop();
    await mysql?.stop();
  });

  const present = async (expr: string) => (await prometheus.query(`count(${expr})`)).length > 0;

  async function waitForAll(list: string[], timeoutMs: number): Promise<void> {
    const missing = new Set(list);
    await eventually(async () => {
      for (const expr of [...missing]) if (await present(expr)) missing.delete(expr);
      if (missing.size) throw new Error(`never scraped or recorded: ${[...missing].join(', ')}`);
    }, timeoutMs);
  }

  it('scrapes every process, all healthy', async () => {
    await eventually(async () => {
      const up = await prometheus.query('up');
      expect(up.map((s) => `${s.metric.service}=${s.value[1]}`).sort()).toEqual(
        ['alerts', 'gateway', 'ledger', 'pools', 'reports', 'users'].map((s) => `${s}=1`),
      );
    }, 15_000);
  });

  it('finds every series and selector that a dashboard or a rule reads', async () => {
    expect(NAMES.length).toBeGreaterThan(30);
    const now = [...NAMES, ...SELECTORS].filter((e) => !AFTER_FAILURE.includes(e));
    await waitForAll(now, 30_000);
  }, 60_000);

  it('sees the workload in the business and events series', async () => {
    const contributions = await prometheus.query(
      'sum(ledger_transactions_posted_total{type="CONTRIBUTION", currency="USD"})',
    );
    expect(Number(contributions[0]?.value[1])).toBe(workload.investors.length + 1);
    const raised = await prometheus.query('sum(alerts_raised_total{kind="LARGE_TRANSACTION"})');
    expect(Number(raised[0]?.value[1])).toBe(1);
    const mysql = await prometheus.query('readiness_check_up{check="mysql"}');
    expect(mysql.map((s) => s.metric.service).sort()).toEqual([
      'alerts',
      'ledger',
      'pools',
      'reports',
      'users',
    ]);
    expect(mysql.every((s) => s.value[1] === '1')).toBe(true);
    const groups = await prometheus.query('stream_group_lag{stream=~".*ledger.events"}');
    expect(groups.length).toBeGreaterThanOrEqual(2);
  });

  it('sees a stopped subgraph as failing fetches and unavailable, as the alerts read it', async () => {
    await stack.services.reports!.stop();
    const response = await graphql(
      stack.gatewayUrl,
      '{ topInvestors { uniquePools } }',
      {},
      {
        token: workload.manager.token,
      },
    );
    expect(response.errors?.length).toBeGreaterThan(0);
    await waitForAll(
      [...AFTER_FAILURE, 'subgraph:readiness_check_up:min{check="reports"} == 0'],
      30_000,
    );
  }, 60_000);
});
