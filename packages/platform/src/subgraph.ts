import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { DocumentNode } from 'graphql';
import type { Logger } from 'pino';
import { formatErrorFor, metricsPlugin } from './apollo.ts';
import {
  auditLogConnectionResolver,
  auditLogResolver,
  auditPlugin,
  type AuditLog,
} from './audit.ts';
import { createHttpService, type HttpService, type ReadinessCheck } from './http.ts';
import type { GraphQLMetrics } from './metrics.ts';
import { guardRootFields, type RootFieldAuthorizer } from './rootFieldGuard.ts';
import type { TlsConfig } from './tls.ts';
import { attachSubscriptions, type SubgraphSubscriptions } from './websocket.ts';

export interface SubgraphServiceOptions<TContext extends BaseContext> {
  typeDefs: DocumentNode;
  /** The subgraph's codegen-typed `Resolvers` (checked where they are written). */
  resolvers: object;
  context: (req: IncomingMessage) => Promise<TContext>;
  metrics: GraphQLMetrics;
  log: Logger;
  readiness: ReadinessCheck[];
  routes?: Record<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>>;
  onClose?: Array<() => Promise<unknown>>;
  /** Serve the schema's Subscription fields over graphql-ws at /graphql. */
  subscriptions?: SubgraphSubscriptions<TContext>;
  /**
   * Record every mutation in the subgraph's audit log, readable by ADMINs through the Query
   * fields `queryField` and `<queryField>Connection` (which the SDL declares:
   * `<name>AuditLog(first: Int, before: ID)`, `<name>AuditLogConnection(first: Int, after: String)`).
   */
  audit?: { log: AuditLog; queryField: string };
  /** Checked before every root field, `_entities` included (partner key scopes). */
  authorizeRootField?: RootFieldAuthorizer<TContext>;
  /** Serve HTTPS/WSS with this certificate (`config.tls`); default HTTP. */
  tls?: TlsConfig['server'];
  /** More Apollo plugins (pools picks its read database per operation in one). */
  plugins?: ApolloServerPlugin<TContext>[];
}

/** An Apollo subgraph behind the shared HTTP face (health, readiness, metrics, shutdown). */
export function createSubgraphService<TContext extends BaseContext>(
  options: SubgraphServiceOptions<TContext>,
): HttpService {
  const schema = buildSubgraphSchema({
    typeDefs: options.typeDefs,
    // Codegen's __resolveReference signature (reference, context, info) is what Apollo calls,
    // but Apollo's map types it as a field resolver; the codegen types are the stricter check.
    resolvers: withAuditQuery(options.resolvers, options.audit) as GraphQLResolverMap<unknown>,
  });
  if (options.authorizeRootField) guardRootFields(schema, options.authorizeRootField);
  const apollo = new ApolloServer<TContext>({
    schema,
    includeStacktraceInErrorResponses: false,
    // stopOnSignals owns shutdown; Apollo's own handler would race it and hang the exit.
    stopOnTerminationSignals: false,
    formatError: formatErrorFor(options.log),
    // Inline tracing is for Apollo's hosted studio, which nothing here reports to.
    plugins: [
      metricsPlugin(options.metrics),
      ApolloServerPluginInlineTraceDisabled(),
      ...(options.audit ? [auditPlugin(options.audit.log)] : []),
      ...(options.plugins ?? []),
    ],
  });
  const { subscriptions, audit } = options;
  return createHttpService({
    apollo,
    context: options.context,
    registry: options.metrics.registry,
    log: options.log,
    readiness: options.readiness,
    routes: options.routes,
    tls: options.tls,
    // Queued audit entries are written before the subgraph's pool closes.
    onClose: [...(audit ? [() => audit.log.flush()] : []), ...(options.onClose ?? [])],
    webSockets:
      subscriptions &&
      ((server) => attachSubscriptions(server, schema, subscriptions, options.log)),
  });
}

/** The subgraph's resolvers with its audit-log query added (the SDL declares the field). */
function withAuditQuery(resolvers: object, audit: SubgraphServiceOptions<BaseContext>['audit']) {
  if (!audit) return resolvers;
  const { Query, ...rest } = resolvers as { Query?: object };
  return {
    ...rest,
    Query: {
      ...Query,
      [audit.queryField]: auditLogResolver(audit.log),
      [`${audit.queryField}Connection`]: auditLogConnectionResolver(audit.log),
    },
  };
}
