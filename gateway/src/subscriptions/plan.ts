import { operationFromDocument, Supergraph, type Schema } from '@apollo/federation-internals';
import { QueryPlanner, type FetchNode, type PlanNode } from '@apollo/query-planner';
import { GraphQLError, validate, type DocumentNode, type GraphQLSchema } from 'graphql';

/** What one subscription operation needs, computed once per distinct operation. */
export interface SubscriptionPlan {
  /** The part sent to the owning subgraph: its root field, its own fields and the @key fields. */
  primary: FetchNode;
  /** Entity fetches that fill in fields of other subgraphs, run once per event. */
  rest: PlanNode | undefined;
}

/** Distinct operation texts whose documents and plans are kept, least recently used first out. */
const MAX_CACHED = 500;

/** A Map used as a least-recently-used cache of at most MAX_CACHED entries. */
class Recent<V> {
  private readonly entries = new Map<string, V>();

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Refresh its place: the Map's insertion order is the eviction order.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): V {
    this.entries.set(key, value);
    if (this.entries.size > MAX_CACHED) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}

/** Planners built in this process, by supergraph less its subgraphs' URLs; the newest last. */
const built = new Map<string, SubscriptionPlanner>();

/**
 * The planner of a supergraph, built at most once per process for supergraphs that differ only
 * in their subgraphs' URLs: plans never use them (a fetch names its subgraph; the gateway's data
 * sources know where it is), and building one costs 0.4–1 s of CPU. A gateway reloading a new
 * supergraph gets a new planner; the two newest are kept (test stacks of other shapes in one
 * process, a reload that is rolled back).
 */
export function subscriptionPlannerFor(supergraphSdl: string): SubscriptionPlanner {
  const key = supergraphSdl.replace(/(@join__graph\(name: "[^"]*", url: )"[^"]*"/g, '$1""');
  const planner = built.get(key) ?? new SubscriptionPlanner(supergraphSdl);
  built.delete(key);
  built.set(key, planner);
  if (built.size > 2) built.delete(built.keys().next().value!);
  return planner;
}

/**
 * The supergraph as the subscription path sees it: the API schema (to validate client
 * operations), the supergraph schema (to execute plans) and a query planner. Validated documents
 * and plans are cached by operation text, so the thousands of clients that send the same
 * subscription share one document (its AST, kept for the subscription's life, is most of what
 * a subscription would otherwise hold) and one plan. Rebuilt whenever the gateway loads a new
 * supergraph.
 */
export class SubscriptionPlanner {
  readonly apiSchema: Schema;
  readonly apiGraphQLSchema: GraphQLSchema;
  readonly supergraphSchema: GraphQLSchema;
  private readonly planner: QueryPlanner;
  private readonly documents = new Recent<DocumentNode>();
  private readonly plans = new Recent<SubscriptionPlan>();

  constructor(supergraphSdl: string) {
    const supergraph = Supergraph.build(supergraphSdl);
    this.apiSchema = supergraph.apiSchema();
    this.apiGraphQLSchema = this.apiSchema.toGraphQLJSSchema();
    this.supergraphSchema = supergraph.schema.toGraphQLJSSchema();
    this.planner = new QueryPlanner(supergraph);
  }

  /**
   * `source` parsed (by `parse`, which applies the operation limits) and validated against the
   * API schema, or the errors of either. Only valid documents are kept.
   */
  document(
    source: string,
    parse: (source: string) => DocumentNode | readonly GraphQLError[],
  ): DocumentNode | readonly GraphQLError[] {
    const cached = this.documents.get(source);
    if (cached) return cached;
    const document = parse(source);
    if (!('kind' in document)) return document;
    const invalid = validate(this.apiGraphQLSchema, document);
    return invalid.length ? invalid : this.documents.set(source, document);
  }

  plan(
    document: DocumentNode,
    source: string,
    operationName: string | undefined,
  ): SubscriptionPlan {
    const key = `${operationName ?? ''}\n${source}`;
    const cached = this.plans.get(key);
    if (cached) return cached;
    const operation = operationFromDocument(this.apiSchema, document, { operationName });
    const node = this.planner.buildQueryPlan(operation).node;
    if (node?.kind !== 'Subscription') {
      throw new GraphQLError('Only subscription operations can be planned here.');
    }
    return this.plans.set(key, { primary: node.primary, rest: node.rest });
  }
}
