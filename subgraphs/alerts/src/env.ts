import { z } from 'zod';
import {
  checkSealedSecretsEnv,
  keyringFromEnv,
  loadEnvOrExit,
  sealedSecretsEnv,
  subgraphEnvShape,
} from '@poolgraph/platform';

const schema = z
  .object({
    ...subgraphEnvShape('poolgraph_alerts', 4004),
    /** Email notifications: smtp://user:pass@host:port (unset: email channels fail with a logged reason). */
    SMTP_URL: z.string().url().optional(),
    SMTP_FROM: z.string().default('Poolgraph Alerts <alerts@poolgraph.local>'),
    /** After this many failed attempts a webhook/email notification is dead-lettered. */
    NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
    NOTIFY_BASE_DELAY_MS: z.coerce.number().int().min(1).default(1_000),
    /** Stream entries pending this long (a dead worker's) are claimed by another worker. */
    CLAIM_IDLE_MS: z.coerce.number().int().min(100).default(30_000),
    // The KEK that seals webhook secrets (docs/OPERATIONS.md): required in production.
    ...sealedSecretsEnv,
  })
  .superRefine(checkSealedSecretsEnv);

export type AlertsEnv = z.infer<typeof schema>;
export const loadEnv = (): AlertsEnv => loadEnvOrExit(schema, process.env);

/** The keyring the service seals with, from SECRETS_KEK and SECRETS_KEK_PREVIOUS. */
export const secretsKeyring = (env: AlertsEnv) => keyringFromEnv(env);
