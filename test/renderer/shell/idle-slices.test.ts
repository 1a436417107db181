import { afterEach, describe, expect, test, vi } from 'vitest';
import { inIdleSlices } from '../../../src/renderer/src/shell/idle-slices';

/** Idle periods run by hand: each slice of work uses 10 ms of a 50 ms period. */
function idlePeriods() {
  const waiting: IdleRequestCallback[] = [];
  let remaining = 0;
  vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback) => waiting.push(callback));
  return {
    spend: (ms: number) => (remaining -= ms),
    /** Runs the callbacks waiting for the next period; how many there were. */
    runPeriod() {
      const due = waiting.splice(0);
      remaining = 50;
      for (const callback of due) {
        callback({ didTimeout: false, timeRemaining: () => Math.max(remaining, 0) });
      }
      return due.length;
    },
  };
}

/** Work of `total` slices; the number done in each period is read from `done`. */
function work(total: number, periods: ReturnType<typeof idlePeriods>) {
  const state = { done: 0 };
  const slice = () => {
    state.done++;
    periods.spend(10);
    return state.done === total;
  };
  return { state, slice };
}

afterEach(() => vi.unstubAllGlobals());

describe('inIdleSlices', () => {
  test('does as many slices as an idle period holds, then waits for the next', () => {
    vi.stubGlobal('navigator', { scheduling: { isInputPending: () => false } });
    const periods = idlePeriods();
    const { state, slice } = work(7, periods);
    inIdleSlices(slice, 8);
    expect(periods.runPeriod()).toBe(1);
    // 50 ms: slices while more than 8 ms remain.
    expect(state.done).toBe(5);
    expect(periods.runPeriod()).toBe(1);
    expect(state.done).toBe(7);
    // Done: nothing more is asked for.
    expect(periods.runPeriod()).toBe(0);
  });

  test('stops as soon as input waits, and goes on in the next period', () => {
    let pending = false;
    vi.stubGlobal('navigator', { scheduling: { isInputPending: () => pending } });
    const periods = idlePeriods();
    const { state, slice } = work(10, periods);
    inIdleSlices(() => {
      pending = state.done === 1;
      return slice();
    }, 8);
    periods.runPeriod();
    expect(state.done).toBe(2);
    periods.runPeriod();
    expect(state.done).toBe(7);
  });

  test('does one slice a period where the browser cannot tell whether input waits', () => {
    vi.stubGlobal('navigator', {});
    const periods = idlePeriods();
    const { state, slice } = work(3, periods);
    inIdleSlices(slice, 8);
    periods.runPeriod();
    expect(state.done).toBe(1);
    periods.runPeriod();
    periods.runPeriod();
    expect(state.done).toBe(3);
    expect(periods.runPeriod()).toBe(0);
  });

  test('stops for good once cancelled', () => {
    vi.stubGlobal('navigator', { scheduling: { isInputPending: () => false } });
    const periods = idlePeriods();
    const { state, slice } = work(100, periods);
    let cancelled = false;
    inIdleSlices(
      () => {
        cancelled = state.done === 2;
        return slice();
      },
      8,
      () => cancelled,
    );
    periods.runPeriod();
    expect(state.done).toBe(3);
    expect(periods.runPeriod()).toBe(0);
  });
});
