import { money } from '@poolgraph/money';
import type {
  PaymentIntentResolvers,
  PaymentMismatchResolvers,
} from '../__generated__/resolvers.ts';
import { heldAmount } from '../payments/suspense.ts';

export const PaymentIntent: PaymentIntentResolvers = {
  id: ({ transaction }) => transaction.id,
  transaction: ({ transaction }) => transaction,
  method: ({ payment }) => payment.method,
  clientSecret: ({ clientSecret }) => clientSecret,
  providerPaymentId: ({ payment }) =>
    payment.provider === 'stripe' ? payment.providerPaymentId : null,
  providerStatus: ({ payment }) => payment.providerStatus,
  received: ({ payment }) =>
    payment.receivedAmount === null ? null : money(payment.receivedAmount, payment.currency),
  refunded: ({ payment }) => money(payment.refundedAmount, payment.currency),
  held: ({ payment, transaction }) => money(heldAmount(payment, transaction), payment.currency),
  bankTransfer: ({ payment, bank }) =>
    bank && payment.reference
      ? {
          reference: payment.reference,
          amount: money(payment.amount, payment.currency),
          beneficiary: bank.beneficiary,
          iban: bank.iban,
          bic: bank.bic,
        }
      : null,
};

export const PaymentMismatch: PaymentMismatchResolvers = {
  transaction: (m, _args, context) =>
    m.transactionId ? context.loaders.transactionById.load(m.transactionId) : null,
  ledgerAmount: (m) => (m.ledgerAmount === null ? null : money(m.ledgerAmount, m.currency)),
  providerAmount: (m) => (m.providerAmount === null ? null : money(m.providerAmount, m.currency)),
};
