import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export interface SubscriptionMetrics {
  active: Gauge;
  events: Counter;
  eventDuration: Histogram;
  slowClients: Counter;
}

export function createSubscriptionMetrics(registry: Registry): SubscriptionMetrics {
  return {
    active: new Gauge({
      name: 'graphql_subscriptions_active',
      help: 'Client subscriptions open now',
      registers: [registry],
    }),
    events: new Counter({
      name: 'graphql_subscription_events_total',
      help: 'Events resolved and sent to clients',
      registers: [registry],
    }),
    eventDuration: new Histogram({
      name: 'graphql_subscription_event_duration_seconds',
      help: 'Time to resolve one event for one shared source (all its clients), entity fetches included',
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers: [registry],
    }),
    slowClients: new Counter({
      name: 'graphql_subscription_slow_clients_total',
      help: 'Clients disconnected because events piled up',
      registers: [registry],
    }),
  };
}
