export * from './currency.ts';
export * from './decimal.ts';
export * from './split.ts';
export * from './scalar.ts';
export * from './money.ts';
