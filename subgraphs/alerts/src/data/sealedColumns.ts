import type { SealedColumn } from '@poolgraph/platform';

/**
 * Every column of the alerts database that holds a sealed secret (`@poolgraph/platform`,
 * sealedColumns.ts): encrypted under a per-value data key, with `<aadPrefix>:<id>` as associated
 * data, the data key wrapped by the KEK (SECRETS_KEK).
 *
 * A new secret column is one more entry here: `table` and `column` as in SQL, `idColumn` its
 * primary key, `aadPrefix` the table's name (what its values are sealed for, never changed once
 * rows exist). Then write it with `sealValue(ring, SEALED.x, id, plaintext)` and read it with
 * `openValue(ring, SEALED.x, id, stored)`; the service's boot seals rows left in plaintext, and
 * `npm run keys:rotate-kek` re-wraps the column. The column needs about 200 characters more
 * than the secret (`sealed:v1:<kek id>:<wrapped key>:<iv>:<ciphertext>`, base64url).
 */
export const SEALED = {
  /** WEBHOOK channels' HMAC keys (NULL for the other kinds). */
  webhookSecret: {
    table: 'notification_channels',
    idColumn: 'id',
    column: 'secret',
    aadPrefix: 'notification_channels',
  },
  /** Partner webhooks' HMAC keys. */
  partnerWebhookSecret: {
    table: 'partner_webhooks',
    idColumn: 'id',
    column: 'secret',
    aadPrefix: 'partner_webhooks',
  },
} satisfies Record<string, SealedColumn>;

/** What boot and `keys:rotate-kek` walk over. */
export const sealedColumns: readonly SealedColumn[] = Object.values(SEALED);
