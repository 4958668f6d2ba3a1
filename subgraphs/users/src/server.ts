import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { cachedKeySet, createTokenVerifier } from '@poolgraph/auth';
import {
  createMetrics,
  createSubgraphService,
  openSubgraphResources,
  type HttpService,
  type ProxyTrust,
  type SubgraphConfig,
  createAuditLog,
  parseProxyTrust,
  createMailer,
  keyringFromEnv,
  sealPlaintextSecrets,
  type Keyring,
} from '@poolgraph/platform';
import { createAccessTokenSigner } from './auth/keys.ts';
import { createPasswordHasher, type HashingLimits } from './auth/passwords.ts';
import { createSessionService } from './auth/sessions.ts';
import { createSignUpService } from './auth/signUps.ts';
import { createLoginMetrics } from './auth/metrics.ts';
import { createLoginThrottle, createSignUpThrottle } from './auth/throttle.ts';
import { apiKeyExchangeRoute, API_KEY_TOKEN_PATH } from './apiKeyExchange.ts';
import { createContextFactory } from './context.ts';
import { createUsersRelay } from './events/relay.ts';
import { migrationsFolder, schema } from './db/index.ts';
import { sealedColumns } from './data/sealedColumns.ts';
import { resolvers } from './resolvers/index.ts';
import { createApiKeyService } from './services/apiKeys.ts';
import { createPoolsPeer } from './peers/pools.ts';
import { createOwnerNotices } from './services/ownerNotices.ts';
import { createAccountService } from './services/account.ts';
import { createCodeThrottle } from './auth/secondFactorCodes.ts';
import { createPayoutDetailsService } from './services/payoutDetails.ts';
import { createSecondFactorService } from './services/secondFactor.ts';

export const typeDefs = parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'));

/** The login policy (docs/DECISIONS.md, "Identity"; beside the logIn mutation in the SDL). */
const LOGIN_THROTTLE = (prefix: string) => ({
  prefix,
  perAccountAndAddress: 5,
  perAccount: 20,
  perAddress: 100,
  windowSeconds: 15 * 60,
  accountPaceMs: 1_000,
  addressPaceMs: 100,
  maxWaitMs: 5_000,
});

const LOOPBACK = (parseProxyTrust('loopback') as { trust: ProxyTrust }).trust;

export interface UsersServiceConfig extends SubgraphConfig {
  accessTokenTtlSeconds?: number;
  /** How long a partner key's access tokens live (the gateway exchanges again before); default 60 s. */
  apiKeyTokenTtlSeconds?: number;
  refreshTokenTtlDays?: number;
  /** Sign-ups per client address per 15 minutes; default 100. */
  signUpsPerAddress?: number;
  /** How often the signing keys are read again (a rotation is picked up); default 30 s. */
  signingKeyReloadMs?: number;
  /** Peers whose x-forwarded-for names the client (the gateways); default loopback. */
  trustedProxies?: ProxyTrust;
  /** Bounds on argon2 work per process; default 4 at once, 64 waiting. */
  hashing?: HashingLimits;
  /** SMTP for notices to an account's owner (`smtp://host:port`); none: they are only logged. */
  smtpUrl?: string;
  smtpFrom?: string;
  /** Whether sign-up confirms the email first (requestSignUp); default false. */
  signUpConfirmsEmail?: boolean;
  /** The web app's address, for links in emails; default http://localhost:5173. */
  appUrl?: string;
  /**
   * Whether ADMIN accounts must have a second factor (until they enrol, their tokens carry no
   * ADMIN role); default false, as outside production (env ADMIN_SECOND_FACTOR).
   */
  adminsMustEnrol?: boolean;
  /**
   * The KEKs that seal secrets at rest (signing keys, TOTP secrets, payout details:
   * data/sealedColumns.ts) from SECRETS_KEK and SECRETS_KEK_PREVIOUS; default the public
   * development KEK, which the environment refuses in production.
   */
  secrets?: Keyring;
  /** The time (ms since the epoch) for second-factor proofs, codes and step-up: tests move it. */
  clock?: () => number;
}

/**
 * Builds the users subgraph (migrating its database) without listening. It verifies tokens
 * against its own keys, so `jwksUrl` is unused here.
 */
export async function createService(config: UsersServiceConfig): Promise<HttpService> {
  const { mysql, redis, revocations, readiness, close } = await openSubgraphResources(
    config,
    schema,
    migrationsFolder,
  );
  const secrets = config.secrets ?? keyringFromEnv({ NODE_ENV: 'development' });
  await sealPlaintextSecrets(mysql.pool, secrets, sealedColumns, config.log);
  const reloadMs = config.signingKeyReloadMs ?? 30_000;
  const signer = await createAccessTokenSigner(
    mysql.db,
    secrets,
    config.accessTokenTtlSeconds ?? 900,
    reloadMs,
  );
  const mailer = config.smtpUrl
    ? createMailer(config.smtpUrl, config.smtpFrom ?? 'Poolgraph <accounts@poolgraph.local>')
    : undefined;
  const metrics = createMetrics('users');
  // Background work unless switched off: the relay of `users.events` (addresses, API keys).
  const relay = createUsersRelay({
    pool: mysql.pool,
    redis,
    redisPrefix: config.redisPrefix,
    log: config.log,
    registry: metrics.registry,
  });
  if (config.backgroundWork !== false) relay.start();
  const loginMetrics = createLoginMetrics(metrics.registry);
  const passwords = createPasswordHasher(config.hashing);
  const loginThrottle = createLoginThrottle(
    redis,
    LOGIN_THROTTLE(`${config.redisPrefix}users:`),
    loginMetrics,
  );
  const signUpThrottle = createSignUpThrottle(redis, {
    prefix: `${config.redisPrefix}users:`,
    limit: config.signUpsPerAddress ?? 100,
    windowSeconds: 15 * 60,
  });
  const notices = createOwnerNotices(mailer, config.log, config.appUrl ?? 'http://localhost:5173');
  const clock = config.clock ?? Date.now;
  const adminsMustEnrol = config.adminsMustEnrol ?? false;
  const sessions = createSessionService({
    db: mysql.db,
    signer,
    throttle: loginThrottle,
    passwords,
    revocations,
    refreshTtlSeconds: (config.refreshTokenTtlDays ?? 30) * 86_400,
    adminsMustEnrol,
    clock,
  });
  const codeThrottle = createCodeThrottle(redis, config.redisPrefix);
  const secondFactor = createSecondFactorService({
    db: mysql.db,
    keyring: secrets,
    clock,
    sessions,
    passwords,
    loginThrottle,
    codeThrottle,
    revocations,
    notices,
    adminsMustEnrol,
  });
  const payoutDetails = createPayoutDetailsService({
    db: mysql.db,
    keyring: secrets,
    clock,
    secondFactor,
    notices,
  });
  const signUps = createSignUpService({
    db: mysql.db,
    sessions,
    throttle: signUpThrottle,
    passwords,
    notices,
    confirmsEmail: config.signUpConfirmsEmail ?? false,
    linkTtlSeconds: 24 * 3600,
  });
  const account = createAccountService({
    db: mysql.db,
    sessions,
    passwords,
    loginThrottle,
    mail: signUpThrottle,
    notices,
    revocations,
  });
  const apiKeys = createApiKeyService({
    db: mysql.db,
    signer,
    revocations,
    pools: createPoolsPeer(config.subgraphUrls.pools, config.log),
    secondFactor,
    onKeyChanged: () => relay.notify(),
    keyTokenTtlSeconds: config.apiKeyTokenTtlSeconds,
  });
  // Our own key set, reloaded every minute and early for an unknown kid (a key another replica
  // just created), at most every 5 s so that made-up kids cannot flood MySQL.
  const verifier = createTokenVerifier(
    cachedKeySet(() => signer.jwks(), { maxAgeMs: Math.min(reloadMs, 60_000) }),
    { revocations },
  );

  return createSubgraphService({
    typeDefs,
    tls: config.tls,
    audit: { log: createAuditLog(mysql.pool, config.log), queryField: 'usersAuditLog' },
    resolvers,
    context: createContextFactory({
      db: mysql.db,
      sessions,
      signUps,
      account,
      apiKeys,
      secondFactor,
      secondStep: { db: mysql.db, keyring: secrets, clock, sessions, codeThrottle },
      payoutDetails,
      verifier,
      log: config.log,
      trustedProxies: config.trustedProxies ?? LOOPBACK,
    }),
    metrics,
    log: config.log,
    readiness,
    routes: {
      [API_KEY_TOKEN_PATH]: apiKeyExchangeRoute(apiKeys, config.log),
      '/.well-known/jwks.json': async (_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.setHeader('cache-control', 'public, max-age=300');
        res.end(JSON.stringify(await signer.jwks()));
      },
    },
    // The relay stops first: it uses Redis and MySQL, which close after it.
    onClose: [() => relay.stop(), async () => mailer?.close(), ...close],
  });
}
