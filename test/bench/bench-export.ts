/**
 * `npm run bench:export`: 500 articles of a generated library exported as one EPUB through the real
 * handlers, with the built packing thread, three times. Prints the whole export (from the call to
 * the file on disk), its reading and packing phases, the main thread's longest stall while it runs
 * (so progress and Stop stay live), and beside them a baseline from the same run: reading the same
 * 500 files raw. Target: ≤ 10 s for 500 articles.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadArticleFile } from '../../src/main/services/article-file';
import { createServices } from '../../src/main/services/lectern-handlers';
import { articleKey } from '../../src/shared/article-key';
import { markArticle } from '../../src/shared/export/marked-text';
import { describeSpan } from '../../src/shared/text-anchoring';
import { generateArticle } from '../support/generate-articles';

const ARTICLES = 500;
const RUNS = 3;
const root = mkdtempSync(join(tmpdir(), 'lectern-bench-export-'));
const folder = join(root, 'library');
mkdirSync(folder);

try {
  // Saved news articles run 3–12 KB; sizes vary so the book is not 500 copies of one chapter.
  const paths = Array.from({ length: ARTICLES }, (_, i) => {
    const path = join(
      folder,
      `${String(i).padStart(3, '0')}_${i.toString(16).padStart(16, '0')}.txt`,
    );
    writeFileSync(path, generateArticle(3_000 + ((i * 7919) % 9_000), i + 1, `Article ${i + 1}`));
    return path;
  });
  const bytes = paths.reduce((sum, path) => sum + statSync(path).size, 0);
  const services = createServices({
    info: { host: 'electron', version: 'bench', nativeMenu: true },
    startupPath: folder,
    startupIsSample: false,
    userDataDir: join(root, 'user-data'),
    openExternal: async () => undefined,
    showSaveDialog: async () => join(root, 'library.epub'),
    epubWorkerFile: join(process.cwd(), 'out', 'main', 'epub-worker.js'),
  });
  await services.handlers['library.openDropped'](folder);
  // Every fifth article has two highlights, one with a note.
  for (const path of paths.filter((_, i) => i % 5 === 0)) {
    const article = await loadArticleFile(path);
    const { text } = markArticle(article);
    const when = '2025-06-08T00:00:00Z';
    const annotations = [200, 900].map((at, n) => {
      const { quote, position } = describeSpan(text, { start: at, end: at + 60 });
      const id = `h${n}`;
      const note = n === 1 ? 'A note on this passage.' : '';
      const colour = n === 1 ? ('pink' as const) : ('yellow' as const);
      return {
        id,
        type: 'Annotation' as const,
        created: when,
        modified: when,
        colour,
        note,
        target: { selector: [quote, position] as [typeof quote, typeof position] },
      };
    });
    await services.handlers['highlights.set'](await articleKey(article), {
      title: article.title,
      annotations,
    });
  }

  const rawReads: number[] = [];
  const totals: number[] = [];
  const readings: number[] = [];
  const stalls: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    let started = performance.now();
    await Promise.all(paths.map((path) => readFile(path)));
    rawReads.push(performance.now() - started);

    let packingAt = 0;
    const stop = services.events.subscribe((event) => {
      if (
        event.type === 'export-progress' &&
        event.progress.phase === 'packing' &&
        event.progress.running &&
        !packingAt
      ) {
        packingAt = performance.now();
      }
    });
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    started = performance.now();
    const result = await services.handlers['export.epub']({ articles: paths, title: 'Library' });
    totals.push(performance.now() - started);
    lag.disable();
    stop();
    readings.push(packingAt - started);
    stalls.push(lag.max / 1e6);
    if (result?.articles !== ARTICLES)
      throw new Error(`Only ${result?.articles} articles exported`);
  }
  await services.library.close();

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const size = statSync(join(root, 'library.epub')).size;
  console.log(
    `Export as EPUB: ${ARTICLES} articles, ${(bytes / 1024 / 1024).toFixed(1)} MB of text, ${ARTICLES / 5} with highlights`,
  );
  console.log(
    `  whole export, median of ${RUNS}: ${s(median(totals))}  (runs: ${totals.map(s).join(', ')})`,
  );
  console.log(
    `    reading and laying out: ${s(median(readings))}; packing (worker thread): ${s(median(totals) - median(readings))}`,
  );
  console.log(
    `  main thread's longest stall during an export, median: ${median(stalls).toFixed(0)} ms`,
  );
  console.log(`  baseline, reading the same files raw: ${s(median(rawReads))}`);
  console.log(`  book: ${(size / 1024 / 1024).toFixed(2)} MB`);
  console.log(`  target ≤ 10 s: ${median(totals) <= 10_000 ? 'met' : 'NOT met'}`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
