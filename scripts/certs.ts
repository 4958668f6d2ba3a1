/**
 * npm run certs [-- --renew] [--new-ca]: a local certificate authority and a server certificate
 * for every listener of the demo (gateway, the five subgraphs, MariaDB, Redis, the web app's
 * server), in .poolgraph/certs/ (git-ignored). Idempotent: what is current is kept; what is
 * missing, expiring within 30 days or signed by another CA is issued again. --renew issues every
 * server certificate again (rotation); --new-ca replaces the CA too. docs/OPERATIONS.md, "TLS".
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CERTIFICATE_NAMES, ensureCertificates } from '@poolgraph/testing';

const CERTS_DIR = resolve(import.meta.dirname, '../.poolgraph/certs');

const { values } = parseArgs({
  options: {
    renew: { type: 'boolean', default: false },
    'new-ca': { type: 'boolean', default: false },
  },
});

try {
  const files = ensureCertificates(CERTS_DIR, { renew: values.renew, newCa: values['new-ca'] });
  console.log(
    files.issued.length
      ? `Issued ${files.issued.join(', ')} in ${files.dir}`
      : `Every certificate in ${files.dir} is current (${CERTIFICATE_NAMES.join(', ')}).`,
  );
  console.log(`The CA to trust (TLS_CA): ${files.ca}`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
