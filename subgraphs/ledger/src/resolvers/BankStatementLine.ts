import type { BankStatementLineResolvers } from '../__generated__/resolvers.ts';

export const BankStatementLine: BankStatementLineResolvers = {
  line: ({ line }) => line,
  reference: ({ reference }) => reference,
  outcome: ({ outcome }) => OUTCOMES[outcome],
  detail: ({ detail }) => detail,
  transaction: ({ transactionId }, _args, { loaders }) =>
    transactionId ? loaders.transactionById.load(transactionId) : null,
};

const OUTCOMES = {
  posted: 'POSTED',
  partial: 'PARTIAL',
  held: 'HELD',
  already: 'ALREADY',
  unmatched: 'UNMATCHED',
  refused: 'REFUSED',
} as const;
