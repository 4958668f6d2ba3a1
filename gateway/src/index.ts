import { createRemoteTokenVerifier } from '@poolgraph/auth';
import {
  createLogger,
  createSessionRevocations,
  startTls,
  startTracing,
  stopOnSignals,
} from '@poolgraph/platform';
import { loadGatewayEnv } from './env.ts';
import { limitsFromEnv } from './limits/env.ts';
import { connectGatewayRedis, createGateway } from './server.ts';
import { startWorkers } from './workers.ts';

const env = loadGatewayEnv();
const log = createLogger('gateway', env.LOG_LEVEL);
// GATEWAY_WORKERS > 1: this process only supervises the workers (each runs what follows) and
// waits here until they have exited; startWorkers ends it with process.exit.
if (!startWorkers(env.GATEWAY_WORKERS, log)) await new Promise<never>(() => {});
startTracing('gateway'); // only with OTEL_EXPORTER_OTLP_ENDPOINT set

// Before any client is made: the CA they verify peers against (TLS_CA).
const tls = (() => {
  try {
    return startTls(env);
  } catch (error) {
    // An unreadable or mismatched TLS_CERT/TLS_KEY/TLS_CA: one line naming it, no stack.
    log.fatal(`gateway failed to start: ${(error as Error).message}`);
    process.exit(1);
  }
})();

// Every request's session is checked against the revocation list the users subgraph writes.
const redis = connectGatewayRedis(env.REDIS_URL, log);
const revocations = createSessionRevocations(redis, env.REDIS_PREFIX);

const service = createGateway({
  supergraphPath: env.SUPERGRAPH_PATH,
  watch: env.SUPERGRAPH_WATCH,
  verifier: createRemoteTokenVerifier(env.USERS_JWKS_URL, { revocations }),
  log,
  subgraphTimeoutMs: env.SUBGRAPH_TIMEOUT_MS,
  trustedProxies: env.TRUSTED_PROXIES,
  production: env.NODE_ENV === 'production',
  operationsToken: env.OPS_TOKEN,
  apiKeyExchangeUrl: env.API_KEY_EXCHANGE_URL,
  redis,
  redisPrefix: env.REDIS_PREFIX,
  apqTtlSeconds: env.APQ_TTL_SECONDS,
  persistedQueriesDir: env.PERSISTED_QUERIES_DIR,
  safelist: env.SAFELIST === 'enforce',
  limits: limitsFromEnv(env),
  tls: tls.server,
});

try {
  const url = await service.listen(env.PORT, env.HOST);
  log.info({ url: `${url}/graphql`, supergraph: env.SUPERGRAPH_PATH }, 'gateway listening');
  if (env.NODE_ENV !== 'production') log.info({ url: `${url}/explorer` }, 'GraphiQL explorer');
} catch (error) {
  // Typically a missing or invalid supergraph.graphql: `npm run compose` writes it.
  log.fatal({ err: error, supergraph: env.SUPERGRAPH_PATH }, 'gateway failed to start');
  process.exit(1);
}
stopOnSignals(service, log);
