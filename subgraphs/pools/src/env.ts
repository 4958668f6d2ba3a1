import { z } from 'zod';
import { loadEnvOrExit, readReplicaEnv, subgraphEnvShape } from '@poolgraph/platform';

const schema = z.object({
  ...subgraphEnvShape('poolgraph_pools', 4002),
  ...readReplicaEnv,
  /** SMTP for EMAIL invitations; without it they are only shown in the app. */
  SMTP_URL: z.string().url().optional(),
  SMTP_FROM: z.string().default('Poolgraph <deals@poolgraph.local>'),
  /** The web app's public address, for links in invitation emails. */
  APP_URL: z.string().url().default('http://127.0.0.1:5173'),
});

export type PoolsEnv = z.infer<typeof schema>;
export const loadEnv = (): PoolsEnv => loadEnvOrExit(schema, process.env);
