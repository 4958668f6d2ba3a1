import { resolve } from 'node:path';
import {
  startPrivateMariadbPair,
  type CertificateFiles,
  type MariadbPair,
} from '@poolgraph/testing';

/** Where `--mysql-replica` keeps its pair: beside HAProxy's files, kept between runs. */
export const FLEET_MYSQL = {
  primaryDir: '.poolgraph/fleet/mysql-primary',
  replicaDir: '.poolgraph/fleet/mysql-replica',
  primaryPort: 3307,
  replicaPort: 3308,
};

/**
 * The fleet's own MariaDB primary (binary log, GTID) and read replica. The system server on
 * 3306 has no binary log and is shared, so it is neither reconfigured nor replicated: the
 * fleet runs on this pair instead (docs/SCALING.md, "MariaDB read replica"). The first run
 * creates both data directories (about 1 s); later runs start them as they were, and the
 * replica resumes from its GTID position. `scripts/chaos.ts` restarts the replica through it.
 */
export function startFleetMysql(root: string, tls?: CertificateFiles): Promise<MariadbPair> {
  return startPrivateMariadbPair({
    primaryDir: resolve(root, FLEET_MYSQL.primaryDir),
    replicaDir: resolve(root, FLEET_MYSQL.replicaDir),
    primaryPort: FLEET_MYSQL.primaryPort,
    replicaPort: FLEET_MYSQL.replicaPort,
    // --tls: both take TLS only, with the `mariadb` certificate; replication runs over TLS.
    tls: tls && { cert: tls.cert('mariadb'), key: tls.key('mariadb'), ca: tls.ca },
  });
}
