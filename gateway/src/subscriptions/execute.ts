import {
  buildOperationContext,
  executeQueryPlan,
  type GraphQLDataSource,
  type ServiceMap,
} from '@apollo/gateway';
import type { QueryPlan } from '@apollo/query-planner';
import type { DocumentNode, ExecutionResult, GraphQLFormattedError } from 'graphql';
import type { Logger } from '@poolgraph/platform';
import type { GatewayContext } from '../context.ts';
import type { SubscriptionPlan, SubscriptionPlanner } from './plan.ts';

/** The name under which an event's primary data enters the plan; no subgraph can be named so. */
const EVENT_SOURCE = '__subscription_event__';

export interface UpstreamEvent {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
  /** Transport data, e.g. the resume cursor (source.ts); never part of a client's result. */
  extensions?: Record<string, unknown>;
}

/** A data source that answers the primary fetch with the event the owning subgraph pushed. */
function eventSource(event: UpstreamEvent): GraphQLDataSource<GatewayContext> {
  return {
    process: async () => ({ data: event.data ?? null, errors: event.errors as never }),
  };
}

export interface EventExecution {
  planner: SubscriptionPlanner;
  plan: SubscriptionPlan;
  document: DocumentNode;
  operationName: string | undefined;
  variables: Record<string, unknown>;
  context: GatewayContext;
  serviceMap: ServiceMap;
  log: Logger;
}

/**
 * Resolves one event into the client's full selection: the plan becomes "primary, then rest",
 * with the primary fetch answered from the event, so @apollo/gateway's own executor runs the
 * entity fetches and shapes the response exactly as for a query.
 */
export async function executeEvent(
  execution: EventExecution,
  event: UpstreamEvent,
): Promise<ExecutionResult> {
  const { planner, plan } = execution;
  const primary = { ...plan.primary, serviceName: EVENT_SOURCE };
  const queryPlan: QueryPlan = {
    kind: 'QueryPlan',
    node: plan.rest ? { kind: 'Sequence', nodes: [primary, plan.rest] } : primary,
  };
  const operationContext = buildOperationContext({
    schema: planner.apiGraphQLSchema,
    operationDocument: execution.document,
    operationName: execution.operationName,
  });
  const requestContext = {
    request: { variables: execution.variables, operationName: execution.operationName },
    context: execution.context,
    logger: execution.log,
    metrics: {},
    operationName: execution.operationName ?? null,
    document: execution.document,
  };
  const result = await executeQueryPlan(
    queryPlan,
    { ...execution.serviceMap, [EVENT_SOURCE]: eventSource(event) },
    requestContext as unknown as Parameters<typeof executeQueryPlan>[2],
    operationContext,
    planner.supergraphSchema,
    planner.apiSchema,
  );
  return result as ExecutionResult;
}
