import { z } from 'zod';
import { loadEnvOrExit, readReplicaEnv, subgraphEnvShape } from '@poolgraph/platform';

const schema = z.object({ ...subgraphEnvShape('poolgraph_reports', 4005), ...readReplicaEnv });

export type ReportsEnv = z.infer<typeof schema>;
export const loadEnv = (): ReportsEnv => loadEnvOrExit(schema, process.env);
