/**
 * The research part of the library benchmark: the background analysis after indexing (its time,
 * CPU, and the main event loop meanwhile), then the calls behind "People and places", the status
 * and copies filters and "All highlights", each timed in the handlers the window calls.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { Annotation } from '../src/shared/annotation';
import { HIGHLIGHT_COLOURS } from '../src/shared/annotation';
import { RememberedStore } from '../src/main/services/remembered-store';
import type { LibraryService } from '../src/main/services/library/library-service';
import { researchHandlers } from '../src/main/services/library/research-handlers';
import { seededRandom } from '../test/support/generate-articles';

const ms = (value: number) => `${value.toFixed(0)} ms`;

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

interface Timing {
  p50: number;
  p95: number;
  cpu50: number;
  cpu95: number;
}

/**
 * Times `run` `times` times: the median and p95 in ms, of wall time and of CPU (all threads).
 * `aside` (a baseline, timed by itself) runs untimed beside each: before it on odd turns, after
 * it on even ones, so neither gains from the other's warmed caches.
 */
export async function timed(
  times: number,
  run: (i: number) => Promise<unknown>,
  aside?: (i: number) => Promise<unknown>,
): Promise<Timing> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < times; i++) {
    if (aside && i % 2) await aside(i);
    const start = performance.now();
    const used = process.cpuUsage();
    await run(i);
    const spent = process.cpuUsage(used);
    wall.push(performance.now() - start);
    cpu.push((spent.user + spent.system) / 1000);
    if (aside && !(i % 2)) await aside(i);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    p50: percentile(wall, 50),
    p95: percentile(wall, 95),
    cpu50: percentile(cpu, 50),
    cpu95: percentile(cpu, 95),
  };
}

/** "wall p50 / p95 (CPU p50 / p95)": on a shared machine CPU time is the steadier figure. */
export const figure = (t: Timing) =>
  `${t.p50.toFixed(1)} / ${t.p95.toFixed(1)} ms (CPU ${t.cpu50.toFixed(1)} / ${t.cpu95.toFixed(1)} ms)`;

/** From the index complete (`start`) to every name found; the event loop watched from now on. */
export async function measureAnalysis(
  service: LibraryService,
  start: number,
  marks: { factsDone: number },
) {
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const cpu = process.cpuUsage();
  await service.whenAnalysed();
  const used = process.cpuUsage(cpu);
  lag.disable();
  // Then the word scores, on the ranking thread: how long from here, and the process's RSS.
  const namesDone = performance.now();
  const rssBefore = process.memoryUsage().rss;
  const built = await service.whenScored();
  const scores = {
    built,
    seconds: (performance.now() - namesDone) / 1000,
    rssBefore,
    rssAfter: process.memoryUsage().rss,
  };
  console.log(
    `analysis, facts (copies, keys):  ${ms(marks.factsDone - start)} after the index was complete`,
  );
  console.log(`analysis, names (all done):      ${ms(performance.now() - start)}`);
  console.log(
    `analysis, CPU time (all threads): ${ms((used.user + used.system) / 1000)} (from the end of the queries)`,
  );
  console.log(
    `main event loop delay, max/p99:  ${ms(lag.max / 1e6)} / ${ms(lag.percentile(99) / 1e6)} (during analysis)`,
  );
  // The same measure over 5 s of the library open with nothing running (the word scores built):
  // what the window had before the analysis existed, on this machine at this moment.
  const idle = monitorEventLoopDelay({ resolution: 10 });
  idle.enable();
  await new Promise((resolve) => setTimeout(resolve, 5000));
  idle.disable();
  console.log(
    `  baseline, nothing running:     ${ms(idle.max / 1e6)} / ${ms(idle.percentile(99) / 1e6)} (5 s after it)`,
  );
  return scores;
}

function annotation(i: number, random: () => number): Annotation {
  const exact = `passage number ${i} about kyiv ceasefire ${Math.floor(random() * 1000)}`;
  const created = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
  return {
    id: `bench-${i}`,
    type: 'Annotation',
    created,
    modified: created,
    colour: HIGHLIGHT_COLOURS[i % HIGHLIGHT_COLOURS.length]!,
    note: i % 3 === 0 ? `note ${i} on the talks` : '',
    target: {
      selector: [
        { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: i, end: i + exact.length },
      ],
    },
  };
}

/** 5 000 highlights over 500 articles, as the store writes them (ids as the bench names files). */
export function writeHighlights(userData: string, articles: number, count = 5000) {
  const random = seededRandom(5);
  const dir = join(userData, 'highlights');
  mkdirSync(dir, { recursive: true });
  const perArticle = count / 500;
  for (let a = 0; a < 500; a++) {
    const article = Math.floor((a * articles) / 500);
    const key = article.toString(16).padStart(16, '0');
    const list = Array.from({ length: perArticle }, (_, k) =>
      annotation(a * perArticle + k, random),
    );
    const data = { title: `Article number ${article}`, annotations: list };
    writeFileSync(join(dir, `${key}.json`), JSON.stringify({ version: 1, data }));
  }
}

/** The calls behind the research views, through the handlers, on a library already analysed. */
export async function measureResearchCalls(service: LibraryService, userData: string) {
  const store = new RememberedStore(userData);
  const calls = researchHandlers(service, store);
  // Some reading: 2 000 positions, a third of them finished.
  for (let i = 0; i < 2000; i++) {
    const key = (i * 7).toString(16).padStart(16, '0');
    await store.setPosition(key, { block: 'b1', offset: 0, progress: i % 3 === 0 ? 1 : 0.4 });
  }
  const names = await timed(20, () => calls['research.names'](''));
  const filtered = await timed(20, (i) =>
    calls['research.names'](['ka', 'bri', 'o', 'zz'][i % 4]!),
  );
  const list = (await calls['research.names'](''))!;
  const top = list.names[0]?.name ?? 'none';
  const mentioning = await timed(20, () => calls['research.mentioning'](top));
  const facts = await timed(20, () => calls['research.facts']());
  const result = (await calls['research.facts']())!;
  console.log(
    `names: ${list.matching} in all; top "${top}" in ${list.names[0]?.articles ?? 0} articles`,
  );
  console.log(`People and places list, p50/p95:  ${figure(names)} (filtered ${figure(filtered)})`);
  console.log(`articles naming one, p50/p95:    ${figure(mentioning)}`);
  console.log(
    `status and copies (facts), p50/p95: ${figure(facts)} (${result.reading.length} read, ${result.copies.length} groups of copies)`,
  );
  // The first opening reads every highlights file; later ones find them in memory.
  const highlights = await timed(1, () => calls['highlights.all']());
  const again = await timed(10, () => calls['highlights.all']());
  const all = await calls['highlights.all']();
  console.log(`All highlights (${all.length}), first:   ${figure(highlights)}`);
  console.log(`All highlights again, p50/p95:   ${figure(again)}`);
  return { facts: result, highlights: all, calls };
}
