/**
 * Page-side instrumentation for the search benchmark, installed before the app loads. It records,
 * per keystroke, the time from `keydown` to the frame painted after the find bar settled (the count
 * changed and the matches on screen were highlighted), two ways:
 *
 * - the Event Timing API: entries of type `event` (threshold 16 ms, durations rounded to 8 ms);
 * - a rAF-after-mutation probe: when the highlighter marks `lectern-find-settled`, a task posted
 *   after the next frame (or after this one, when the mark is set inside a frame's callbacks).
 *
 * `installFrameProbe` is serialised by Playwright, so it must not refer to anything outside itself.
 */

export interface FrameRecord {
  /** `keydown` time stamp of the keystroke this frame answers. */
  key: number;
  /** When the highlighter's JavaScript had finished (a `performance.mark`, before style and paint). */
  settled: number;
  /** When a task ran after the frame that showed the change. */
  frame: number;
}

export interface EventRecord {
  name: string;
  startTime: number;
  duration: number;
  processingStart: number;
  processingEnd: number;
  interactionId: number;
}

export interface FrameProbe {
  keys: number[];
  frames: FrameRecord[];
  /** The same, for keystrokes in a plain text field with no listener: the page's own floor. */
  floor: FrameRecord[];
  events: EventRecord[];
  longTasks: { startTime: number; duration: number }[];
  /** Resolves once more than `count` records are in `frames` (or `floor`). */
  waitFor(list: 'frames' | 'floor', count: number): Promise<void>;
}

declare global {
  interface Window {
    __probe: FrameProbe;
  }
}

export function installFrameProbe(): void {
  const waiters: { list: 'frames' | 'floor'; count: number; resolve: () => void }[] = [];
  const probe: FrameProbe = {
    keys: [],
    frames: [],
    floor: [],
    events: [],
    longTasks: [],
    waitFor: (list, count) =>
      probe[list].length > count
        ? Promise.resolve()
        : new Promise((resolve) => waiters.push({ list, count, resolve })),
  };
  window.__probe = probe;
  const record = (list: 'frames' | 'floor', entry: FrameRecord) => {
    probe[list].push(entry);
    for (const waiter of waiters.splice(0)) {
      if (probe[waiter.list].length > waiter.count) waiter.resolve();
      else waiters.push(waiter);
    }
  };

  // Whether the app is inside one of its animation-frame callbacks: changes made there are painted
  // in this frame, so the probe's task goes after it rather than after the next one.
  let inFrame = 0;
  const requestFrame = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) =>
    requestFrame((time) => {
      inFrame++;
      try {
        callback(time);
      } finally {
        inFrame--;
      }
    });
  const taskAfter = (done: (time: number) => void) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(performance.now());
    channel.port2.postMessage(null);
  };
  const afterFrame = (thisFrame: boolean, done: (time: number) => void) => {
    if (thisFrame) taskAfter(done);
    else requestFrame(() => taskAfter(done));
  };

  addEventListener('keydown', (event) => probe.keys.push(event.timeStamp), true);

  const mark = performance.mark.bind(performance);
  performance.mark = (name: string, options?: PerformanceMarkOptions) => {
    const entry = mark(name, options);
    if (name === 'lectern-find-settled') {
      const key = probe.keys.at(-1) ?? NaN;
      const settled = performance.now();
      const thisFrame = inFrame > 0;
      // Svelte writes the count in a microtask after the handler: let it, then wait for the frame.
      queueMicrotask(() =>
        afterFrame(thisFrame, (frame) => record('frames', { key, settled, frame })),
      );
    }
    return entry;
  };

  // The floor: a text field with no listener of the app's, measured the same way.
  addEventListener('input', (event) => {
    if ((event.target as Element | null)?.id !== 'bench-floor') return;
    const key = probe.keys.at(-1) ?? NaN;
    const settled = performance.now();
    afterFrame(false, (frame) => record('floor', { key, settled, frame }));
  });

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as PerformanceEventTiming[]) {
      probe.events.push({
        name: entry.name,
        startTime: entry.startTime,
        duration: entry.duration,
        processingStart: entry.processingStart,
        processingEnd: entry.processingEnd,
        interactionId: entry.interactionId,
      });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      probe.longTasks.push({ startTime: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: 'longtask', buffered: true });
}

/** Adds the floor's text field to the page, fixed in a corner, outside the article. */
export function addFloorField(): void {
  const field = document.createElement('input');
  field.id = 'bench-floor';
  field.setAttribute('aria-label', 'Benchmark floor');
  field.style.cssText = 'position:fixed;left:4px;bottom:4px;width:200px;z-index:9';
  document.body.append(field);
}
