/** Small statistics and formatting helpers shared by the browser benchmarks. */

export const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
};

export const ms = (value: number) =>
  Number.isFinite(value) ? `${value.toFixed(value < 10 ? 1 : 0)} ms` : '—';

export const summary = (values: number[]) =>
  `p50 ${ms(quantile(values, 0.5))} · p95 ${ms(quantile(values, 0.95))} · max ${ms(Math.max(...values))}`;

/** "✓" or "✗" with what was asked, for the targets block. */
export const verdict = (met: boolean, text: string) => `  ${met ? '✓ met' : '✗ NOT met'}  ${text}`;

/** Waits until the page has been idle for a while: three idle periods of 40 ms or more in a row. */
export function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    let quiet = 0;
    const started = performance.now();
    const check = (deadline: IdleDeadline) => {
      quiet = deadline.timeRemaining() >= 40 ? quiet + 1 : 0;
      if (quiet >= 3 || performance.now() - started > 10_000) resolve();
      else requestIdleCallback(check);
    };
    requestIdleCallback(check);
  });
}
