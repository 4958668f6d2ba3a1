export * from './viewer.ts';
export * from './keySet.ts';
export * from './tokens.ts';
export * from './scopes.ts';
export * from './emails.ts';
export * from './delegation.ts';
export * from './stepUp.ts';
