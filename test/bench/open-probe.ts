/**
 * Page-side instrumentation for the opening benchmark, installed before the app loads: when the
 * article's title was first painted, when the whole article was in the page (no part of it
 * `aria-busy`), and long tasks.
 * Serialised by Playwright: it must not refer to anything outside itself.
 */

export interface OpenProbe {
  /** Task after the frame that first showed the article's title. */
  title: number | null;
  /** Task after the frame painted once the whole article had arrived (its last piece). */
  complete: number | null;
  /** …and once every chunk of its body was filled (nothing `aria-busy`). */
  filled: number | null;
  /** The refusal shown instead, if any, and when it was painted. */
  alert: string | null;
  alertAt: number | null;
  longTasks: { startTime: number; duration: number }[];
  whenDone(): Promise<void>;
  /** Starts over, for another article opened in the same window. */
  rearm(): void;
}

declare global {
  interface Window {
    __open: OpenProbe;
  }
}

export function installOpenProbe(): void {
  let finish: () => void = () => undefined;
  let done = new Promise<void>((resolve) => (finish = resolve));
  /** The article shown before the one awaited (after a rearm). */
  let previous: Element | null = null;
  const probe: OpenProbe = {
    title: null,
    complete: null,
    filled: null,
    alert: null,
    alertAt: null,
    longTasks: [],
    whenDone: () => done,
    rearm: () => {
      Object.assign(probe, { title: null, complete: null, filled: null, alert: null });
      Object.assign(probe, { alertAt: null, longTasks: [] });
      titleSeen = false;
      filledSeen = false;
      previous = document.querySelector('article');
      done = new Promise<void>((resolve) => (finish = resolve));
    },
  };
  window.__open = probe;
  const afterFrame = (record: (time: number) => void) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => record(performance.now());
      channel.port2.postMessage(null);
    });
  let titleSeen = false;
  let filledSeen = false;
  // The app marks when the last piece of a long article is in (a short one comes whole).
  const mark = performance.mark.bind(performance);
  performance.mark = (name: string, options?: PerformanceMarkOptions) => {
    const entry = mark(name, options);
    if (name === 'lectern-article-complete') afterFrame((time) => (probe.complete ??= time));
    return entry;
  };
  const check = () => {
    const shown = document.querySelector('article');
    const article = shown === previous ? null : shown;
    if (!titleSeen && article?.querySelector('h1')) {
      titleSeen = true;
      afterFrame((time) => (probe.title = time));
    }
    const busy = document.querySelector('main [aria-busy="true"]');
    if (titleSeen && !filledSeen && article && !busy) {
      filledSeen = true;
      afterFrame((time) => {
        probe.filled = time;
        finish();
      });
    }
    // Shown above the article's scroller, not in it: seen however far down the reader is.
    const alert = document.querySelector('.article-pane [role="alert"]');
    if (alert && !article && !probe.alert && !previous) {
      probe.alert = alert.textContent?.trim() ?? '';
      afterFrame((time) => {
        probe.alertAt = time;
        finish();
      });
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
}

/**
 * When the window asked for the article (the first opening call from `since`) and when the answer
 * was in.
 */
export function openTimings(since = 0) {
  const opening = /\/api\/(app\.start|reader\.open\w*|library\.openArticle)$/;
  const calls = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
    (entry) => entry.startTime >= since,
  );
  const answer = calls.find((entry) => opening.test(entry.name));
  const pieces = calls.filter((entry) => entry.name.endsWith('/api/reader.bodyPiece'));
  return {
    request: answer?.startTime ?? NaN,
    response: answer?.responseEnd ?? NaN,
    bytes: (answer?.decodedBodySize ?? 0) + pieces.reduce((sum, p) => sum + p.decodedBodySize, 0),
    pieces: pieces.length,
  };
}

/**
 * Scrolls the article to its end, as End does, again while the chunks laid out on arrival move it
 * (their heights were guesses); resolves once its last block is on screen, with the time taken.
 */
export function jumpToEnd(): Promise<{ at: number; jumps: number; shown: boolean }> {
  const main = document.querySelector('main')!;
  const started = performance.now();
  const lastBlock = () => {
    const blocks = main.querySelectorAll('.chunk:last-child > *');
    return blocks[blocks.length - 1];
  };
  return new Promise((resolve) => {
    let jumps = 0;
    const jump = () => {
      main.scrollTop = main.scrollHeight;
      jumps++;
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          const last = lastBlock()?.getBoundingClientRect();
          const view = main.getBoundingClientRect();
          const shown = !!last && last.bottom <= view.bottom + 1 && last.bottom > view.top;
          if (shown || jumps === 5) resolve({ at: performance.now() - started, jumps, shown });
          else jump();
        }),
      );
    };
    jump();
  });
}
