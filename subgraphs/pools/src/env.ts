import { z } from 'zod';
import { loadEnvOrExit, readReplicaEnv, subgraphEnvShape } from '@poolgraph/platform';

const schema = z.object({
  ...subgraphEnvShape('poolgraph_pools', 4002),
  ...readReplicaEnv,
  /** Off only where no ledger runs (capital calls then stay unpaid). */
  SETTLE_FROM_LEDGER_EVENTS: z.enum(['true', 'false']).default('true'),
  /** This replica's name in the ledger.events consumer group; default the host name. */
  CONSUMER_NAME: z.string().min(1).optional(),
  /** SMTP for EMAIL invitations; without it they are only shown in the app. */
  SMTP_URL: z.string().url().optional(),
  SMTP_FROM: z.string().default('Poolgraph <deals@poolgraph.local>'),
  /** The web app's public address, for links in invitation emails. */
  APP_URL: z.string().url().default('http://127.0.0.1:5173'),
});

export type PoolsEnv = z.infer<typeof schema>;
export const loadEnv = (): PoolsEnv => loadEnvOrExit(schema, process.env);
