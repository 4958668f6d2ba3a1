import { describe, expect, it } from 'vitest';
import { parseLedgerEvent } from './events.ts';

const event = (payload: Record<string, unknown>) => ({
  id: '0190a0a0-0000-7000-8000-000000000001',
  type: 'TransactionPosted',
  occurredAt: '2026-06-30T12:00:00.000Z',
  payload: {
    transactionId: '0190a0a0-0000-7000-8000-000000000002',
    poolId: '0190a0a0-0000-7000-8000-000000000003',
    investorId: '0190a0a0-0000-7000-8000-000000000004',
    type: 'DISTRIBUTION',
    amountMinor: '84000',
    currency: 'USD',
    cashBalanceMinor: '0',
    ...payload,
  },
});
const tiers = (roc: string, pref: string, profit: string) => ({
  returnOfCapitalMinor: roc,
  preferredReturnMinor: pref,
  profitShareMinor: profit,
});

describe('the tiers of a waterfall distribution on TransactionPosted', () => {
  it('accepts a distribution whose three tiers sum to its amount, and one without tiers', () => {
    const parsed = parseLedgerEvent(event({ tiers: tiers('60000', '4800', '19200') }));
    expect(parsed.payload.tiers).toEqual(tiers('60000', '4800', '19200'));
    expect(parseLedgerEvent(event({})).payload.tiers).toBeUndefined();
  });

  it('refuses tiers that do not sum to the amount, negative or malformed parts, and tiers on another type', () => {
    for (const bad of [
      { tiers: tiers('60000', '4800', '19199') },
      { tiers: tiers('-1', '4801', '79200') },
      { tiers: tiers('600.00', '48', '192') },
      { tiers: { returnOfCapitalMinor: '84000' } },
      { tiers: tiers('84000', '0', '0'), type: 'FEE' },
    ]) {
      expect(() => parseLedgerEvent(event(bad))).toThrow(TypeError);
    }
  });
});
