import { readFileSync } from 'node:fs';
import { parse, type GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SubscriptionPlanner } from './plan.ts';

const planner = new SubscriptionPlanner(
  readFileSync(new URL('../../../supergraph.graphql', import.meta.url), 'utf8'),
);
const BALANCE = 'subscription { balanceChanged(poolId: "p1") { transaction { id } } }';

describe('SubscriptionPlanner', () => {
  it('parses and validates one text once: every client that sends it shares the document', () => {
    let parses = 0;
    const counted = (text: string) => (parses++, parse(text));
    const first = planner.document(BALANCE, counted);
    expect(planner.document(BALANCE, counted)).toBe(first);
    expect(parses).toBe(1);
  });

  it('answers an invalid text with its errors, every time, and keeps nothing of it', () => {
    let parses = 0;
    const invalid = 'subscription { balanceChanged(poolId: "p1") { noSuchField } }';
    const counted = (text: string) => (parses++, parse(text));
    for (let n = 0; n < 2; n++) {
      const errors = planner.document(invalid, counted) as readonly GraphQLError[];
      expect(errors[0]!.message).toContain('noSuchField');
    }
    expect(parses).toBe(2);
  });
});
