import { afterEach, describe, expect, it, vi } from 'vitest';
import { scheduleRecheck, SUBSCRIPTION_RECHECK_MS } from './recheck.ts';

afterEach(() => void vi.useRealTimers());

describe('scheduleRecheck', () => {
  it('runs each check once per period from one timer, and never again once cancelled', () => {
    vi.useFakeTimers();
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
    vi.useFakeTimers();
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
    vi.useFakeTimers();
    const ticks: number[] = [];
    const cancels = [0, 1, 2].map((n) => {
      vi.advanceTimersByTime((SUBSCRIPTION_RECHECK_MS / 10) * n);
      return scheduleRecheck(() => void ticks.push(Date.now()), 'one token');
    });
    vi.advanceTimersByTime(SUBSCRIPTION_RECHECK_MS * 2);
    expect(ticks).toHaveLength(6);
    expect(new Set(ticks).size).toBe(2);
    cancels.forEach((cancel) => cancel());
  });
});
