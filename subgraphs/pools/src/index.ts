import { bootSubgraph, readReplicaConfigFromEnv } from '@poolgraph/platform';
import { loadEnv } from './env.ts';
import { createService } from './server.ts';

const env = loadEnv();
// USERS_URL is asked for invitations, LEDGER_URL for removals.
await bootSubgraph('pools', env, (config) =>
  createService({
    ...config,
    ...readReplicaConfigFromEnv(env),
    smtpUrl: env.SMTP_URL,
    smtpFrom: env.SMTP_FROM,
    appUrl: env.APP_URL,
  }),
);
