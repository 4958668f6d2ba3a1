/**
 * The parts of the money rules with no server dependency (no GraphQL errors, no platform), for
 * the web client: currency exponents and the largest-remainder split the ledger uses.
 */
export * from './currency.ts';
export * from './split.ts';
