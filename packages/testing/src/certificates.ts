import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A local certificate authority and server certificates for development and tests, made with
 * the `openssl` program (on every machine that runs MariaDB; no library to trust). ECDSA P-256
 * keys, SHA-256 signatures. Every server certificate names localhost, 127.0.0.1, ::1 and the
 * service's own name (its Kubernetes Service), so one set serves `npm start`, the fleet and
 * the tests. `npm run certs` writes them to `.poolgraph/certs/` (docs/OPERATIONS.md, "TLS").
 */

/** The certificates `npm run certs` issues: every listener of the demo. */
export const CERTIFICATE_NAMES = [
  'gateway',
  'users',
  'pools',
  'ledger',
  'alerts',
  'reports',
  'mariadb',
  'redis',
  'client',
] as const;

/** The CA lives for ten years, a server certificate for 825 days (what browsers accept). */
const CA_DAYS = 3650;
const SERVER_DAYS = 825;
/** A certificate expiring within this is issued again by the next run. */
const RENEW_WITHIN_SECONDS = 30 * 86_400;

export interface CertificateFiles {
  dir: string;
  /** The CA's certificate: what TLS_CA names. */
  ca: string;
  /** `<dir>/<name>.crt` and `.key` (the key readable by its owner only). */
  cert(name: string): string;
  key(name: string): string;
  /** What the last call issued (empty when everything was current). */
  issued: string[];
}

function openssl(args: string[], input?: string): string {
  const result = spawnSync('openssl', args, { encoding: 'utf8', input });
  if (result.error) throw new Error(`openssl cannot be run: ${result.error.message}`);
  if (result.status !== 0) {
    throw new Error(`openssl ${args[0]} failed: ${result.stderr.trim() || result.stdout.trim()}`);
  }
  return result.stdout;
}

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

/**
 * Whether a certificate is there, signed by this CA, good for a while yet and usable as a
 * client too (certificates issued before clientAuth was added are issued again).
 */
function isCurrent(cert: string, key: string, ca: string): boolean {
  if (!existsSync(cert) || !existsSync(key)) return false;
  const verify = spawnSync('openssl', ['verify', '-CAfile', ca, cert], { encoding: 'utf8' });
  if (verify.status !== 0) return false;
  const usage = spawnSync('openssl', ['x509', '-in', cert, '-noout', '-ext', 'extendedKeyUsage'], {
    encoding: 'utf8',
  });
  if (!usage.stdout.includes('TLS Web Client Authentication')) return false;
  const fresh = spawnSync(
    'openssl',
    ['x509', '-in', cert, '-noout', '-checkend', String(RENEW_WITHIN_SECONDS)],
    { encoding: 'utf8' },
  );
  return fresh.status === 0;
}

export interface EnsureCertificatesOptions {
  /** Default CERTIFICATE_NAMES. */
  names?: readonly string[];
  /** Issue every server certificate again (same CA): rotation. */
  renew?: boolean;
  /** Make a new CA too (and so every certificate): what a leaked CA key calls for. */
  newCa?: boolean;
}

/**
 * Makes what is missing, expired or expiring within 30 days, or not signed by the current CA;
 * leaves the rest as it is, so running it again changes nothing (idempotent).
 */
export function ensureCertificates(
  dir: string,
  options: EnsureCertificatesOptions = {},
): CertificateFiles {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const ca = join(dir, 'ca.crt');
  const caKey = join(dir, 'ca.key');
  const cert = (name: string) => join(dir, `${name}.crt`);
  const key = (name: string) => join(dir, `${name}.key`);
  const issued: string[] = [];
  const caCurrent =
    !options.newCa &&
    existsSync(caKey) &&
    existsSync(ca) &&
    spawnSync('openssl', ['x509', '-in', ca, '-noout', '-checkend', String(RENEW_WITHIN_SECONDS)])
      .status === 0;
  if (!caCurrent) {
    openssl([
      'req',
      '-x509',
      ...EC_KEY,
      '-keyout',
      caKey,
      '-out',
      ca,
      '-days',
      String(CA_DAYS),
      '-subj',
      '/O=Poolgraph/CN=Poolgraph local CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE,pathlen:0',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ]);
    chmodSync(caKey, 0o600);
    issued.push('ca');
  }
  for (const name of options.names ?? CERTIFICATE_NAMES) {
    if (!options.renew && caCurrent && isCurrent(cert(name), key(name), ca)) continue;
    const request = join(dir, `${name}.csr`);
    const extensions = join(dir, `${name}.ext`);
    try {
      openssl([
        'req',
        '-new',
        ...EC_KEY,
        '-keyout',
        key(name),
        '-out',
        request,
        '-subj',
        `/O=Poolgraph/CN=${name}`,
      ]);
      chmodSync(key(name), 0o600);
      writeFileSync(
        extensions,
        [
          // metrics.poolgraph.svc: the name Prometheus verifies pods under (it scrapes them by IP).
          `subjectAltName=DNS:localhost,DNS:${name},DNS:metrics.poolgraph.svc,IP:127.0.0.1,IP:::1`,
          'basicConstraints=critical,CA:FALSE',
          'keyUsage=critical,digitalSignature',
          // clientAuth too: Redis Cluster nodes present their own certificate to each other on
          // the cluster bus, which always verifies the connecting node (mutual TLS).
          'extendedKeyUsage=serverAuth,clientAuth',
        ].join('\n'),
      );
      openssl([
        'x509',
        '-req',
        '-in',
        request,
        '-CA',
        ca,
        '-CAkey',
        caKey,
        '-set_serial',
        `0x${Date.now().toString(16)}${Math.floor(Math.random() * 1e9).toString(16)}`,
        '-days',
        String(SERVER_DAYS),
        '-sha256',
        '-extfile',
        extensions,
        '-out',
        cert(name),
      ]);
      issued.push(name);
    } finally {
      rmSync(request, { force: true });
      rmSync(extensions, { force: true });
    }
  }
  return { dir, ca, cert, key, issued };
}
