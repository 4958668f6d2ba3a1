import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { buildDashboards, DATASOURCE } from '../grafana/build.ts';
import { DEPLOY, dashboards, metricNames, promtool } from './promql.ts';

describe('the Grafana dashboards', () => {
  const all = dashboards();

  it('are the JSON that deploy/grafana/build.ts builds (run it after editing)', () => {
    const built = JSON.parse(JSON.stringify(buildDashboards())) as Record<string, unknown>;
    expect(Object.keys(all).sort()).toEqual(Object.keys(built).sort());
    for (const [name, json] of Object.entries(built)) expect(all[name], name).toEqual(json);
  });

  it('cover the gateway, each subgraph, events and workers, and the business figures', () => {
    const titles = Object.values(all).map((d) => d.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Poolgraph / Gateway',
        'Poolgraph / Events and workers',
        'Poolgraph / Business',
        ...['users', 'pools', 'ledger', 'alerts', 'reports'].map(
          (s) => `Poolgraph / Subgraph ${s}`,
        ),
      ]),
    );
    const business = all.business!.panels.map((p) => p.title);
    expect(business).toContain('Contributions per minute by currency');
    expect(business).toContain('Alerts raised per minute by kind');
  });

  it('have unique uids, unique panel ids and panels that fit the 24-column grid without overlap', () => {
    const uids = Object.values(all).map((d) => d.uid);
    expect(new Set(uids).size).toBe(uids.length);
    for (const d of Object.values(all)) {
      const ids = d.panels.map((p) => p.id);
      expect(new Set(ids).size, d.uid).toBe(ids.length);
      const cells = new Set<string>();
      for (const { gridPos: g, title } of d.panels) {
        expect(g.x + g.w, `${d.uid} ${title}`).toBeLessThanOrEqual(24);
        for (let x = g.x; x < g.x + g.w; x++) {
          for (let y = g.y; y < g.y + g.h; y++) {
            expect(cells.has(`${x},${y}`), `${d.uid} ${title} overlaps`).toBe(false);
            cells.add(`${x},${y}`);
          }
        }
      }
    }
  });

  it('query only the provisioned Prometheus data source', () => {
    const provisioned = parse(
      readFileSync(resolve(DEPLOY, 'grafana/provisioning/datasources/prometheus.yml'), 'utf8'),
    ) as { datasources: Array<{ uid: string; type: string }> };
    expect(provisioned.datasources).toEqual([expect.objectContaining(DATASOURCE)]);
    for (const d of Object.values(all)) {
      for (const panel of d.panels.filter((p) => p.type !== 'row')) {
        expect(panel.datasource, panel.title).toEqual(DATASOURCE);
        expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
        for (const t of panel.targets ?? []) expect(t.datasource.uid).toBe(DATASOURCE.uid);
      }
    }
  });

  it('have only PromQL that Prometheus parses, and read at least one series per panel', () => {
    const groups = Object.values(all).map((d) => ({
      name: d.uid,
      rules: d.panels.flatMap((p) =>
        (p.targets ?? []).map((t, i) => ({
          record: `${d.uid.replace(/-/g, '_')}:panel_${p.id}_${i}`,
          expr: t.expr,
        })),
      ),
    }));
    for (const rule of groups.flatMap((g) => g.rules)) {
      expect(metricNames(rule.expr).length, rule.expr).toBeGreaterThan(0);
    }
    const file = join(mkdtempSync(join(tmpdir(), 'poolgraph-dash-')), 'panels.yml');
    writeFileSync(file, stringify({ groups }));
    expect(promtool('check', 'rules', file)).toContain('SUCCESS');
  });
});
