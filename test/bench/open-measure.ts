/**
 * One article opening, measured in the page and from outside it, for `npm run bench:open`: from the
 * window's request to the answer, the title painted, the last piece, the body filled and End; the
 * window's long tasks; the host's answers to pings (host-pings.ts) meanwhile.
 */
import type { Browser, Page } from 'playwright-core';
import type { Ping } from './host-pings';
import { jumpToEnd, openTimings } from './open-probe';
import { busiestMainThread, traceEventsWhile } from './chromium-trace';

const TIMEOUT_MS = 120_000;

export type OpenMeasure = Awaited<ReturnType<typeof measureOpen>>;

/**
 * Waits for the article the window is opening (asked for from page time `since`) to be in whole,
 * or refused; `stopPinging` ends the pings started before it was asked for (host-pings.ts).
 */
export async function measureOpen(
  page: Page,
  since: number,
  stopPinging: () => Promise<Ping[]>,
  timeout = TIMEOUT_MS,
) {
  let pings: Ping[];
  try {
    await page.evaluate(
      (ms) =>
        Promise.race([window.__open.whenDone(), new Promise((resolve) => setTimeout(resolve, ms))]),
      timeout,
    );
  } finally {
    pings = await stopPinging();
  }
  const probe = await page.evaluate(() => ({ ...window.__open }));
  const api = await page.evaluate(openTimings, since);
  const timeOrigin = await page.evaluate(() => performance.timeOrigin);
  // While it parses and arrives: from the request to the last piece painted, or the refusal.
  const until = probe.complete ?? probe.alertAt ?? Infinity;
  const during = (start: number) => start >= api.request && start <= until;
  const kept = pings.filter((p) => during(p.at - timeOrigin));
  const slowest = kept.reduce((a, b) => (b.took > a.took ? b : a), kept[0]!);
  // The window's tasks from the answer on are the article's; those before, the app starting (its
  // script, its first layout) when it opens at launch, are reported beside them.
  const tasks = probe.longTasks.filter((t) => during(t.startTime));
  const arriving = tasks.filter((t) => t.startTime >= api.response);
  const longest = (list: { duration: number }[]) => Math.max(0, ...list.map((t) => t.duration));
  return {
    ...probe,
    ...api,
    end: probe.filled ? await page.evaluate(jumpToEnd) : null,
    pings: kept.map((p) => p.took),
    /** When the slowest of them was sent, from the request. */
    slowestAt: slowest ? slowest.at - timeOrigin - api.request : NaN,
    longestTask: longest(arriving),
    longTasks: arriving.filter((t) => t.duration > 50).length,
    longestBeforeAnswer: longest(tasks.filter((t) => t.startTime < api.response)),
  };
}

/**
 * The window's tasks while `work` runs, until the last piece of the article is in, from a Chromium
 * trace: the longest by the clock and the longest in CPU time. On a shared machine a task of a few
 * milliseconds' work can take a hundred by the clock, waiting for a core; its CPU time is the
 * window's own share.
 */
export async function windowTasksWhile(
  browser: Browser,
  page: Page,
  work: () => Promise<void>,
): Promise<{ wall: number; cpu: number; overCpu50: number }> {
  const events = await traceEventsWhile(browser, page, work, [
    'devtools.timeline',
    'disabled-by-default-devtools.timeline',
    'blink.user_timing',
  ]);
  // Up to the app's mark that the last piece is in: not the filling after it, nor End.
  const complete = events.find((e) => e.name === 'lectern-article-complete')?.ts ?? Infinity;
  const tasks = busiestMainThread(events, (e) => e.name === 'RunTask').filter(
    (e) => e.ts < complete,
  );
  const cpu = tasks.map((e) => (e.tdur ?? e.dur ?? 0) / 1000);
  return {
    wall: Math.max(0, ...tasks.map((e) => (e.dur ?? 0) / 1000)),
    cpu: Math.max(0, ...cpu),
    overCpu50: cpu.filter((ms) => ms > 50).length,
  };
}
