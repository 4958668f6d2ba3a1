import { z } from 'zod';
import { loadEnvOrExit, subgraphEnvShape } from '@poolgraph/platform';

const schema = z.object({ ...subgraphEnvShape('poolgraph_alerts', 4004) });

export type AlertsEnv = z.infer<typeof schema>;
export const loadEnv = (): AlertsEnv => loadEnvOrExit(schema, process.env);
