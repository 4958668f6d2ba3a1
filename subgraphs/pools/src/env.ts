import { z } from 'zod';
import { loadEnvOrExit, readReplicaEnv, subgraphEnvShape } from '@poolgraph/platform';

const schema = z.object({
  ...subgraphEnvShape('poolgraph_pools', 4002),
  ...readReplicaEnv,
});

export type PoolsEnv = z.infer<typeof schema>;
export const loadEnv = (): PoolsEnv => loadEnvOrExit(schema, process.env);
