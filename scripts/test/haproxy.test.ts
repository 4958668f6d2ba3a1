import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAPROXY_BIN } from '../lib/haproxy.ts';
import { fleetHAProxyConfig } from '../lib/stack.ts';

const committed = resolve(import.meta.dirname, '../haproxy.fleet.cfg');

describe('the HAProxy config of npm run fleet', () => {
  it('is committed as generated from the list of services', () => {
    expect(readFileSync(committed, 'utf8')).toBe(fleetHAProxyConfig(2));
  });

  it('passes haproxy -c', () => {
    const dir = mkdtempSync(join(tmpdir(), 'haproxy-check-'));
    try {
      writeFileSync(join(dir, 'haproxy.cfg'), fleetHAProxyConfig(3));
      const check = spawnSync(HAPROXY_BIN, ['-c', '-f', join(dir, 'haproxy.cfg')], {
        encoding: 'utf8',
      });
      expect(`${check.stdout}${check.stderr}`).toContain('Configuration file is valid');
      expect(check.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('checks /readyz, balances round-robin and forwards the client address to the gateway only', () => {
    const config = fleetHAProxyConfig(2);
    const section = (name: string) =>
      config.split(/\n(?=frontend |backend )/).filter((s) => s.includes(` ${name}\n`));
    for (const name of ['users', 'pools', 'ledger', 'alerts', 'reports', 'gateway']) {
      const backend = section(name).find((s) => s.startsWith('backend'))!;
      expect(backend).toContain('balance roundrobin');
      expect(backend).toContain('option httpchk GET /readyz');
      expect(backend.match(/ check$/gm)).toHaveLength(2);
      const frontend = section(name).find((s) => s.startsWith('frontend'))!;
      expect(frontend.includes('option forwardfor')).toBe(name === 'gateway');
    }
    expect(config).toContain('timeout tunnel 1h');
    expect(config).toContain('bind 127.0.0.1:8080');
  });
});
