import { bootSubgraph } from '@poolgraph/platform';
import { loadEnv, secretsKeyring } from './env.ts';
import { createService } from './server.ts';

const env = loadEnv();
await bootSubgraph('alerts', env, (config) =>
  createService({
    ...config,
    production: env.NODE_ENV === 'production',
    smtpUrl: env.SMTP_URL,
    smtpFrom: env.SMTP_FROM,
    claimIdleMs: env.CLAIM_IDLE_MS,
    secrets: secretsKeyring(env),
    retry: {
      maxAttempts: env.NOTIFY_MAX_ATTEMPTS,
      baseDelayMs: env.NOTIFY_BASE_DELAY_MS,
      maxDelayMs: 300_000,
    },
  }),
);
