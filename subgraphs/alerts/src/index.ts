import { bootSubgraph } from '@poolgraph/platform';
import { loadEnv } from './env.ts';
import { createService } from './server.ts';

await bootSubgraph('alerts', loadEnv(), createService);
