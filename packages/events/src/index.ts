export * from './events.ts';
export * from './tables.ts';
export * from './relay.ts';
export * from './consumer.ts';
export * from './applyOnce.ts';
export * from './poolEvents.ts';
export * from './poolConsumer.ts';
export * from './metrics.ts';
