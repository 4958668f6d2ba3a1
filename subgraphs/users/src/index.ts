import { bootSubgraph } from '@poolgraph/platform';
import { adminsMustEnrol, loadEnv, secretsKeyring, signUpConfirmsEmail } from './env.ts';
import { createService } from './server.ts';

const env = loadEnv();
// POOLS_URL is asked when a manager limits a partner key to some of their pools.
await bootSubgraph('users', env, (config) =>
  createService({
    ...config,
    accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
    signUpsPerAddress: env.SIGN_UPS_PER_ADDRESS,
    trustedProxies: env.TRUSTED_PROXIES,
    smtpUrl: env.SMTP_URL,
    smtpFrom: env.SMTP_FROM,
    signUpConfirmsEmail: signUpConfirmsEmail(env),
    appUrl: env.APP_URL,
    adminsMustEnrol: adminsMustEnrol(env),
    secrets: secretsKeyring(env),
  }),
);
