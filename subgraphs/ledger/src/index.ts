import { bootSubgraph } from '@poolgraph/platform';
import { loadEnv, moneyPolicyFromEnv, paymentsFromEnv } from './env.ts';
import { createService } from './server.ts';

const env = loadEnv();
// REDIS_PREFIX is the shared one: alerts, reports and pools read `<prefix>ledger.events`.
await bootSubgraph('ledger', env, (config) =>
  createService({
    ...config,
    payments: paymentsFromEnv(env),
    policy: moneyPolicyFromEnv(env),
  }),
);
