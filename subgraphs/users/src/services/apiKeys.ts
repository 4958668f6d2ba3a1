import { createHash, randomBytes } from 'node:crypto';
import {
  API_KEY_PREFIX,
  looksLikeApiKey,
  requireRole,
  validateScopes,
  type Viewer,
} from '@poolgraph/auth';
import {
  badUserInput,
  isUuid,
  notFound,
  uuidv7,
  type SessionRevocations,
} from '@poolgraph/platform';
import type { UsersDb } from '../db/index.ts';
import type { AccessTokenSigner } from '../auth/keys.ts';
import type { SecondFactorService } from './secondFactor.ts';
import {
  insertApiKey,
  revokeApiKeyById,
  selectApiKeyById,
  selectApiKeyBySecretHash,
  selectApiKeys,
  touchApiKey,
  type ApiKeyRow,
} from '../data/apiKeys.ts';

/** What lists show of a secret: the prefix and 8 of its 43 random characters. */
const SHOWN_CHARACTERS = API_KEY_PREFIX.length + 8;
const MAX_NAME_LENGTH = 100;
/** A key's access tokens live this long: the gateway exchanges again about once a minute. */
export const API_KEY_TOKEN_TTL_SECONDS = 60;
/** last_used_at is written at most this often per key, whatever the replicas. */
const TOUCH_EVERY_SECONDS = 60;

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export interface ApiKeyServiceDeps {
  db: UsersDb;
  signer: AccessTokenSigner;
  revocations: SessionRevocations;
  /** Creating a key needs a recent second factor (step-up). */
  secondFactor: Pick<SecondFactorService, 'requireStepUp'>;
}

function validateKeyName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw badUserInput('name', 'give the key a name (who or what uses it).');
  if (/\p{Cc}/u.test(trimmed)) throw badUserInput('name', 'must not contain control characters.');
  if (trimmed.length > MAX_NAME_LENGTH) {
    throw badUserInput('name', `at most ${MAX_NAME_LENGTH} characters, got ${trimmed.length}.`);
  }
  return trimmed;
}

/**
 * Partner API keys: created and revoked by ADMINs, exchanged (by the gateway) for short-lived
 * access tokens with role PARTNER, the key's scopes and the key's id as their session id.
 */
export function createApiKeyService({ db, signer, revocations, secondFactor }: ApiKeyServiceDeps) {
  return {
    async create(viewer: Viewer | null, name: string, scopes: readonly string[]) {
      const admin = requireRole(viewer, 'ADMIN');
      const validName = validateKeyName(name);
      const validScopes = validateScopes(scopes);
      await secondFactor.requireStepUp(admin);
      // The prefix lets secret scanners and people recognise a key; 32 random bytes follow.
      const secret = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
      const id = uuidv7();
      await insertApiKey(db, {
        id,
        name: validName,
        scopes: validScopes,
        prefix: secret.slice(0, SHOWN_CHARACTERS),
        secretHash: hashSecret(secret),
        createdBy: admin.userId,
      });
      return { apiKey: (await selectApiKeyById(db, id))!, secret };
    },

    async list(viewer: Viewer | null): Promise<ApiKeyRow[]> {
      requireRole(viewer, 'ADMIN');
      return selectApiKeys(db);
    },

    /** Idempotent. Redis first: the key's tokens stop working everywhere within seconds. */
    async revoke(viewer: Viewer | null, id: string): Promise<ApiKeyRow> {
      requireRole(viewer, 'ADMIN');
      const key = isUuid(id) ? await selectApiKeyById(db, id) : undefined;
      if (!key) throw notFound(`API key ${id.slice(0, 64)}`);
      await revocations.revokeSession(key.id);
      await revokeApiKeyById(db, key.id, new Date());
      return (await selectApiKeyById(db, key.id))!;
    },

    /**
     * A secret → an access token for its key, or null when it is not a live key. Records the
     * use (at most once a minute per key).
     */
    async exchange(secret: string): Promise<{ accessToken: string; expiresAt: number } | null> {
      if (!looksLikeApiKey(secret)) return null;
      const key = await selectApiKeyBySecretHash(db, hashSecret(secret));
      if (!key || key.revokedAt) return null;
      const issuedAt = Date.now();
      const accessToken = await signer.sign({
        userId: key.id,
        roles: ['PARTNER'],
        sessionId: key.id,
        scopes: key.scopes,
        ttlSeconds: API_KEY_TOKEN_TTL_SECONDS,
      });
      await touchApiKey(db, key.id, new Date(issuedAt), TOUCH_EVERY_SECONDS);
      return { accessToken, expiresAt: issuedAt + API_KEY_TOKEN_TTL_SECONDS * 1000 };
    },
  };
}

export type ApiKeyService = ReturnType<typeof createApiKeyService>;
