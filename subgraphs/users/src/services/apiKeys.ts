import { randomBytes } from 'node:crypto';
import {
  API_KEY_PREFIX,
  hasRole,
  requireHeldScopes,
  requireRole,
  validateScopes,
  type Delegation,
  type Viewer,
} from '@poolgraph/auth';
import {
  badUserInput,
  conflict,
  isUuid,
  notFound,
  retryTransaction,
  uuidv7,
  type CallerIdentity,
  type SessionRevocations,
} from '@poolgraph/platform';
import type { UsersDb } from '../db/index.ts';
import { lockUserCredentials } from '../data/users.ts';
import type { AccessTokenSigner } from '../auth/keys.ts';
import type { SecondFactorService } from './secondFactor.ts';
import {
  countLiveApiKeysDelegatedBy,
  insertApiKey,
  revokeApiKeyById,
  selectApiKeyById,
  selectApiKeys,
  type ApiKeyRow,
} from '../data/apiKeys.ts';
import type { PoolsPeer } from '../peers/pools.ts';
import { validateExpiry, validateKeyName, validateNote, validatePoolIds } from './apiKeyInputs.ts';
import { createKeyTokens, hashSecret } from './keyTokens.ts';
import { recordKeyChange } from '../events/keyChanges.ts';

/** What lists show of a secret: the prefix and 8 of its 43 random characters. */
const SHOWN_CHARACTERS = API_KEY_PREFIX.length + 8;
/** Keys a manager may have working at once: a few per partner, bounded so a script cannot mint thousands. */
export const MAX_LIVE_KEYS_PER_MANAGER = 50;

export interface ApiKeyServiceDeps {
  db: UsersDb;
  signer: AccessTokenSigner;
  revocations: SessionRevocations;
  pools: PoolsPeer;
  /** Creating a key needs a recent second factor (step-up). */
  secondFactor: Pick<SecondFactorService, 'requireStepUp'>;
  /** After a key was issued or revoked: its ApiKeyChanged event is in the outbox (the relay). */
  onKeyChanged?: () => void;
  /** How long a key's access tokens live; default 60 s (tests shorten it). */
  keyTokenTtlSeconds?: number;
}

/** What the issuer chose for a key (validated before anything is written). */
export interface NewApiKey {
  name: string;
  scopes: readonly string[];
  expiresAt?: Date | null;
  note?: string | null;
}

/** A manager's key: the same, limited to some of their pools (absent: all of them). */
export interface NewPartnerKey extends NewApiKey {
  poolIds?: readonly string[] | null;
}

/**
 * Partner API keys. Platform keys are issued by ADMINs and read what partners may see
 * platform-wide; delegated keys are issued by a MANAGER for their own pools (all, or a list)
 * with scopes the manager holds, and read those pools only (the `dlg` claim of their tokens).
 * Either kind is exchanged (by the gateway) for short-lived PARTNER access tokens whose session
 * id is the key's id, so revoking the key ends its tokens everywhere.
 */
export function createApiKeyService({
  db,
  signer,
  revocations,
  pools,
  secondFactor,
  onKeyChanged = () => {},
  keyTokenTtlSeconds,
}: ApiKeyServiceDeps) {
  /** The one place every key is created: what both kinds must pass goes here. */
  async function issue(
    issuer: Viewer,
    input: NewApiKey,
    delegation: Delegation | null,
  ): Promise<{ apiKey: ApiKeyRow; secret: string }> {
    const name = validateKeyName(input.name);
    const scopes = validateScopes(input.scopes);
    requireHeldScopes(issuer, scopes);
    const expiresAt = validateExpiry(input.expiresAt, new Date());
    const note = validateNote(input.note);
    // Either kind of key needs a recent second factor of its issuer; nothing else creates keys.
    await secondFactor.requireStepUp(issuer);
    // The prefix lets secret scanners and people recognise a key; 32 random bytes follow.
    const secret = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    const id = uuidv7();
    // The issuer's row is locked while the cap is counted and the key inserted: 50 requests at
    // once cannot each see 49 keys and all insert.
    await retryTransaction(() =>
      db.transaction(async (tx) => {
        await lockUserCredentials(tx, issuer.userId);
        if (
          delegation &&
          (await countLiveApiKeysDelegatedBy(tx, issuer.userId, new Date())) >=
            MAX_LIVE_KEYS_PER_MANAGER
        ) {
          throw conflict(
            `You already have ${MAX_LIVE_KEYS_PER_MANAGER} working keys; revoke one you no longer use first.`,
          );
        }
        await insertApiKey(tx, {
          id,
          name,
          scopes,
          prefix: secret.slice(0, SHOWN_CHARACTERS),
          secretHash: hashSecret(secret),
          createdBy: issuer.userId,
          delegatedBy: delegation?.managerId ?? null,
          poolIds: delegation?.poolIds ?? null,
          expiresAt,
          note,
        });
        await recordKeyChange(tx, (await selectApiKeyById(tx, id))!);
      }),
    );
    onKeyChanged();
    return { apiKey: (await selectApiKeyById(db, id))!, secret };
  }

  return {
    /** createApiKey: a platform key, ADMIN only. */
    async create(viewer: Viewer | null, input: NewApiKey) {
      return issue(requireRole(viewer, 'ADMIN'), input, null);
    },

    /** createPartnerKey: a MANAGER's key for their own pools. */
    async createDelegated(viewer: Viewer | null, input: NewPartnerKey, caller: CallerIdentity) {
      const manager = requireRole(viewer, 'MANAGER');
      const poolIds = validatePoolIds(input.poolIds);
      // Cheap checks first: nothing is asked of pools for a request that fails anyway.
      validateKeyName(input.name);
      requireHeldScopes(manager, validateScopes(input.scopes));
      if (poolIds) {
        const managed = await pools.managedPoolIds(manager.userId, caller);
        const foreign = poolIds.find((id) => !managed.has(id));
        if (foreign) {
          throw badUserInput('poolIds', `${foreign} is not a pool you manage.`);
        }
      }
      return issue(manager, input, { managerId: manager.userId, poolIds });
    },

    /**
     * apiKeys / apiKeysConnection: every key for an admin; the keys a manager issued for a
     * manager; newest first, the whole list or a page (`limit` after the key `after`).
     */
    async list(
      viewer: Viewer | null,
      page: { after?: { createdAt: Date; id: string }; limit?: number } = {},
    ): Promise<ApiKeyRow[]> {
      const known = requireRole(viewer, 'ADMIN', 'MANAGER');
      const delegatedBy = hasRole(known, 'ADMIN') ? undefined : known.userId;
      return selectApiKeys(db, { ...page, delegatedBy });
    },

    /**
     * Idempotent. An admin revokes any key, a manager the keys they issued (another's is
     * NOT_FOUND, as a missing one). Redis first: the key's tokens stop working everywhere
     * within seconds.
     */
    async revoke(viewer: Viewer | null, id: string): Promise<ApiKeyRow> {
      const known = requireRole(viewer, 'ADMIN', 'MANAGER');
      const key = isUuid(id) ? await selectApiKeyById(db, id) : undefined;
      const mine = !!key && (hasRole(known, 'ADMIN') || key.delegatedBy === known.userId);
      if (!key || !mine) throw notFound(`API key ${id.slice(0, 64)}`);
      await revocations.revokeSession(key.id);
      if (!key.revokedAt) {
        await db.transaction(async (tx) => {
          await revokeApiKeyById(tx, key.id, new Date());
          await recordKeyChange(tx, (await selectApiKeyById(tx, key.id))!);
        });
        onKeyChanged();
      }
      return (await selectApiKeyById(db, key.id))!;
    },

    exchange: createKeyTokens({ db, signer, ttlSeconds: keyTokenTtlSeconds }),
  };
}

export type ApiKeyService = ReturnType<typeof createApiKeyService>;
