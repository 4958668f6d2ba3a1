import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

export const DEPLOY = resolve(import.meta.dirname, '..');
export const PROMETHEUS_DIR = resolve(DEPLOY, 'prometheus');
export const RULES_DIR = resolve(PROMETHEUS_DIR, 'rules');
export const DASHBOARDS_DIR = resolve(DEPLOY, 'grafana/dashboards');

/** `promtool` with its output (stdout and stderr), throwing with that output when it fails. */
export function promtool(...args: string[]): string {
  const run = spawnSync('promtool', args, { encoding: 'utf8' });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`promtool ${args.join(' ')} failed:\n${output}`);
  return output;
}

interface RuleFile {
  groups: Array<{ name: string; rules: Array<{ record?: string; alert?: string; expr: string }> }>;
}

export const ruleFiles = () =>
  readdirSync(RULES_DIR)
    .filter((f) => f.endsWith('.yml'))
    .map((f) => resolve(RULES_DIR, f));

export function rules() {
  return ruleFiles().flatMap((file) =>
    (parse(readFileSync(file, 'utf8')) as RuleFile).groups.flatMap((g) => g.rules),
  );
}

export interface DashboardJson {
  uid: string;
  title: string;
  panels: Array<{
    id: number;
    type: string;
    title: string;
    gridPos: { h: number; w: number; x: number; y: number };
    datasource?: { type: string; uid: string };
    targets?: Array<{ refId: string; expr: string; datasource: { uid: string } }>;
  }>;
}

export function dashboards(): Record<string, DashboardJson> {
  return Object.fromEntries(
    readdirSync(DASHBOARDS_DIR)
      .filter((f) => f.endsWith('.json'))
      .map((f) => [
        f.replace(/\.json$/, ''),
        JSON.parse(readFileSync(resolve(DASHBOARDS_DIR, f), 'utf8')) as DashboardJson,
      ]),
  );
}

export const dashboardExprs = () =>
  Object.values(dashboards()).flatMap((d) =>
    d.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr)),
  );

const NOT_METRICS = new Set(
  (
    'sum min max avg count stddev stdvar topk bottomk quantile count_values group ' +
    'rate irate increase delta idelta deriv histogram_quantile clamp_min clamp_max abs ' +
    'absent absent_over_time max_over_time min_over_time avg_over_time sum_over_time ' +
    'by without on ignoring group_left group_right and or unless offset bool vector scalar time'
  ).split(' '),
);

/** The series names an expression reads (metrics and recorded series), without functions. */
export function metricNames(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const names = stripped.match(/(?<![\w:.])[a-zA-Z_:][\w:]*\b(?!\s*\()/g) ?? [];
  return [...new Set(names.filter((n) => !NOT_METRICS.has(n)))];
}

/** Every `name{matchers}` selector an expression reads, as written. */
export function selectors(expr: string): string[] {
  return [...expr.matchAll(/(?<![\w:])([a-zA-Z_:][\w:]*)\s*(\{[^}]*\})/g)].map(
    (m) => `${m[1]}${m[2]}`,
  );
}
