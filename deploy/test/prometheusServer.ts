import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '@poolgraph/testing';
import { parse, stringify } from 'yaml';
import { PROMETHEUS_DIR, RULES_DIR } from './promql.ts';

interface StaticConfig {
  targets: string[];
  labels: { service: string };
}

export interface PrometheusServer {
  url: string;
  /** An instant query's result vector. */
  query(expr: string): Promise<Array<{ metric: Record<string, string>; value: [number, string] }>>;
  stop(): Promise<void>;
}

/**
 * Debian's Prometheus, scraping every second with the rules of deploy/prometheus: the static
 * configuration of `npm start` (deploy/prometheus/prometheus.yml) with each service's target
 * moved to the port the test gave it.
 */
export async function startPrometheus(
  addressOf: (service: string) => string,
): Promise<PrometheusServer> {
  const config = parse(readFileSync(resolve(PROMETHEUS_DIR, 'prometheus.yml'), 'utf8')) as {
    global: Record<string, unknown>;
    rule_files: string[];
    scrape_configs: Array<{ static_configs: StaticConfig[] }>;
  };
  config.global = {
    ...config.global,
    scrape_interval: '1s',
    scrape_timeout: '1s',
    evaluation_interval: '1s',
  };
  config.rule_files = [join(RULES_DIR, '*.yml')];
  for (const job of config.scrape_configs) {
    for (const sc of job.static_configs) sc.targets = [addressOf(sc.labels.service)];
  }
  const dir = mkdtempSync(join(tmpdir(), 'poolgraph-prometheus-'));
  writeFileSync(join(dir, 'prometheus.yml'), stringify(config));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    'prometheus',
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = `${stderr}${chunk}`.slice(-4000)));
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`prometheus exited: ${stderr}`);
    const ready = await fetch(`${url}/-/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`prometheus did not become ready: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    async query(expr) {
      const response = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(expr)}`);
      const body = (await response.json()) as {
        status: string;
        error?: string;
        data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> };
      };
      if (body.status !== 'success') throw new Error(`${expr}: ${body.error}`);
      return body.data.result;
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
