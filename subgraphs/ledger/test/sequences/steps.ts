import type { Random } from '@poolgraph/testing';

/**
 * One step of a money sequence, as plain data: pools, members and payments are named by their
 * index in the sequence (the k-th pool, member, started payment), so a sequence replays the
 * same way on fresh pools and a step can be dropped while shrinking.
 */
export type Step =
  | { kind: 'startCard' | 'startBank'; pool: number; member: number; amount: number }
  | { kind: 'confirmCard' | 'failCard' | 'cancel' | 'refund'; payment: number }
  | { kind: 'confirmBank'; payment: number; percent: number }
  | { kind: 'contribute' | 'record' | 'withdraw'; pool: number; member: number; amount: number }
  | { kind: 'raiseCommitment'; pool: number; member: number; amount: number }
  | { kind: 'removeMember'; pool: number; member: number }
  | { kind: 'callCapital'; pool: number; percent: number }
  | { kind: 'distribute' | 'fee' | 'payout'; pool: number; amount: number }
  | { kind: 'settlePayout'; pool: number; confirm: boolean }
  | { kind: 'close' | 'archive'; pool: number };

export const POOLS = 2;
export const MEMBERS = 3;
/** Each member commits this much (whole units), so the caps bite within a sequence. */
export const COMMITMENT = 500;

/** A step drawn with the weights a busy pool sees: mostly payments, some lifecycle changes. */
function drawStep(random: Random): Step {
  const pool = random.int(0, POOLS - 1);
  const member = random.int(0, MEMBERS - 1);
  const amount = random.pick([1, 7, 50, 120, 260, 499]);
  const payment = random.int(0, 9);
  const kinds: Array<[number, () => Step]> = [
    [6, () => ({ kind: 'startCard', pool, member, amount })],
    [6, () => ({ kind: 'startBank', pool, member, amount })],
    [6, () => ({ kind: 'confirmCard', payment })],
    [2, () => ({ kind: 'failCard', payment })],
    [6, () => ({ kind: 'confirmBank', payment, percent: random.pick([50, 100, 100, 130]) })],
    [3, () => ({ kind: 'cancel', payment })],
    [2, () => ({ kind: 'refund', payment })],
    [3, () => ({ kind: 'contribute', pool, member, amount })],
    [3, () => ({ kind: 'record', pool, member, amount })],
    [3, () => ({ kind: 'withdraw', pool, member, amount })],
    [1, () => ({ kind: 'raiseCommitment', pool, member, amount })],
    [2, () => ({ kind: 'removeMember', pool, member })],
    [1, () => ({ kind: 'callCapital', pool, percent: random.pick([10, 25, 50]) })],
    [3, () => ({ kind: 'distribute', pool, amount })],
    [2, () => ({ kind: 'fee', pool, amount })],
    [2, () => ({ kind: 'payout', pool, amount })],
    [2, () => ({ kind: 'settlePayout', pool, confirm: random.next() < 0.5 })],
    [2, () => ({ kind: 'close', pool })],
    [1, () => ({ kind: 'archive', pool })],
  ];
  const total = kinds.reduce((sum, [weight]) => sum + weight, 0);
  let roll = random.int(1, total);
  for (const [weight, make] of kinds) {
    roll -= weight;
    if (roll <= 0) return make();
  }
  return kinds[0]![1]();
}

export const drawSequence = (random: Random, length: number): Step[] =>
  Array.from({ length }, () => drawStep(random));

/** One line per step, for a failure report. */
export const describeSteps = (steps: readonly Step[]): string =>
  steps.map((step, n) => `  ${String(n + 1).padStart(2)}. ${JSON.stringify(step)}`).join('\n');
