import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tlsConfigFromEnv } from '@poolgraph/platform';
import { ensureCertificates, type CertificateFiles } from '../src/index.ts';

let dir: string;
let certs: CertificateFiles;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pgtls-env-'));
  certs = ensureCertificates(join(dir, 'certs'), { names: ['users', 'pools'] });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run certs (ensureCertificates)', () => {
  it('issues nothing when run again, every server certificate with --renew, all with --new-ca', () => {
    const names = ['users', 'pools'];
    expect(ensureCertificates(certs.dir, { names }).issued).toEqual([]);
    expect(ensureCertificates(certs.dir, { names, renew: true }).issued).toEqual(names);
    expect(ensureCertificates(certs.dir, { names, newCa: true }).issued).toEqual(['ca', ...names]);
  });

  it('issues certificates a server and a client can both use (a Redis Cluster bus needs both)', () => {
    const usage = spawnSync(
      'openssl',
      ['x509', '-in', certs.cert('users'), '-noout', '-ext', 'extendedKeyUsage'],
      { encoding: 'utf8' },
    ).stdout;
    expect(usage).toContain('TLS Web Server Authentication');
    expect(usage).toContain('TLS Web Client Authentication');
  });
});

describe('TLS_CERT, TLS_KEY and TLS_CA with those files', () => {
  it('mean plain HTTP and the system CAs when unset', () => {
    expect(tlsConfigFromEnv({})).toEqual({});
  });

  it('read the certificate, its key and the CA as PEM', () => {
    const tls = tlsConfigFromEnv({
      TLS_CERT: certs.cert('users'),
      TLS_KEY: certs.key('users'),
      TLS_CA: certs.ca,
    });
    expect(tls.server?.cert).toContain('-----BEGIN CERTIFICATE-----');
    expect(tls.server?.key).toContain('PRIVATE KEY-----');
    expect(tls.ca).toContain('-----BEGIN CERTIFICATE-----');
    expect(tlsConfigFromEnv({ TLS_CA: certs.ca }).server).toBeUndefined();
  });

  it('refuse a certificate without its key, naming both variables', () => {
    expect(() => tlsConfigFromEnv({ TLS_CERT: certs.cert('users') })).toThrow(
      /TLS_CERT and TLS_KEY go together/,
    );
  });

  it('name the variable whose file is missing or not PEM', () => {
    expect(() => tlsConfigFromEnv({ TLS_CA: join(dir, 'nowhere.crt') })).toThrow(
      /TLS_CA .*nowhere\.crt cannot be read \(ENOENT\)/,
    );
    const junk = join(dir, 'junk.pem');
    writeFileSync(junk, 'not a certificate');
    expect(() => tlsConfigFromEnv({ TLS_CA: junk })).toThrow(/TLS_CA .* is not a PEM file/);
  });

  it('refuse a key that does not belong to the certificate', () => {
    expect(() =>
      tlsConfigFromEnv({ TLS_CERT: certs.cert('users'), TLS_KEY: certs.key('pools') }),
    ).toThrow(/unusable/);
  });
});
