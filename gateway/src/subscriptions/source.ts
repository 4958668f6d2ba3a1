import { randomUUID } from 'node:crypto';
import type { ServiceMap } from '@apollo/gateway';
import type { ExecutionResult, GraphQLError } from 'graphql';
import type { Logger } from '@poolgraph/platform';
import type { GatewayContext } from '../context.ts';
import { executeEvent } from './execute.ts';
import type { SubscriptionMetrics } from './metrics.ts';
import type { EventResolutions } from './memo.ts';
import { graphQLFailure, type Operation } from './operation.ts';
import type { UpstreamConnections, UpstreamEndpoint } from './upstream.ts';

export type Delivery = { result: ExecutionResult } | { failure: readonly GraphQLError[] };

export interface SourceDeps {
  upstream: UpstreamConnections;
  metrics: SubscriptionMetrics;
  log: Logger;
  owner: UpstreamEndpoint;
  serviceMap: ServiceMap;
  resolutions: EventResolutions;
}

/**
 * One upstream subscription and one resolution per event, shared by every client subscription
 * that is the same operation with the same variables for the same credentials (a dashboard in
 * many tabs, a partner multiplexing): the result is the same for all, so it is computed once.
 * Events are resolved one at a time, in order; each subscriber gets the result in its own queue.
 */
export class SharedSource {
  private readonly subscribers = new Set<(delivery: Delivery) => void>();
  private readonly unsubscribe: () => void;
  private chain: Promise<void> = Promise.resolve();
  /** The upstream ended (error or complete): new subscribers need a new source. */
  ended = false;

  constructor(
    private readonly operation: Operation,
    private readonly deps: SourceDeps,
    private readonly onEmpty: () => void,
  ) {
    const { plan, session } = operation;
    const variables = Object.fromEntries(
      (plan.primary.variableUsages ?? [])
        .filter((name) => name in operation.variables)
        .map((name) => [name, operation.variables[name]]),
    );
    const context: GatewayContext = {
      viewer: session.viewer,
      authorization: session.authorization,
      requestId: randomUUID(),
      clientAddress: session.clientAddress,
    };
    this.unsubscribe = deps.upstream.subscribe(
      deps.owner,
      {
        query: plan.primary.operation,
        operationName: plan.primary.operationName,
        variables,
        extensions: { authorization: session.authorization },
      },
      {
        next: (event) => {
          this.chain = this.chain.then(() => this.resolve(event as ExecutionResult, context));
        },
        error: (failure) => {
          const errors = Array.isArray(failure)
            ? (failure as GraphQLError[])
            : [
                graphQLFailure(
                  'SUBGRAPH_UNAVAILABLE',
                  `Subgraph "${deps.owner.name}" ended the subscription.`,
                ),
              ];
          this.ended = true;
          this.chain = this.chain.then(() => this.broadcast({ failure: errors }));
        },
        complete: () => {
          this.ended = true;
          this.chain = this.chain.then(() => this.broadcast({ failure: [] }));
        },
      },
    );
  }

  add(subscriber: (delivery: Delivery) => void): void {
    this.subscribers.add(subscriber);
  }

  remove(subscriber: (delivery: Delivery) => void): void {
    this.subscribers.delete(subscriber);
    if (this.subscribers.size > 0) return;
    this.unsubscribe();
    this.onEmpty();
  }

  private async resolve(event: ExecutionResult, context: GatewayContext): Promise<void> {
    if (this.subscribers.size === 0) return;
    const started = process.hrtime.bigint();
    try {
      const result = await this.deps.resolutions.resolve(
        this.operation.session.viewer,
        this.operation,
        event,
        () =>
          executeEvent(
            { ...this.operation, context, serviceMap: this.deps.serviceMap, log: this.deps.log },
            event,
          ),
      );
      this.deps.metrics.eventDuration.observe(Number(process.hrtime.bigint() - started) / 1e9);
      this.broadcast({ result });
    } catch (error) {
      this.deps.log.error({ err: error }, 'subscription event could not be resolved');
      this.broadcast({
        result: { errors: [graphQLFailure('INTERNAL_SERVER_ERROR', 'Internal server error')] },
      });
    }
  }

  private broadcast(delivery: Delivery): void {
    for (const subscriber of this.subscribers) subscriber(delivery);
  }
}
