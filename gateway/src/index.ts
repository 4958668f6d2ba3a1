import { createRemoteTokenVerifier } from '@poolgraph/auth';
import { createLogger, stopOnSignals } from '@poolgraph/platform';
import { loadGatewayEnv } from './env.ts';
import { createGateway } from './server.ts';

const env = loadGatewayEnv();
const log = createLogger('gateway', env.LOG_LEVEL);

const service = createGateway({
  supergraphPath: env.SUPERGRAPH_PATH,
  watch: env.SUPERGRAPH_WATCH,
  verifier: createRemoteTokenVerifier(env.USERS_JWKS_URL),
  log,
  subgraphTimeoutMs: env.SUBGRAPH_TIMEOUT_MS,
  trustProxy: env.TRUST_PROXY,
});

try {
  const url = await service.listen(env.PORT, env.HOST);
  log.info({ url: `${url}/graphql`, supergraph: env.SUPERGRAPH_PATH }, 'gateway listening');
} catch (error) {
  // Typically a missing or invalid supergraph.graphql: `npm run compose` writes it.
  log.fatal({ err: error, supergraph: env.SUPERGRAPH_PATH }, 'gateway failed to start');
  process.exit(1);
}
stopOnSignals(service, log);
