import { describe, expect, it } from 'vitest';
import { receivedToast } from './BankTransferReceivedForm.tsx';

const row = (status: string, amount: string) => ({ status, amount: { amount, currency: 'USD' } });

describe('receivedToast', () => {
  it('says what was posted and what is held, never calling held money posted', () => {
    expect(receivedToast(row('POSTED', '20.00'), 2000n)).toEqual({
      color: 'green',
      message: 'Transfer received: $20.00 is posted.',
    });
    // Less than was started posts less (the rest is a new contribution).
    expect(receivedToast(row('POSTED', '7.00'), 700n).message).toBe(
      'Transfer received: $7.00 is posted.',
    );
    expect(receivedToast(row('POSTED', '20.00'), 2500n)).toEqual({
      color: 'yellow',
      message:
        'Transfer received: $20.00 is posted; the other $5.00 is held in suspense for a refund.',
    });
    expect(receivedToast(row('VOIDED', '18.00'), 1800n)).toEqual({
      color: 'yellow',
      message:
        'Transfer received, but the pool no longer takes money from this investor: $18.00 is held in suspense for a refund.',
    });
  });
});
