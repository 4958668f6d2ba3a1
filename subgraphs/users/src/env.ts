import { z } from 'zod';
import {
  MAX_ACCESS_TOKEN_TTL_SECONDS,
  loadEnvOrExit,
  subgraphEnvShape,
  trustedProxiesEnv,
} from '@poolgraph/platform';

const schema = z.object({
  ...subgraphEnvShape('poolgraph_users', 4001),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(30)
    .max(MAX_ACCESS_TOKEN_TTL_SECONDS)
    .default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  SIGN_UPS_PER_ADDRESS: z.coerce.number().int().min(1).default(100),
  // The gateways' addresses: only they may name the client (x-forwarded-for), which logins and
  // sign-ups are throttled by. Same syntax as the gateway's; default: this host only.
  TRUSTED_PROXIES: trustedProxiesEnv('loopback'),
  SMTP_URL: z.string().url().optional(),
  SMTP_FROM: z.string().default('Poolgraph <accounts@poolgraph.local>'),
});

export type UsersEnv = z.infer<typeof schema>;
export const loadEnv = (): UsersEnv => loadEnvOrExit(schema, process.env);
