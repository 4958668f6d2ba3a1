/**
 * The Grafana dashboards, as code: `npx tsx deploy/grafana/build.ts` writes
 * deploy/grafana/dashboards/*.json (provisioned by provisioning/dashboards/poolgraph.yml).
 * deploy/test/grafana.test.ts fails when the JSON files differ from what this builds.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The provisioned data source (provisioning/datasources/prometheus.yml). */
export const DATASOURCE = { type: 'prometheus', uid: 'poolgraph-prometheus' };

export interface Target {
  expr: string;
  legendFormat: string;
}

interface PanelSpec {
  title: string;
  description?: string;
  kind?: 'timeseries' | 'stat';
  unit?: string;
  targets: Target[];
  /** Columns out of 24 (default 12). */
  width?: number;
}

interface RowSpec {
  title: string;
  panels: PanelSpec[];
}

const SUBGRAPHS = ['users', 'pools', 'ledger', 'alerts', 'reports'] as const;
const t = (expr: string, legendFormat: string): Target => ({ expr, legendFormat });

function dashboard(uid: string, title: string, description: string, rows: RowSpec[]) {
  const panels: unknown[] = [];
  let id = 1;
  let y = 0;
  for (const row of rows) {
    panels.push({
      id: id++,
      type: 'row',
      title: row.title,
      collapsed: false,
      gridPos: { h: 1, w: 24, x: 0, y },
      panels: [],
    });
    y += 1;
    let x = 0;
    for (const spec of row.panels) {
      const w = spec.width ?? 12;
      const h = spec.kind === 'stat' ? 4 : 8;
      if (x + w > 24) {
        x = 0;
        y += 8;
      }
      panels.push({
        id: id++,
        type: spec.kind ?? 'timeseries',
        title: spec.title,
        description: spec.description ?? '',
        datasource: DATASOURCE,
        gridPos: { h, w, x, y },
        fieldConfig: { defaults: { unit: spec.unit ?? 'short' }, overrides: [] },
        options:
          spec.kind === 'stat'
            ? { reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false } }
            : { legend: { displayMode: 'table', placement: 'bottom', showLegend: true } },
        targets: spec.targets.map((target, i) => ({
          refId: String.fromCharCode(65 + i),
          datasource: DATASOURCE,
          expr: target.expr,
          legendFormat: target.legendFormat,
        })),
      });
      x += w;
    }
    y += 8;
  }
  return {
    uid,
    title,
    description,
    tags: ['poolgraph'],
    timezone: 'utc',
    schemaVersion: 39,
    version: 1,
    editable: false,
    refresh: '30s',
    time: { from: 'now-6h', to: 'now' },
    templating: { list: [] },
    annotations: { list: [] },
    links: [],
    panels,
  };
}

/** Requests, errors and latency of one service (the `service` label every registry sets). */
function graphqlRow(service: string): RowSpec {
  const s = `service="${service}"`;
  return {
    title: 'GraphQL',
    panels: [
      {
        title: 'Operations per second',
        unit: 'ops',
        targets: [
          t(`sum by (operation) (rate(graphql_requests_total{${s}}[5m]))`, '{{operation}}'),
        ],
      },
      {
        title: 'Errors per second by code',
        unit: 'ops',
        targets: [t(`service_code:graphql_errors:rate5m{${s}}`, '{{code}}')],
      },
      {
        title: 'p99 latency by operation',
        unit: 's',
        targets: [
          t(`service_operation:graphql_request_duration_seconds:p99_5m{${s}}`, '{{operation}}'),
        ],
      },
      {
        title: 'p50 latency by operation',
        unit: 's',
        targets: [
          t(`service_operation:graphql_request_duration_seconds:p50_5m{${s}}`, '{{operation}}'),
        ],
      },
    ],
  };
}

function processRow(service: string): RowSpec {
  const s = `service="${service}"`;
  return {
    title: 'Process',
    panels: [
      { title: 'Replicas up', kind: 'stat', width: 6, targets: [t(`sum(up{${s}})`, 'up')] },
      {
        title: 'Event-loop lag p99',
        kind: 'stat',
        width: 6,
        unit: 's',
        targets: [t(`max(nodejs_eventloop_lag_p99_seconds{${s}})`, 'lag')],
      },
      {
        title: 'CPU',
        width: 6,
        unit: 'percentunit',
        targets: [t(`rate(process_cpu_seconds_total{${s}}[5m])`, '{{instance}}')],
      },
      {
        title: 'Resident memory',
        width: 6,
        unit: 'bytes',
        targets: [t(`process_resident_memory_bytes{${s}}`, '{{instance}}')],
      },
    ],
  };
}

function dependencyRow(service: string): RowSpec {
  return {
    title: 'Dependencies',
    panels: [
      {
        title: 'MariaDB and Redis reachable (1 = yes)',
        description: 'The readiness checks, run at each scrape.',
        targets: [
          t(
            `min by (check) (readiness_check_up{service="${service}", check=~"mysql|redis"})`,
            '{{check}}',
          ),
        ],
        width: 24,
      },
    ],
  };
}

function outboxRow(service: string): RowSpec {
  const s = `service="${service}"`;
  return {
    title: 'Outbox and consumers',
    panels: [
      {
        title: 'Unpublished outbox events',
        targets: [t(`max by (stream) (outbox_unpublished_events{${s}})`, '{{stream}}')],
      },
      {
        title: 'Oldest unpublished event age',
        unit: 's',
        targets: [t(`max by (stream) (outbox_oldest_unpublished_seconds{${s}})`, '{{stream}}')],
      },
      {
        title: 'Consumer-group lag (entries not delivered)',
        targets: [t(`max by (group) (stream_group_lag{${s}})`, '{{group}}')],
      },
      {
        title: 'Events published per second',
        unit: 'ops',
        targets: [t(`sum by (type) (rate(outbox_events_published_total{${s}}[5m]))`, '{{type}}')],
      },
    ],
  };
}

const EXTRA_ROWS: Record<(typeof SUBGRAPHS)[number], RowSpec[]> = {
  users: [
    {
      title: 'Logins',
      panels: [
        {
          title: 'Login attempts per minute',
          targets: [t('sum(rate(login_attempts_total[5m])) * 60', 'attempts')],
        },
        {
          title: 'Throttled logins per minute by reason',
          targets: [t('reason:login_throttled:per_minute', '{{reason}}')],
        },
      ],
    },
  ],
  pools: [outboxRow('pools')],
  ledger: [
    outboxRow('ledger'),
    {
      title: 'Postings',
      panels: [
        {
          title: 'Transactions posted per minute by type',
          targets: [
            t('sum by (type) (rate(ledger_transactions_posted_total[5m])) * 60', '{{type}}'),
          ],
          width: 24,
        },
      ],
    },
  ],
  alerts: [
    {
      title: 'Detection and delivery',
      panels: [
        {
          title: 'Alerts raised per minute by kind',
          targets: [t('kind:alerts_raised:per_minute', '{{kind}}')],
        },
        {
          title: 'Delivery attempts per second by outcome',
          unit: 'ops',
          targets: [
            t(
              'sum by (outcome, channel) (rate(alert_notification_attempts_total[5m]))',
              '{{channel}} {{outcome}}',
            ),
          ],
        },
        {
          title: 'Notifications waiting',
          targets: [t('max(alert_notifications_pending)', 'pending')],
        },
        {
          title: 'Dead letters',
          targets: [t('max(alert_notifications_dead)', 'dead')],
        },
      ],
    },
  ],
  reports: [
    {
      title: 'Read models',
      panels: [
        {
          title: 'Read-model lag behind the ledger',
          unit: 's',
          targets: [t('max(reports_read_model_lag_seconds)', 'lag')],
          width: 24,
        },
      ],
    },
  ],
};

export function buildDashboards(): Record<string, unknown> {
  const gateway = dashboard(
    'poolgraph-gateway',
    'Poolgraph / Gateway',
    'The supergraph endpoint.',
    [
      graphqlRow('gateway'),
      {
        title: 'Subgraphs as the gateway sees them',
        panels: [
          {
            title: 'Subgraph healthy (1 = every gateway replica reaches it)',
            targets: [t('subgraph:readiness_check_up:min', '{{check}}')],
          },
          {
            title: 'Subgraph fetch failure ratio',
            unit: 'percentunit',
            targets: [t('subgraph:subgraph_fetch_failure_ratio:rate5m', '{{subgraph}}')],
          },
          {
            title: 'Subgraph fetch p99',
            unit: 's',
            targets: [t('subgraph:subgraph_fetch_duration_seconds:p99_5m', '{{subgraph}}')],
          },
          {
            title: 'Subgraph fetch failures per second by reason',
            unit: 'ops',
            targets: [
              t(
                'sum by (subgraph, reason) (rate(subgraph_fetch_failures_total[5m]))',
                '{{subgraph}} {{reason}}',
              ),
            ],
          },
        ],
      },
      {
        title: 'Subscriptions',
        panels: [
          {
            title: 'Open subscriptions',
            targets: [t('sum(graphql_subscriptions_active{service="gateway"})', 'open')],
          },
          {
            title: 'Events sent per second',
            unit: 'ops',
            targets: [
              t('sum(rate(graphql_subscription_events_total{service="gateway"}[5m]))', 'events'),
            ],
          },
        ],
      },
      processRow('gateway'),
    ],
  );
  const subgraphs = Object.fromEntries(
    SUBGRAPHS.map((name) => [
      `subgraph-${name}`,
      dashboard(`poolgraph-${name}`, `Poolgraph / Subgraph ${name}`, `The ${name} subgraph.`, [
        graphqlRow(name),
        dependencyRow(name),
        ...EXTRA_ROWS[name],
        processRow(name),
      ]),
    ]),
  );
  const events = dashboard(
    'poolgraph-events',
    'Poolgraph / Events and workers',
    'Outbox relays, streams, consumer groups, notification delivery, read models.',
    [
      {
        title: 'Relays',
        panels: [
          {
            title: 'Unpublished outbox events',
            targets: [t('max by (stream) (outbox_unpublished_events)', '{{stream}}')],
          },
          {
            title: 'Oldest unpublished event age',
            unit: 's',
            targets: [t('max by (stream) (outbox_oldest_unpublished_seconds)', '{{stream}}')],
          },
          {
            title: 'Stream length',
            targets: [t('max by (stream) (stream_length)', '{{stream}}')],
          },
          {
            title: 'Events published per second',
            unit: 'ops',
            targets: [t('sum by (stream) (rate(outbox_events_published_total[5m]))', '{{stream}}')],
          },
        ],
      },
      {
        title: 'Consumer groups',
        panels: [
          {
            title: 'Lag (entries not delivered yet)',
            targets: [t('stream_group:stream_group_lag:max', '{{stream}} {{group}}')],
          },
          {
            title: 'Pending (delivered, not acknowledged)',
            targets: [t('max by (stream, group) (stream_group_pending)', '{{stream}} {{group}}')],
          },
          {
            title: 'Consumers per group',
            targets: [t('max by (stream, group) (stream_group_consumers)', '{{stream}} {{group}}')],
          },
          {
            title: 'Reports read-model lag',
            unit: 's',
            targets: [t('max(reports_read_model_lag_seconds)', 'reports')],
          },
        ],
      },
      EXTRA_ROWS.alerts[0]!,
    ],
  );
  const business = dashboard(
    'poolgraph-business',
    'Poolgraph / Business',
    'What the platform does for its users, per minute.',
    [
      {
        title: 'Money and alerts',
        panels: [
          {
            title: 'Contributions per minute by currency',
            targets: [t('currency:ledger_contributions:per_minute', '{{currency}}')],
          },
          {
            title: 'Transactions per minute by type',
            targets: [
              t('sum by (type) (rate(ledger_transactions_posted_total[5m])) * 60', '{{type}}'),
            ],
          },
          {
            title: 'Alerts raised per minute by kind',
            targets: [t('kind:alerts_raised:per_minute', '{{kind}}')],
          },
          {
            title: 'Alerts raised in the last 24 hours',
            kind: 'stat',
            targets: [t('sum(increase(alerts_raised_total[24h]))', 'alerts')],
          },
          {
            title: 'Contributions in the last 24 hours',
            kind: 'stat',
            targets: [
              t('sum(increase(ledger_transactions_posted_total{type="CONTRIBUTION"}[24h]))', 'n'),
            ],
          },
          {
            title: 'Logins per minute',
            targets: [t('sum(rate(login_attempts_total[5m])) * 60', 'logins')],
          },
        ],
      },
    ],
  );
  return { gateway, ...subgraphs, events, business };
}

export const DASHBOARDS_DIR = resolve(import.meta.dirname, 'dashboards');

if (process.argv[1] === import.meta.filename) {
  for (const [name, json] of Object.entries(buildDashboards())) {
    writeFileSync(resolve(DASHBOARDS_DIR, `${name}.json`), `${JSON.stringify(json, null, 2)}\n`);
  }
  console.log(`wrote ${DASHBOARDS_DIR}`);
}
