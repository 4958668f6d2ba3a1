export * from './database.ts';
export * from './graphql.ts';
export * from './ports.ts';
// The full stack is a separate entry (`@poolgraph/testing/stack`): it imports every service,
// which subgraph unit tests do not need.
export * from './redis.ts';
export * from './eventually.ts';
export * from './persistedQueries.ts';
