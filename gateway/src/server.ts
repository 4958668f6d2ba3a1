import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import type { TokenVerifier } from '@poolgraph/auth';
import {
  createHttpService,
  createMetrics,
  formatErrorFor,
  metricsPlugin,
  type HttpService,
  type Logger,
} from '@poolgraph/platform';
import { createContextFunction, type GatewayContext } from './context.ts';
import { SubgraphDataSource } from './dataSource.ts';
import { createSubgraphMetrics } from './metrics.ts';
import { subgraphReadiness } from './readiness.ts';
import { requestLogPlugin } from './requestLog.ts';
import {
  subgraphsOf,
  supergraphHook,
  type SubgraphEndpoint,
  type SupergraphSource,
} from './supergraph.ts';

export type { GatewayContext } from './context.ts';
export { SUBGRAPH_UNAVAILABLE } from './dataSource.ts';
export type { SupergraphSource } from './supergraph.ts';

export type GatewayOptions = SupergraphSource & {
  verifier: TokenVerifier;
  log: Logger;
  /** Upper bound for one subgraph request; default 10 s. */
  subgraphTimeoutMs?: number;
  /** Only behind one proxy that sets x-forwarded-for: the client is its last entry. */
  trustProxy?: boolean;
};

/**
 * The supergraph endpoint: Apollo Server over an ApolloGateway, behind the shared HTTP face
 * (/graphql, /healthz, /readyz, /metrics). Nothing listens until `listen` is called, which
 * starts Apollo and so loads the supergraph.
 */
export function createGateway(options: GatewayOptions): HttpService {
  const { verifier, log } = options;
  const metrics = createMetrics('gateway');
  const subgraphMetrics = createSubgraphMetrics(metrics.registry);
  const supergraph = supergraphHook(options, log);

  const gateway = new ApolloGateway({
    supergraphSdl: supergraph.hook,
    buildService: (service) =>
      new SubgraphDataSource(service, {
        metrics: subgraphMetrics,
        log: log.child({ component: 'subgraph' }),
        timeoutMs: options.subgraphTimeoutMs ?? 10_000,
      }),
    logger: log.child({ component: 'apollo-gateway' }),
  });

  // What the gateway actually serves, so /readyz follows successful reloads only.
  let subgraphs: SubgraphEndpoint[] = [];
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
    subgraphs = subgraphsOf(coreSupergraphSdl);
  });

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    // Off in every environment: stack traces are for logs, not for clients.
    includeStacktraceInErrorResponses: false,
    formatError: formatErrorFor(log),
    plugins: [metricsPlugin(metrics), requestLogPlugin(log)],
  });

  return createHttpService({
    apollo,
    context: createContextFunction({ verifier, log, metrics, trustProxy: !!options.trustProxy }),
    registry: metrics.registry,
    log,
    readiness: subgraphReadiness(() => subgraphs),
    // Apollo's stop already stops the gateway, whose cleanup ends the watch; this covers a
    // service that is stopped without ever having started.
    onClose: [supergraph.stop],
  });
}
