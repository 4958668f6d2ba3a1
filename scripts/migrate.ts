/**
 * npm run migrate -- SERVICE: creates the service's database if missing and applies its
 * migrations, then exits (MYSQL_URL, as the service itself reads it). Services also migrate on
 * start; this is the Kubernetes migrations Job's command, so a rollout's pods find the schema
 * ready and replicas never race each other to migrate.
 */
import { resolve } from 'node:path';
import {
  SUBGRAPH_NAMES,
  connectMysql,
  ensureDatabase,
  migrateDatabase,
  startTls,
  type SubgraphName,
} from '@poolgraph/platform';

const service = process.argv[2] as SubgraphName | undefined;
if (!service || !SUBGRAPH_NAMES.includes(service)) {
  console.error(`usage: npm run migrate -- ${SUBGRAPH_NAMES.join('|')}   (MYSQL_URL=mysql://…/db)`);
  process.exit(1);
}
const url = process.env.MYSQL_URL ?? `mysql://root@127.0.0.1:3306/poolgraph_${service}`;
const folder = resolve(import.meta.dirname, '../subgraphs', service, 'src/db/migrations');
try {
  // A `?tls=true` URL is verified against TLS_CA, as the service itself would.
  startTls(process.env);
  await ensureDatabase(url);
  const mysql = connectMysql({ url }, {});
  try {
    await migrateDatabase(mysql, folder);
  } finally {
    await mysql.close();
  }
  console.log(`${service}: migrations applied`);
} catch (error) {
  console.error(`${service}: migrations failed: ${(error as Error).message}`);
  process.exit(1);
}
