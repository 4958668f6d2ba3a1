import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureCertificates } from '@poolgraph/testing';
import { HAPROXY_BIN, haproxyConfig } from '../lib/haproxy.ts';
import {
  FLEET_PORTS,
  fleetHAProxyConfig,
  fleetReplicaPort,
  proxiedServices,
} from '../lib/stack.ts';

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

describe('the HAProxy config of npm run fleet -- --tls', () => {
  it('terminates TLS for clients with each service certificate and verifies the replicas', () => {
    const dir = mkdtempSync(join(tmpdir(), 'haproxy-tls-'));
    try {
      const services = proxiedServices(FLEET_PORTS, 2, fleetReplicaPort);
      const certs = ensureCertificates(join(dir, 'certs'), { names: services.map((s) => s.name) });
      const pems = Object.fromEntries(
        services.map((s) => {
          const pem = join(dir, `${s.name}.pem`);
          writeFileSync(
            pem,
            readFileSync(certs.cert(s.name), 'utf8') + readFileSync(certs.key(s.name), 'utf8'),
          );
          return [s.name, pem];
        }),
      );
      const config = haproxyConfig(services, join(dir, 'haproxy.sock'), { pems, ca: certs.ca });
      expect(config).toContain(`bind 127.0.0.1:8080 ssl crt ${pems.gateway}`);
      expect(config).toContain(
        `server gateway-1 127.0.0.1:4100 check ssl verify required ca-file ${certs.ca} verifyhost localhost`,
      );
      // Every frontend is TLS, every backend server verified: no plain hop is left.
      expect(config.match(/^ {2}bind .*$/gm)?.every((line) => line.includes(' ssl crt '))).toBe(
        true,
      );
      expect(
        config.match(/^ {2}server .*$/gm)?.every((line) => line.includes('verify required')),
      ).toBe(true);
      writeFileSync(join(dir, 'haproxy.cfg'), config);
      const check = spawnSync(HAPROXY_BIN, ['-c', '-f', join(dir, 'haproxy.cfg')], {
        encoding: 'utf8',
      });
      expect(`${check.stdout}${check.stderr}`).toContain('Configuration file is valid');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
