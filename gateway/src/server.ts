import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import type { TokenVerifier } from '@poolgraph/auth';
import {
  connectRedis,
  createHttpService,
  createMetrics,
  formatErrorFor,
  metricsPlugin,
  resolveClientAddress,
  TRUST_NO_PROXY,
  type HttpService,
  type Logger,
  type ProxyTrust,
  type RedisClient,
  type TlsConfig,
} from '@poolgraph/platform';
import { createContextFunction, type GatewayContext } from './context.ts';
import { explorerRoutes } from './explorer.ts';
import { SubgraphDataSource } from './dataSource.ts';
import { InflightFetches } from './inflight.ts';
import { knownOperationLabel } from './operationLabel.ts';
import { operationResolutionPlugin } from './operationResolution.ts';
import { formatLimitErrors } from './limits/errors.ts';
import { createLimits, type GatewayLimits } from './limits/index.ts';
import { createSubgraphMetrics } from './metrics.ts';
import { partnerAccess, type PartnerAccessOptions } from './partners/access.ts';
import { subgraphReadiness } from './readiness.ts';
import { requestLogPlugin } from './requestLog.ts';
import { createSubscriptionMetrics } from './subscriptions/metrics.ts';
import { subscriptionPlannerFor, type SubscriptionPlanner } from './subscriptions/plan.ts';
import { UpstreamConnections } from './subscriptions/upstream.ts';
import { attachGatewaySubscriptions } from './subscriptions/websocket.ts';
import {
  subgraphsOf,
  supergraphHook,
  type SubgraphEndpoint,
  type SupergraphSource,
} from './supergraph.ts';

export type { GatewayContext } from './context.ts';
export { SUBGRAPH_UNAVAILABLE } from './dataSource.ts';
export type { SupergraphSource } from './supergraph.ts';
export type { PartnerAccessOptions } from './partners/access.ts';
export type { GatewayLimits } from './limits/index.ts';

/**
 * The gateway's Redis client (revocation list, rate limits, persisted queries, partner keys).
 * Every request sends a command or two, so the commands of concurrent requests leave together
 * (auto-pipelining): one write and one read per turn of the event loop instead of one each. In
 * `bench:ledger` (C=32) that took the gateway's Redis writes from ~13% of its CPU to a few %,
 * ~0.1 ms of CPU per contribution across the gateway and Redis. Nothing on it blocks.
 */
export const connectGatewayRedis = (url: string, log: Logger): RedisClient =>
  connectRedis(url, log, 'main', { autoPipelining: true });

export type GatewayOptions = SupergraphSource & {
  verifier: TokenVerifier;
  log: Logger;
  /** Upper bound for one subgraph request; default 10 s. */
  subgraphTimeoutMs?: number;
  /** Who may say who the client is (`TRUSTED_PROXIES`); default nobody: the socket's peer. */
  trustedProxies?: ProxyTrust;
  /**
   * Production: no introspection, and /metrics and the detail of /readyz only for requests
   * bearing `operationsToken` (nobody, without one).
   */
  production?: boolean;
  operationsToken?: string;
  /** Defaults in limits/config.ts; rate limits need `redis` (PartnerAccessOptions). */
  limits?: Partial<GatewayLimits>;
  /** Serve HTTPS and WSS with this certificate (TLS_CERT/TLS_KEY), with HSTS; default HTTP. */
  tls?: TlsConfig['server'];
} & PartnerAccessOptions;

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
  const trustedProxies = options.trustedProxies ?? TRUST_NO_PROXY;
  const limits = createLimits({ ...options, trustedProxies, registry: metrics.registry });

  // The same data sources serve queries and the entity fetches of subscription events.
  const dataSources = new Map<string, SubgraphDataSource>();
  const inflight = new InflightFetches();
  const gateway = new ApolloGateway({
    supergraphSdl: supergraph.hook,
    buildService: (service) => {
      const dataSource = new SubgraphDataSource(service, {
        metrics: subgraphMetrics,
        log: log.child({ component: 'subgraph' }),
        timeoutMs: options.subgraphTimeoutMs ?? 10_000,
        inflight,
      });
      dataSources.set(service.name, dataSource);
      return dataSource;
    },
    logger: log.child({ component: 'apollo-gateway' }),
  });

  // What the gateway actually serves, so /readyz follows successful reloads only.
  let subgraphs: SubgraphEndpoint[] = [];
  let planner: SubscriptionPlanner | undefined;
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
    subgraphs = subgraphsOf(coreSupergraphSdl);
    planner = subscriptionPlannerFor(coreSupergraphSdl);
  });

  const partners = partnerAccess(options, verifier, log);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    // Off in every environment: stack traces are for logs, not for clients.
    includeStacktraceInErrorResponses: false,
    // Said here, not left to Apollo's reading of NODE_ENV: the schema is for our clients only.
    introspection: !options.production,
    // stopOnSignals owns shutdown; Apollo's own handler would race it and hang the exit.
    stopOnTerminationSignals: false,
    formatError: formatLimitErrors(formatErrorFor(log)),
    plugins: [
      metricsPlugin(metrics, knownOperationLabel(partners.policy.documents)),
      operationResolutionPlugin(),
      requestLogPlugin(log),
      ...partners.plugins,
      limits.operations.plugin,
    ],
    persistedQueries: partners.persistedQueries,
    parseOptions: limits.operations.parseOptions,
    validationRules: limits.operations.validationRules,
    // Said here: batches (JSON arrays) multiply every per-request limit, and no client sends them.
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
  });

  const upstream = new UpstreamConnections(log.child({ component: 'subscriptions' }));
  const service = createHttpService({
    apollo,
    context: limits.rateLimited(
      createContextFunction({
        verifier,
        log,
        metrics,
        trustedProxies,
        apiKeys: partners.apiKeys,
      }),
    ),
    maxBodyBytes: limits.limits.maxBodyBytes,
    tls: options.tls,
    intercept: limits.cors,
    registry: metrics.registry,
    log,
    readiness: subgraphReadiness(() => subgraphs),
    // GraphiQL at /explorer, in development only (production has no introspection either).
    routes: options.production ? {} : explorerRoutes(),
    // Apollo's stop already stops the gateway, whose cleanup ends the watch; this covers a
    // service that is stopped without ever having started.
    onClose: [() => upstream.close(), supergraph.stop],
    webSockets: (server) =>
      attachGatewaySubscriptions({
        server,
        verifier,
        log: log.child({ component: 'subscriptions' }),
        metrics: createSubscriptionMetrics(metrics.registry),
        upstream,
        policy: partners.policy,
        apiKeys: partners.apiKeys,
        limits: limits.limits,
        rateLimiter: limits.limiter,
        addressOf: (req) => resolveClientAddress(req, trustedProxies),
        current: () =>
          planner && { planner, subgraphs, serviceMap: Object.fromEntries(dataSources) },
      }),
  });
  if (options.production) service.restrictOperations(options.operationsToken);
  return service;
}
