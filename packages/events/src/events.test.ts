import { describe, expect, it } from 'vitest';
import { parseLedgerEvent, parseLedgerStreamEvent, parseTransactionStep } from './events.ts';
import { parseUserEvent } from './userEvents.ts';

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

describe("a payment's held and refunded money on ledger.events", () => {
  const held = (payload: Record<string, unknown>) => ({
    id: '0190a0a0-0000-7000-8000-000000000009',
    type: 'PaymentHeld',
    occurredAt: '2026-06-30T12:00:00.000Z',
    payload: {
      transactionId: '0190a0a0-0000-7000-8000-000000000002',
      poolId: '0190a0a0-0000-7000-8000-000000000003',
      investorId: '0190a0a0-0000-7000-8000-000000000004',
      method: 'BANK_TRANSFER',
      currency: 'USD',
      amountMinor: '500',
      receivedMinor: '2500',
      contributionStatus: 'POSTED',
      ...payload,
    },
  });

  it('parses one, and still parses transaction steps beside it', () => {
    expect(parseLedgerStreamEvent(JSON.stringify(held({}))).type).toBe('PaymentHeld');
    expect(parseLedgerStreamEvent(event({})).type).toBe('TransactionPosted');
  });

  it('refuses a zero, negative or fractional amount, an unknown method or status', () => {
    for (const bad of [
      { amountMinor: '0' },
      { amountMinor: '-5' },
      { amountMinor: '5.5' },
      { receivedMinor: '' },
      { method: 'CASH' },
      { contributionStatus: 'PENDING' },
      { investorId: null },
    ]) {
      expect(() => parseLedgerStreamEvent(held(bad)), JSON.stringify(bad)).toThrow(TypeError);
    }
    expect(() => parseLedgerStreamEvent({ ...held({}), type: 'PaymentLost' })).toThrow(TypeError);
  });
});
