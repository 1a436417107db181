/**
 * One article opening, measured in the page and from outside it, for `npm run bench:open`: from the
 * window's request to the answer, the title painted, the last piece, the body filled and End; the
 * window's long tasks; the host's answers to pings (host-pings.ts) meanwhile.
 */
import type { Page } from 'playwright-core';
import type { Ping } from './host-pings';
import { jumpToEnd, openTimings } from './open-probe';

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
