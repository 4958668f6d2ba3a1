export * from './viewer.ts';
export * from './tokens.ts';
