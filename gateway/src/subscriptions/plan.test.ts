import { readFileSync } from 'node:fs';
import { parse, type GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SubscriptionPlanner, subscriptionPlannerFor } from './plan.ts';

const SDL = readFileSync(new URL('../../../supergraph.graphql', import.meta.url), 'utf8');
const planner = new SubscriptionPlanner(SDL);
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

describe('subscriptionPlannerFor', () => {
  it("shares one planner between supergraphs that differ only in their subgraphs' URLs", () => {
    const moved = SDL.replaceAll('http://127.0.0.1:40', 'https://ledger.internal:80');
    expect(moved).not.toBe(SDL);
    const first = subscriptionPlannerFor(SDL);
    expect(subscriptionPlannerFor(moved) === first).toBe(true);
    // Another shape (here a changed description) is another planner.
    const other = SDL.replace('What a notice tells an investor about.', 'What a notice is about.');
    expect(other).not.toBe(SDL);
    expect(subscriptionPlannerFor(other) === first).toBe(false);
    expect(subscriptionPlannerFor(moved) === first).toBe(true);
  });
});
