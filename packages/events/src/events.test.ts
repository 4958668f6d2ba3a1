import { describe, expect, it } from 'vitest';
import { parseTransactionStep } from './events.ts';
import { parseUserEvent } from './userEvents.ts';

const posted = (payload: Record<string, unknown>) =>
  JSON.stringify({
    id: 'event-1',
    type: 'TransactionPosted',
    occurredAt: '2027-01-31T09:00:00.000Z',
    payload: {
      transactionId: 'tx-1',
      poolId: 'pool-1',
      investorId: 'ivy',
      type: 'DISTRIBUTION',
      amountMinor: '100',
      currency: 'USD',
      cashBalanceMinor: '0',
      ...payload,
    },
  });

describe('ledger event payloads with the terms', () => {
  it("takes a member's tiers and a scheduled fee's period", () => {
    const tiers = {
      returnOfCapitalMinor: '60',
      preferredReturnMinor: '10',
      profitShareMinor: '30',
    };
    expect(parseTransactionStep(posted({ tiers })).payload.tiers).toEqual(tiers);
    const feePeriod = { start: '2027-01-31T09:00:00.000Z', end: null };
    expect(parseTransactionStep(posted({ type: 'FEE', feePeriod })).payload.feePeriod).toEqual(
      feePeriod,
    );
  });

  it('refuses malformed tiers and fee periods, as it refuses any bad payload', () => {
    for (const bad of [
      { tiers: { returnOfCapitalMinor: '60', preferredReturnMinor: 10, profitShareMinor: '30' } },
      { tiers: { returnOfCapitalMinor: '1.5', preferredReturnMinor: '0', profitShareMinor: '0' } },
      { tiers: null },
      { feePeriod: { start: 'soon', end: null } },
      { feePeriod: { start: '2027-01-31T09:00:00.000Z' } },
    ]) {
      expect(() => parseTransactionStep(posted(bad)), JSON.stringify(bad)).toThrow(TypeError);
    }
  });
});

describe('user events', () => {
  const event = (type: string, payload: unknown) =>
    JSON.stringify({ id: 'event-2', type, occurredAt: '2027-01-31T09:00:00.000Z', payload });

  it('reads an address change, skips unknown types and refuses a malformed one', () => {
    expect(
      parseUserEvent(event('UserContactChanged', { userId: 'u1', email: 'a@b.example' }))?.payload,
    ).toEqual({ userId: 'u1', email: 'a@b.example' });
    expect(parseUserEvent(event('UserDeleted', { userId: 'u1' }))).toBeNull();
    expect(() => parseUserEvent(event('UserContactChanged', { userId: 'u1' }))).toThrow(TypeError);
  });
});
