import { bootSubgraph, readReplicaConfigFromEnv } from '@poolgraph/platform';
import { loadEnv } from './env.ts';
import { createService } from './server.ts';

const env = loadEnv();
await bootSubgraph('reports', env, (config) =>
  createService({ ...config, ...readReplicaConfigFromEnv(env) }),
);
