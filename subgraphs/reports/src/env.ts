import { z } from 'zod';
import { loadEnvOrExit, subgraphEnvShape } from '@poolgraph/platform';

const schema = z.object({ ...subgraphEnvShape('poolgraph_reports', 4005) });

export type ReportsEnv = z.infer<typeof schema>;
export const loadEnv = (): ReportsEnv => loadEnvOrExit(schema, process.env);
