/**
 * Chromium's own figure for each key pressed, read from its trace (`EventLatency`, in category
 * `benchmark`): from the key's time stamp to the presentation of the frame that showed what the
 * key changed. It is the interval Event Timing reports, before Event Timing rounds it to 8 ms; a
 * target of 24 ms sits on that rounding's steps, so the benchmark reads its targets from this one.
 */
import type { Browser, Page } from 'playwright-core';
import { traceEventsWhile, type TraceEvent } from './chromium-trace';

/** A key press: its time stamp on the page's clock (as `event.timeStamp`), and its latency. */
export interface KeyLatency {
  at: number;
  ms: number;
}

export const CLOCK_MARK = 'lectern-bench-trace-clock';

/**
 * The key presses traced while `work` runs. Chromium writes a press's latency when its frame is
 * presented, with the press's own time, so a trace can also hold presses from before it started
 * (those whose frame came late): callers pick theirs by time stamp (`latencyOf`).
 */
export async function keyLatenciesWhile(
  browser: Browser,
  page: Page,
  work: () => Promise<void>,
): Promise<KeyLatency[]> {
  let markedAt = 0;
  const events = await traceEventsWhile(
    browser,
    page,
    async () => {
      markedAt = await page.evaluate((name) => performance.mark(name).startTime, CLOCK_MARK);
      await work();
    },
    ['benchmark', 'blink.user_timing'],
  );
  return keyLatenciesIn(events, markedAt);
}

/**
 * Each key press's `EventLatency` begin paired with its end (same thread and id), on the page's
 * clock: the mark set at `markedAt` on the page gives the offset from the trace's clock.
 */
export function keyLatenciesIn(events: TraceEvent[], markedAt: number): KeyLatency[] {
  const mark = events.find((event) => event.name === CLOCK_MARK);
  if (!mark) return [];
  const offset = mark.ts / 1000 - markedAt;
  const open = new Map<string, number>();
  const latencies: KeyLatency[] = [];
  for (const event of [...events].sort((a, b) => a.ts - b.ts)) {
    if (event.name !== 'EventLatency') continue;
    const id = `${event.pid}:${event.tid}:${JSON.stringify(event.id2 ?? event.id)}`;
    const begun = open.get(id);
    if (event.ph === 'b' && event.args?.event_latency?.event_type === 'KEY_PRESSED') {
      open.set(id, event.ts);
    } else if (event.ph === 'e' && begun !== undefined) {
      latencies.push({ at: begun / 1000 - offset, ms: (event.ts - begun) / 1000 });
      open.delete(id);
    }
  }
  return latencies;
}

/** The latency of the key pressed at `at` (page clock), if the trace has it. */
export function latencyOf(latencies: KeyLatency[], at: number): number | null {
  return latencies.find((latency) => Math.abs(latency.at - at) < 1)?.ms ?? null;
}
