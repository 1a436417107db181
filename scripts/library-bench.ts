/**
 * The library benchmark: generates folders of realistic articles and prints first-open, index,
 * cached-reopen and query figures, memory, index size and the raw read floor. Run it through
 * `npm run bench:library`, which builds it and the indexing worker first.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { LibraryService } from '../src/main/services/library/library-service';
import { MAX_SEARCH_RESULTS, SEARCH_PAGE } from '../src/shared/library';
import { measureAnalysis, measureResearchCalls, writeHighlights } from './library-bench-research';
import { measureFilters, measureHighlightSearch, measureSyntax } from './library-bench-syntax';
import { parseLibraryQuery } from '../src/shared/library-query';
import { inlineSnippetReader } from '../src/main/services/library/snippet-reader';
import {
  LAST_ROWID,
  prepareMatchCount,
  prepareRanking,
} from '../src/main/services/library/library-ranking';
import { toMatchExpression } from '../src/main/services/library/match-expression';
import { openSqlite } from '../src/main/services/library/sqlite';
import {
  generateArticle,
  generateRealisticArticle,
  realisticQueries,
  seededRandom,
} from '../test/support/generate-articles';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,50000' },
    // realistic: a Zipf vocabulary of 8 000 words and 1 500 names, articles with topics of their
    // own, and one- or two-word queries with the last word cut short. worst: the old ~80-word
    // vocabulary, where every query matches nearly every article (the worst case for ranking).
    corpus: { type: 'string', default: 'realistic' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const corpora = values.corpus.split(',') as ('realistic' | 'worst')[];
const workerFile = resolve('out/main/library-worker.js');
const SOURCES = Array.from(
  { length: 37 },
  (_, i) => `Source ${String.fromCharCode(65 + (i % 26))}${i}`,
);
const QUERY_WORDS = [
  'minister',
  'ceasefire',
  'kyiv',
  'cafe',
  'naive',
  'border',
  'economy',
  'council',
];
const PREFIXES = ['min', 'cease', 'gov', 'reg', 'talk', 'vill', 'off', 'stat'];

const ms = (value: number) => `${value.toFixed(0)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function generateFolder(
  count: number,
  corpus: 'realistic' | 'worst',
): { folder: string; textBytes: number } {
  const folder = mkdtempSync(join(tmpdir(), `lectern-bench-${count}-`));
  const random = seededRandom(count);
  let textBytes = 0;
  let previous = '';
  for (let i = 0; i < count; i++) {
    const dir = join(folder, `batch-${Math.floor(i / 1000)}`);
    if (i % 1000 === 0) mkdirSync(dir);
    const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(random() * 2000) * 86_400_000);
    const bytes = 2500 + Math.floor(random() * 5600);
    const source = SOURCES[i % SOURCES.length]!;
    const date = day.toISOString().slice(0, 10);
    const text =
      corpus === 'realistic'
        ? generateRealisticArticle(bytes, i + 1, { source, date })
        : generateArticle(bytes, i, `Article number ${i}`)
            .replace('By [Agence Test](#)', `By [${source}](#)`)
            .replace('June 08, 2025', date);
    const name = `${String(i).padStart(5, '0')}_${i.toString(16).padStart(16, '0')}.txt`;
    // One article in 200 is saved twice: the duplicates filter has copies to find.
    const saved = i % 200 === 199 ? previous : text;
    writeFileSync(join(dir, name), saved);
    textBytes += Buffer.byteLength(saved);
    previous = text;
  }
  return { folder, textBytes };
}

async function rawReadTime(folder: string): Promise<number> {
  const start = performance.now();
  for (const dir of readdirSync(folder)) {
    const files = readdirSync(join(folder, dir));
    for (let i = 0; i < files.length; i += 200) {
      await Promise.all(files.slice(i, i + 200).map((f) => readFile(join(folder, dir, f))));
    }
  }
  return performance.now() - start;
}

function dirSize(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

/**
 * The match count behind "50 best of 1 204 matches" (run only when the best 50 fill the page),
 * timed alone beside the one-thread ranking of the same queries on the same connection.
 */
function timeMatchCount(userData: string, queries: string[]) {
  const [file] = readdirSync(join(userData, 'library')).filter((f) => f.endsWith('.sqlite'));
  const db = openSqlite(join(userData, 'library', file!));
  const rank = prepareRanking(db);
  const count = prepareMatchCount(db);
  const [ranking, counting]: [number[], number[]] = [[], []];
  for (const query of queries) {
    const match = toMatchExpression(parseLibraryQuery(query));
    if (!match) continue;
    let t = performance.now();
    const full = rank(match, 0, LAST_ROWID, 50).length === 50;
    ranking.push(performance.now() - t);
    t = performance.now();
    if (full) count(match);
    if (full) counting.push(performance.now() - t);
  }
  db.close();
  const p = (list: number[], at: number) =>
    list.length
      ? percentile(
          list.sort((a, b) => a - b),
          at,
        ).toFixed(1)
      : '–';
  console.log(
    `match count p50 / p95:           ${p(counting, 50)} / ${p(counting, 95)} ms (${counting.length} full pages); ranking ${p(ranking, 50)} / ${p(ranking, 95)} ms`,
  );
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function bench(count: number, corpus: 'realistic' | 'worst') {
  console.log(`\n── ${count.toLocaleString('en-GB')} articles, ${corpus} corpus ──`);
  const { folder, textBytes } = generateFolder(count, corpus);
  const userData = mkdtempSync(join(tmpdir(), 'lectern-bench-data-'));
  writeHighlights(userData, count);
  console.log(
    `raw read of all files (floor):   ${ms(await rawReadTime(folder))} for ${mb(textBytes)}`,
  );

  // Baseline: the same first open with no analysis after it, in this run, on a warm cache too.
  const baselineData = mkdtempSync(join(tmpdir(), 'lectern-bench-baseline-'));
  const baselineStart = performance.now();
  const baselineCpuStart = process.cpuUsage();
  const baseline = new LibraryService({
    userDataDir: baselineData,
    workerFile,
    emit: () => undefined,
    analyse: false,
    wordScores: false,
  });
  await baseline.open(folder);
  await baseline.whenIdle();
  const baselineIndexed = performance.now() - baselineStart;
  const baselineCpu = process.cpuUsage(baselineCpuStart);
  await baseline.close();
  rmSync(baselineData, { recursive: true, force: true });

  let firstRows = 0;
  let allListed = 0;
  const start = performance.now();
  const analysisMarks = { factsDone: 0 };
  const service = new LibraryService({
    userDataDir: userData,
    workerFile,
    emit: (event) => {
      if (event.type === 'library-changed' && !firstRows) firstRows = performance.now() - start;
      if (event.type === 'library-progress' && event.progress.phase === 'indexing' && !allListed) {
        allListed = performance.now() - start;
      }
      if (event.type === 'library-analysis' && event.progress.phase === 'names') {
        analysisMarks.factsDone ||= performance.now();
      }
    },
  });
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const cpuStart = process.cpuUsage();
  await service.open(folder);
  const opened = performance.now() - start;
  await service.whenIdle();
  const indexed = performance.now() - start;
  const indexCpu = process.cpuUsage(cpuStart);
  const analysisStart = performance.now();
  // A run shorter than the change interval shows its rows when it completes.
  firstRows ||= indexed;
  const listed = service.snapshot().entries.length;
  const listTime = performance.now() - start - indexed;
  lag.disable();
  const memory = process.memoryUsage();
  console.log(`first open, window usable:       ${ms(opened)}`);
  console.log(`first open, first rows listed:   ${ms(firstRows)}`);
  console.log(`first open, every title listed:  ${ms(allListed)}`);
  console.log(
    `first open, index complete:      ${ms(indexed)} (${listed} listed; list query ${ms(listTime)})`,
  );
  console.log(
    `  baseline, no analysis after it: ${ms(baselineIndexed)} (${(((indexed - baselineIndexed) / baselineIndexed) * 100).toFixed(1)}% difference)`,
  );
  const cpuMs = (used: NodeJS.CpuUsage) => (used.user + used.system) / 1000;
  console.log(
    `  CPU time, with / without analysis after it: ${ms(cpuMs(indexCpu))} / ${ms(cpuMs(baselineCpu))} (${(((cpuMs(indexCpu) - cpuMs(baselineCpu)) / cpuMs(baselineCpu)) * 100).toFixed(1)}%)`,
  );
  // All threads of the process (main and worker): steadier than wall time on a shared machine.
  console.log(
    `first open, CPU time (all threads): ${ms((indexCpu.user + indexCpu.system) / 1000)}`,
  );
  console.log(
    `main event loop delay, max/p99:  ${ms(lag.max / 1e6)} / ${ms(lag.percentile(99) / 1e6)}`,
  );
  console.log(`after indexing, heap / RSS:      ${mb(memory.heapUsed)} / ${mb(memory.rss)}`);
  const indexBytes = dirSize(join(userData, 'library'));
  console.log(
    `index on disk vs text:           ${mb(indexBytes)} vs ${mb(textBytes)} (${(indexBytes / textBytes).toFixed(2)}×)`,
  );

  const random = seededRandom(99);
  const pick = (list: string[]) => list[Math.floor(random() * list.length)]!;
  const queries =
    corpus === 'realistic'
      ? realisticQueries(200)
      : Array.from({ length: 200 }, (_, i) =>
          i % 2 ? `${pick(QUERY_WORDS)} ${pick(PREFIXES)}` : pick(PREFIXES),
        );
  // Snippets on their own thread (the app) and, for comparison in the same run, on the main
  // thread as before: a second service on the same cached index, asked in turn, query by query.
  const mainThread = new LibraryService({
    userDataDir: userData,
    workerFile,
    snippetReader: inlineSnippetReader,
    emit: () => undefined,
    analyse: false,
    wordScores: false,
  });
  await mainThread.open(folder);
  await mainThread.whenIdle();
  const modes = { thread: service, main: mainThread };
  const figures = {
    thread: { wall: [] as number[], cpu: [] as number[], busy: [] as number[] },
    main: { wall: [] as number[], cpu: [] as number[], busy: [] as number[] },
  };
  let hits = 0;
  const splitIds: number[][] = [];
  for (const [i, query] of queries.entries()) {
    // Each goes first on every other query, so neither gains from the other's warmed caches.
    for (const mode of i % 2 ? (['main', 'thread'] as const) : (['thread', 'main'] as const)) {
      const t = performance.now();
      const c = process.cpuUsage();
      const loop = performance.eventLoopUtilization();
      const found = await modes[mode].search(query);
      // The main thread's own busy time: what the window's other calls would wait behind.
      const busy = performance.eventLoopUtilization(loop).active;
      const used = process.cpuUsage(c);
      figures[mode].wall.push(performance.now() - t);
      figures[mode].cpu.push((used.user + used.system) / 1000);
      figures[mode].busy.push(busy);
      if (mode === 'thread') {
        hits += found.hits.length;
        splitIds.push(found.hits.map((hit) => hit.entry.id));
      }
    }
  }
  await mainThread.close();
  const p = (list: number[], at: number) =>
    percentile(
      [...list].sort((a, b) => a - b),
      at,
    ).toFixed(1);
  for (const mode of ['thread', 'main'] as const) {
    const { wall, cpu, busy } = figures[mode];
    const label = mode === 'thread' ? 'snippets on their thread' : 'snippets on main (before)';
    console.log(`query p50 / p95, ${label}: ${p(wall, 50)} / ${p(wall, 95)} ms wall`);
    // On a shared machine wall time includes waiting for a core; CPU time is the query's own cost.
    console.log(
      `  CPU (all threads) ${p(cpu, 50)} / ${p(cpu, 95)} ms; main thread busy ${p(busy, 50)} / ${p(busy, 95)} ms`,
    );
  }
  console.log(
    `query results shown, mean:       ${(hits / queries.length).toFixed(1)} (at most 50)`,
  );
  await measureLongerResults(service, queries);
  console.log('  (these queries ran while the background analysis ran beside them)');
  const scores = await measureAnalysis(service, analysisStart, analysisMarks);
  const research = await measureResearchCalls(service, userData);
  await measureSyntax(service, research.calls, queries, SOURCES, {
    userData,
    workerFile,
    folder,
    scores,
  });
  await measureFilters(service.snapshot().entries, research.facts);
  await measureHighlightSearch(research.highlights);
  await service.close();
  timeMatchCount(userData, queries);

  const reopenStart = performance.now();
  const again = new LibraryService({ userDataDir: userData, workerFile, emit: () => undefined });
  const snapshot = await again.open(folder);
  const usable = performance.now() - reopenStart;
  await again.whenIdle();
  console.log(`cached reopen, list usable:      ${ms(usable)} (${snapshot.entries.length} listed)`);
  console.log(`cached reopen, verified by scan: ${ms(performance.now() - reopenStart)}`);
  await again.close();

  // Big libraries are ranked in two halves on two threads: check that gives the one-thread order.
  const single = new LibraryService({ userDataDir: userData, emit: () => undefined });
  await single.open(folder);
  await single.whenIdle();
  let same = 0;
  for (const [i, query] of queries.entries()) {
    const ids = (await single.search(query)).hits.map((hit) => hit.entry.id);
    if (ids.join() === splitIds[i]!.join()) same++;
  }
  await single.close();
  console.log(`two-thread ranking = one-thread:  ${same}/${queries.length} queries identical`);
  rmSync(folder, { recursive: true, force: true });
  rmSync(userData, { recursive: true, force: true });
}

/**
 * "Show more" asks for the same search with a longer list, up to MAX_SEARCH_RESULTS; each result
 * comes with its snippet. Timed against a page of results, query by query in the same run.
 */
async function measureLongerResults(service: LibraryService, queries: string[]) {
  const page: number[] = [];
  const most: number[] = [];
  let shown = 0;
  for (const query of queries) {
    let t = performance.now();
    await service.search(query, SEARCH_PAGE);
    page.push(performance.now() - t);
    t = performance.now();
    shown += (await service.search(query, MAX_SEARCH_RESULTS)).hits.length;
    most.push(performance.now() - t);
  }
  const p = (list: number[], at: number) =>
    percentile(
      [...list].sort((a, b) => a - b),
      at,
    ).toFixed(1);
  console.log(
    `query for ${MAX_SEARCH_RESULTS} results p50 / p95:  ${p(most, 50)} / ${p(most, 95)} ms wall (${(shown / queries.length).toFixed(0)} shown on average); for ${SEARCH_PAGE}: ${p(page, 50)} / ${p(page, 95)} ms`,
  );
}

console.log(`Library benchmark on ${process.platform}, Node ${process.version}`);
for (const corpus of corpora) for (const count of sizes) await bench(count, corpus);
