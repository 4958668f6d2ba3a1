import { operationFromDocument, Supergraph, type Schema } from '@apollo/federation-internals';
import { QueryPlanner, type FetchNode, type PlanNode } from '@apollo/query-planner';
import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';

/** What one subscription operation needs, computed once per distinct operation. */
export interface SubscriptionPlan {
  /** The part sent to the owning subgraph: its root field, its own fields and the @key fields. */
  primary: FetchNode;
  /** Entity fetches that fill in fields of other subgraphs, run once per event. */
  rest: PlanNode | undefined;
}

const MAX_CACHED_PLANS = 500;

/**
 * The supergraph as the subscription path sees it: the API schema (to validate client
 * operations), the supergraph schema (to execute plans) and a query planner whose plans are
 * cached by operation text. Rebuilt whenever the gateway loads a new supergraph.
 */
export class SubscriptionPlanner {
  readonly apiSchema: Schema;
  readonly apiGraphQLSchema: GraphQLSchema;
  readonly supergraphSchema: GraphQLSchema;
  private readonly planner: QueryPlanner;
  private readonly cache = new Map<string, SubscriptionPlan>();

  constructor(supergraphSdl: string) {
    const supergraph = Supergraph.build(supergraphSdl);
    this.apiSchema = supergraph.apiSchema();
    this.apiGraphQLSchema = this.apiSchema.toGraphQLJSSchema();
    this.supergraphSchema = supergraph.schema.toGraphQLJSSchema();
    this.planner = new QueryPlanner(supergraph);
  }

  plan(
    document: DocumentNode,
    source: string,
    operationName: string | undefined,
  ): SubscriptionPlan {
    const key = `${operationName ?? ''}\n${source}`;
    const cached = this.cache.get(key);
    if (cached) {
      // Refresh its place: the Map's insertion order is the eviction order.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const operation = operationFromDocument(this.apiSchema, document, { operationName });
    const node = this.planner.buildQueryPlan(operation).node;
    if (node?.kind !== 'Subscription') {
      throw new GraphQLError('Only subscription operations can be planned here.');
    }
    const plan = { primary: node.primary, rest: node.rest };
    this.cache.set(key, plan);
    if (this.cache.size > MAX_CACHED_PLANS) this.cache.delete(this.cache.keys().next().value!);
    return plan;
  }
}
