export * from './database.ts';
export * from './graphql.ts';
export * from './ports.ts';
// The whole stack in one process lives in the top-level `test-stack/` workspace
// (`@poolgraph/test-stack`): it imports every service, and packages never import services.
export * from './redis.ts';
export * from './eventually.ts';
export * from './persistedQueries.ts';
export * from './redisCluster.ts';
// A private MariaDB primary + GTID replica (own mariadbd processes): tests, the fleet, chaos.
export * from './mariadbPair.ts';
// One private mariadbd: the test run's server and `npm start`'s when none answers.
export * from './privateMariadb.ts';
export * from './random.ts';
export * from './smtp.ts';
// A local CA and server certificates (openssl): `npm run certs`, `npm start -- --tls`, TLS tests.
export * from './certificates.ts';
// Runs a TypeScript entry point in a child process without tsx's loader (tests, npm start, benches).
export * from './nodeEntry.ts';
