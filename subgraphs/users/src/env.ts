import { z } from 'zod';
import {
  MAX_ACCESS_TOKEN_TTL_SECONDS,
  checkSealedSecretsEnv,
  keyringFromEnv,
  loadEnvOrExit,
  sealedSecretsEnv,
  subgraphEnvShape,
  trustedProxiesEnv,
} from '@poolgraph/platform';

const schema = z
  .object({
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
    /**
     * "true": `signUp` creates the account and signs in at once, and a registered email answers
     * CONFLICT (development, the demo, tests, benchmarks). "false": sign-up confirms the address
     * by email first and answers alike for every address (needs SMTP_URL). Unset: on outside
     * production, off in it.
     */
    SIGN_UP_WITHOUT_CONFIRMATION: z.enum(['true', 'false']).optional(),
    /** The web app's address, for the links in emails. */
    APP_URL: z.string().url().default('http://localhost:5173'),
    /**
     * "required": ADMIN accounts must have a second factor; until they enrol, their access
     * tokens carry no ADMIN role. "optional": admins are like everyone else (development, the
     * demo, tests). Unset: required in production, optional elsewhere; production refuses optional.
     */
    ADMIN_SECOND_FACTOR: z.enum(['required', 'optional']).optional(),
    // The KEK that seals secrets at rest (data/sealedColumns.ts; docs/OPERATIONS.md): required in production.
    ...sealedSecretsEnv,
  })
  .superRefine(checkSealedSecretsEnv)
  .refine(
    (env) =>
      (env.SIGN_UP_WITHOUT_CONFIRMATION ?? String(env.NODE_ENV !== 'production')) === 'true' ||
      env.SMTP_URL !== undefined,
    {
      message:
        'sign-up confirms by email here (production, or SIGN_UP_WITHOUT_CONFIRMATION=false), which needs SMTP_URL',
      path: ['SMTP_URL'],
    },
  )

  .refine((env) => !(env.NODE_ENV === 'production' && env.ADMIN_SECOND_FACTOR === 'optional'), {
    message: 'administrators must have a second factor in production (ADMIN_SECOND_FACTOR)',
    path: ['ADMIN_SECOND_FACTOR'],
  });

export type UsersEnv = z.infer<typeof schema>;
export const loadEnv = (): UsersEnv => loadEnvOrExit(schema, process.env);

/** Whether a sign-up confirms its email first: as set, else in production only. */
export const signUpConfirmsEmail = (env: UsersEnv): boolean =>
  (env.SIGN_UP_WITHOUT_CONFIRMATION ?? String(env.NODE_ENV !== 'production')) === 'false';

/** Whether ADMIN accounts must have a second factor: as set, else in production only. */
export const adminsMustEnrol = (env: UsersEnv): boolean =>
  (env.ADMIN_SECOND_FACTOR ?? (env.NODE_ENV === 'production' ? 'required' : 'optional')) ===
  'required';

/** The keyring the service seals with, from SECRETS_KEK and SECRETS_KEK_PREVIOUS. */
export const secretsKeyring = (env: UsersEnv) => keyringFromEnv(env);
