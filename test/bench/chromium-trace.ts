/**
 * A Chromium performance trace of the page's main thread, summarised as the DevTools Performance
 * panel groups it: script, style, layout, pre-paint, paint, commit, intersection observers, GC.
 * Each event's self time (its duration less that of the events nested in it) goes to one group.
 */
import type { Browser, Page } from 'playwright-core';

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8.execute',
];

const GROUPS: [string, RegExp][] = [
  [
    'script',
    /^(EventDispatch|FunctionCall|TimerFire|FireAnimationFrame|RunMicrotasks|v8\.|V8\.Execute|EvaluateScript|FireIdleCallback|ParseHTML|XHRReadyStateChange|RunTask.*Microtask)/i,
  ],
  [
    'style',
    /^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|ScheduleStyleRecalculation)/,
  ],
  ['layout', /^(Layout|UpdateLayout|LayoutInvalidationTracking)$/],
  ['pre-paint', /^PrePaint/],
  ['paint', /^(Paint|PaintImage|RasterTask|UpdateLayer|PaintSetup)/],
  ['commit', /^(Commit|Layerize|CompositeLayers|UpdateLayerTree)/],
  ['intersection observers', /Intersection/i],
  ['garbage collection', /(GC|Sweep|Mark.*Compact|Scavenge)/],
];

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time: unlike `dur`, it does not grow when the machine's other work preempts. */
  tdur?: number;
  pid: number;
  tid: number;
  /** Async events (`b`/`e`) pair by these. */
  id?: string;
  id2?: { local?: string; global?: string };
  args?: { name?: string; event_latency?: { event_type?: string } };
}

export interface TraceSummary {
  /** Self time per group, in milliseconds: wall time and CPU time. */
  groups: Map<string, number>;
  cpu: Map<string, number>;
  /** The longest single task on the main thread. */
  longestTask: number;
  /** Event names with the most self time, for what the groups leave out. */
  top: [string, number][];
}

export async function traceWhile(
  browser: Browser,
  page: Page,
  work: () => Promise<void>,
): Promise<TraceSummary> {
  return summarise(await traceEventsWhile(browser, page, work));
}

/** The trace's events while `work` runs. */
export async function traceEventsWhile(
  browser: Browser,
  page: Page,
  work: () => Promise<void>,
  categories: string[] = CATEGORIES,
): Promise<TraceEvent[]> {
  await browser.startTracing(page, { categories });
  let buffer: Buffer;
  try {
    await work();
  } finally {
    // Stopped even when the work fails, so the browser is not left tracing.
    buffer = await browser.stopTracing();
  }
  return (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
}

/**
 * The complete events `keep` takes on the page's renderer: of the renderer main threads, the one
 * with the most work in them.
 */
export function busiestMainThread(
  events: TraceEvent[],
  keep: (event: TraceEvent) => boolean,
): TraceEvent[] {
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const event of events) {
    const thread = `${event.pid}:${event.tid}`;
    if (event.ph !== 'X' || !mainThreads.has(thread) || !keep(event)) continue;
    byThread.set(thread, [...(byThread.get(thread) ?? []), event]);
  }
  return [...byThread.values()].sort((a, b) => total(b) - total(a))[0] ?? [];
}

function summarise(events: TraceEvent[]): TraceSummary {
  const busiest = busiestMainThread(events, (event) => event.dur !== undefined);
  busiest.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);

  const selfByName = new Map<string, number>();
  const cpuByName = new Map<string, number>();
  let longestTask = 0;
  const stack: { event: TraceEvent; end: number; children: number; cpuChildren: number }[] = [];
  const close = (until: number) => {
    while (stack.length && stack.at(-1)!.end <= until) {
      const { event, children, cpuChildren } = stack.pop()!;
      selfByName.set(
        event.name,
        (selfByName.get(event.name) ?? 0) + (event.dur! - children) / 1000,
      );
      const cpu = event.tdur ?? event.dur!;
      cpuByName.set(event.name, (cpuByName.get(event.name) ?? 0) + (cpu - cpuChildren) / 1000);
      if (stack.length) {
        stack.at(-1)!.children += event.dur!;
        stack.at(-1)!.cpuChildren += cpu;
      }
    }
  };
  for (const event of busiest) {
    close(event.ts);
    if (stack.length === 0 && event.name === 'RunTask') {
      longestTask = Math.max(longestTask, event.dur! / 1000);
    }
    stack.push({ event, end: event.ts + event.dur!, children: 0, cpuChildren: 0 });
  }
  close(Infinity);

  const top = [...cpuByName].sort((a, b) => b[1] - a[1]).slice(0, 8);
  return { groups: byGroup(selfByName), cpu: byGroup(cpuByName), longestTask, top };
}

function byGroup(byName: Map<string, number>): Map<string, number> {
  const groups = new Map<string, number>(GROUPS.map(([name]) => [name, 0]));
  groups.set('other', 0);
  for (const [name, ms] of byName) {
    const group = GROUPS.find(([, pattern]) => pattern.test(name))?.[0] ?? 'other';
    groups.set(group, groups.get(group)! + ms);
  }
  return groups;
}

const total = (events: TraceEvent[]) => events.reduce((sum, e) => sum + (e.dur ?? 0), 0);

/** The main thread's CPU time per keystroke, all groups together. */
export function traceCpu(summary: TraceSummary, keystrokes: number): string {
  return ([...summary.cpu.values()].reduce((a, b) => a + b, 0) / keystrokes).toFixed(1);
}

/** Per keystroke: the main thread's CPU time by group, its wall time, and the busiest events. */
export function formatTrace(summary: TraceSummary, keystrokes: number): string {
  const each = (ms: number) => (ms / keystrokes).toFixed(1);
  const parts = (groups: Map<string, number>) =>
    [...groups]
      .filter(([, ms]) => ms / keystrokes >= 0.05)
      .map(([name, ms]) => `${name} ${each(ms)}`)
      .join(' · ');
  const total = (groups: Map<string, number>) => each([...groups.values()].reduce((a, b) => a + b));
  const top = summary.top.map(([name, ms]) => `${name} ${each(ms)}`).join(', ');
  return (
    `  trace of ${keystrokes} keystrokes, main thread per keystroke (ms of CPU): ${total(summary.cpu)} = ${parts(summary.cpu)}\n` +
    `    wall time ${total(summary.groups)} ms per keystroke; longest task ${summary.longestTask.toFixed(0)} ms; busiest: ${top}`
  );
}
