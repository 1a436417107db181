/**
 * Page-side instrumentation for the opening benchmark, installed before the app loads: when the
 * article's title was first painted, when the whole article was in the page (no part of it
 * `aria-busy`), long tasks, and the host's answers to `app.info` calls made every 25 ms meanwhile.
 * Serialised by Playwright: it must not refer to anything outside itself.
 */

export interface OpenProbe {
  /** Task after the frame that first showed the article's title. */
  title: number | null;
  /** Task after the frame painted once the whole article was in the page. */
  complete: number | null;
  /** The refusal shown instead, if any. */
  alert: string | null;
  longTasks: { startTime: number; duration: number }[];
  whenDone(): Promise<void>;
}

declare global {
  interface Window {
    __open: OpenProbe;
  }
}

export function installOpenProbe(): void {
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const probe: OpenProbe = {
    title: null,
    complete: null,
    alert: null,
    longTasks: [],
    whenDone: () => done,
  };
  window.__open = probe;
  const afterFrame = (record: (time: number) => void) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => record(performance.now());
      channel.port2.postMessage(null);
    });
  let titleSeen = false;
  let completeSeen = false;
  const check = () => {
    const article = document.querySelector('article');
    if (!titleSeen && article?.querySelector('h1')) {
      titleSeen = true;
      afterFrame((time) => (probe.title = time));
    }
    const busy = document.querySelector('main [aria-busy="true"]');
    if (titleSeen && !completeSeen && article && !busy) {
      completeSeen = true;
      afterFrame((time) => {
        probe.complete = time;
        finish();
      });
    }
    const alert = document.querySelector('main [role="alert"]');
    if (alert && !article && !probe.alert) {
      probe.alert = alert.textContent?.trim() ?? '';
      finish();
    }
  };
  new MutationObserver(check).observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['aria-busy'],
  });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      probe.longTasks.push({ startTime: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: 'longtask', buffered: true });
  // Other calls while the article opens: the host should answer each within 100 ms.
  addEventListener('DOMContentLoaded', () => {
    const api = (window as unknown as { lectern: { call(channel: string): Promise<unknown> } })
      .lectern;
    const timer = setInterval(() => void api.call('app.info'), 25);
    void done.then(() => clearInterval(timer));
  });
}

/** Resource timings of the API calls: the article's (the largest answer) and the `app.info` pings. */
export function apiTimings() {
  const calls = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
    (entry) => entry.name.includes('/api/') && !entry.name.includes('/api/events'),
  );
  const article = [...calls].sort((a, b) => b.decodedBodySize - a.decodedBodySize)[0];
  return {
    request: article?.startTime ?? NaN,
    response: article?.responseEnd ?? NaN,
    bytes: article?.decodedBodySize ?? 0,
    pings: calls
      .filter((entry) => entry.name.endsWith('/api/app.info'))
      .map((entry) => ({ at: entry.startTime, took: entry.responseEnd - entry.startTime })),
  };
}

/** Scrolls the article to its end; resolves after the frame that shows it, with whether it does. */
export function jumpToEnd(): Promise<{ at: number; shown: boolean }> {
  const main = document.querySelector('main')!;
  const started = performance.now();
  main.scrollTop = main.scrollHeight;
  return new Promise((resolve) =>
    requestAnimationFrame(() =>
      setTimeout(() => {
        const blocks = main.querySelectorAll('[data-block]');
        const last = blocks[blocks.length - 1]?.getBoundingClientRect();
        const view = main.getBoundingClientRect();
        resolve({
          at: performance.now() - started,
          shown: !!last && last.bottom <= view.bottom + 1 && last.bottom > view.top,
        });
      }),
    ),
  );
}
