import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Recheck from './recheck.ts';

// The scheduler keeps one timer per process. Test files share a worker's modules, and a check
// another file left scheduled keeps a real timer that fake time does not move: each test
// starts from a module of its own, under fake timers.
let scheduleRecheck: typeof Recheck.scheduleRecheck;
let SUBSCRIPTION_RECHECK_MS: number;
beforeEach(async () => {
  vi.useFakeTimers();
  vi.resetModules();
  ({ scheduleRecheck, SUBSCRIPTION_RECHECK_MS } = await import('./recheck.ts'));
});
afterEach(() => void vi.useRealTimers());

describe('scheduleRecheck', () => {
  it('runs each check once per period from one timer, and never again once cancelled', () => {
    const runs = { a: 0, b: 0 };
    const cancelA = scheduleRecheck(() => void runs.a++);
    vi.advanceTimersByTime(SUBSCRIPTION_RECHECK_MS / 2);
    const cancelB = scheduleRecheck(() => void runs.b++);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(SUBSCRIPTION_RECHECK_MS * 3);
    // a: at 1, 2 and 3 periods (3.5 elapsed); b: at 1.5, 2.5 and 3.5.
    expect(runs).toEqual({ a: 3, b: 3 });
    cancelA();
    vi.advanceTimersByTime(SUBSCRIPTION_RECHECK_MS);
    expect(runs).toEqual({ a: 3, b: 4 });
    cancelB();
    // Nothing left to check: the timer is gone.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps checking the others when one check throws', () => {
    let runs = 0;
    const cancelBad = scheduleRecheck(() => {
      throw new Error('a bug in one check');
    });
    const cancelGood = scheduleRecheck(() => void runs++);
    vi.advanceTimersByTime(SUBSCRIPTION_RECHECK_MS);
    expect(runs).toBe(1);
    cancelBad();
    cancelGood();
  });

  it('runs the checks that share a key in the same tick, once a period', () => {
    const ticks: number[] = [];
    const cancels = [0, 1, 2].map((n) => {
      vi.advanceTimersByTime((SUBSCRIPTION_RECHECK_MS / 10) * n);
      return scheduleRecheck(() => void ticks.push(Date.now()), 'one token');
    });
    vi.advanceTimersByTime(SUBSCRIPTION_RECHECK_MS * 2);
    const times = [...new Set(ticks)];
    // Once a period, and once all three are scheduled, the three in the same tick.
    expect(times.length).toBeGreaterThanOrEqual(2);
    times.slice(1).forEach((t, i) => expect(t - times[i]!).toBe(SUBSCRIPTION_RECHECK_MS));
    expect(ticks.filter((t) => t === times.at(-1))).toHaveLength(3);
    cancels.forEach((cancel) => cancel());
  });
});
