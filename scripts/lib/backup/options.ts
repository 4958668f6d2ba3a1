import { SUBGRAPH_NAMES } from '@poolgraph/platform';

/** What backup.ts and restore.ts both read: the server, the databases, Redis and its prefix. */
export const COMMON_OPTIONS = {
  mysql: { type: 'string', default: process.env.MYSQL_SERVER_URL ?? 'mysql://root@127.0.0.1:3306' },
  database: { type: 'string', multiple: true, default: [] as string[] },
  redis: { type: 'string', default: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
  'redis-prefix': { type: 'string', default: process.env.REDIS_PREFIX ?? 'poolgraph:' },
} as const;

/**
 * The database of each service: `poolgraph_<service>` as `npm start` names them, or as given by
 * `--database users=poolgraph_users` (repeatable; services not named keep their default).
 */
export function databasesFrom(flags: string[]): Record<string, string> {
  const databases: Record<string, string> = Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => [name, `poolgraph_${name}`]),
  );
  for (const flag of flags) {
    const match = /^(\w+)=(\w+)$/.exec(flag);
    if (!match || !(match[1]! in databases)) {
      throw new Error(
        `--database ${flag}: expected SERVICE=DATABASE with SERVICE one of ${SUBGRAPH_NAMES.join(', ')}`,
      );
    }
    databases[match[1]!] = match[2]!;
  }
  return databases;
}

/** How an encrypted backup's files are encrypted (scripts/lib/backup/encryption.ts). */
export interface BackupEncryption {
  cipher: 'aes-256-gcm';
  format: 'PGBAKENC v1';
  /** Names BACKUP_KEY (an HMAC under it, revealing nothing): a wrong key is named as such. */
  keyId: string;
}

/**
 * What manifest.json records about a backup. Version 2 added `backupId`, `encryption` (null:
 * the files are not encrypted) and `mac` (an HMAC of the rest under the key, when encrypted);
 * a version 1 backup is an unencrypted one.
 */
export interface BackupManifest {
  format: 'poolgraph-backup';
  version: 1 | 2;
  backupId?: string;
  encryption?: BackupEncryption | null;
  createdAt: string;
  tool: string;
  mysqlVersion: string;
  /** Service → database name it was dumped from; the file is `<service>.sql.gz`. */
  databases: Record<string, string>;
  redisPrefix: string;
  mac?: string;
}

export const MANIFEST_FILE = 'manifest.json';
export const GROUPS_FILE = 'redis-groups.json';
export const ENTRIES_FILE = 'redis-streams.jsonl.gz';
export const dumpFileOf = (service: string) => `${service}.sql.gz`;
