import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { PROMETHEUS_DIR, promtool, ruleFiles, rules } from './promql.ts';

describe('the deployment YAML', () => {
  it('passes yamllint (Prometheus, Grafana provisioning, compose, Kubernetes)', () => {
    const deploy = resolve(PROMETHEUS_DIR, '..');
    const run = spawnSync('yamllint', ['-s', '-c', resolve(deploy, '.yamllint.yml'), deploy], {
      encoding: 'utf8',
    });
    expect(run.error).toBeUndefined();
    expect(`${run.stdout}${run.stderr}`).toBe('');
    expect(run.status).toBe(0);
  });
});

describe('the Prometheus configuration', () => {
  it('passes promtool check config for npm start', () => {
    expect(promtool('check', 'config', resolve(PROMETHEUS_DIR, 'prometheus.yml'))).toContain(
      'SUCCESS',
    );
  });

  it('scrapes every process npm start runs, on its default port, with its service label', () => {
    const config = parse(readFileSync(resolve(PROMETHEUS_DIR, 'prometheus.yml'), 'utf8')) as {
      scrape_configs: Array<{
        static_configs: Array<{ targets: string[]; labels: { service: string } }>;
      }>;
    };
    const targets = config.scrape_configs.flatMap((c) =>
      c.static_configs.map((s) => `${s.labels.service}=${s.targets.join(',')}`),
    );
    expect(targets.sort()).toEqual([
      'alerts=127.0.0.1:4004',
      'gateway=127.0.0.1:4000',
      'ledger=127.0.0.1:4003',
      'pools=127.0.0.1:4002',
      'reports=127.0.0.1:4005',
      'users=127.0.0.1:4001',
    ]);
  });

  it('passes promtool check config for Kubernetes once service discovery is set aside', () => {
    // Debian's Prometheus is built without Kubernetes discovery, so promtool rejects the
    // kubernetes_sd_configs block; everything else (relabelling, auth, rules) it checks, and the
    // block itself is checked here against the fields upstream Prometheus accepts.
    const file = resolve(PROMETHEUS_DIR, 'prometheus.kubernetes.yml');
    const config = parse(readFileSync(file, 'utf8')) as {
      rule_files: string[];
      scrape_configs: Array<Record<string, unknown>>;
    };
    for (const job of config.scrape_configs) {
      const sd = job.kubernetes_sd_configs as Array<Record<string, unknown>>;
      expect(sd).toHaveLength(1);
      expect(Object.keys(sd[0]!).sort()).toEqual(['namespaces', 'role']);
      expect(['pod', 'endpoints', 'service', 'node', 'ingress', 'endpointslice']).toContain(
        sd[0]!.role,
      );
      delete job.kubernetes_sd_configs;
      job.static_configs = [{ targets: [] }];
      delete job.authorization;
      // The CA file exists only inside the cluster, as the token does.
      delete job.tls_config;
    }
    const dir = mkdtempSync(join(tmpdir(), 'poolgraph-prom-'));
    cpSync(resolve(PROMETHEUS_DIR, 'rules'), join(dir, 'rules'), { recursive: true });
    writeFileSync(join(dir, 'prometheus.yml'), stringify(config));
    expect(promtool('check', 'config', join(dir, 'prometheus.yml'))).toContain('SUCCESS');
  });

  it('has rules that pass promtool check rules', () => {
    expect(promtool('check', 'rules', ...ruleFiles())).not.toContain('FAILED');
  });

  it('has alerting rules that behave as their unit tests say (promtool test rules)', () => {
    expect(promtool('test', 'rules', resolve(PROMETHEUS_DIR, 'tests/rules.test.yml'))).toContain(
      'SUCCESS',
    );
  });

  it('gives every alert a severity, a summary and a runbook section that exists', () => {
    const operations = readFileSync(resolve(PROMETHEUS_DIR, '../../docs/OPERATIONS.md'), 'utf8');
    const anchors = new Set(
      [...operations.matchAll(/^#+\s+(.+)$/gm)].map((m) =>
        m[1]!
          .toLowerCase()
          .replace(/[^\w\s-]/g, '')
          .trim()
          .replace(/\s+/g, '-'),
      ),
    );
    const alerts = rules().filter((r) => r.alert) as Array<{
      alert: string;
      labels?: { severity?: string };
      annotations?: { summary?: string; runbook_url?: string };
    }>;
    expect(alerts.length).toBeGreaterThan(10);
    for (const alert of alerts) {
      expect(['page', 'ticket'], alert.alert).toContain(alert.labels?.severity);
      expect(alert.annotations?.summary, alert.alert).toBeTruthy();
      const anchor = alert.annotations?.runbook_url?.split('#')[1];
      expect(anchors.has(anchor ?? ''), `${alert.alert} → #${anchor}`).toBe(true);
    }
  });
});
