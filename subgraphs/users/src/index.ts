import { bootSubgraph } from '@poolgraph/platform';
import { loadEnv, secretsKeyring, signUpConfirmsEmail } from './env.ts';
import { createService } from './server.ts';

const env = loadEnv();
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
    secrets: secretsKeyring(env),
  }),
);
