/**
 * The search syntax and the list's research filters in the library benchmark: queries with
 * operators (through research.search, snippets included) beside plain ones in the same run, the
 * status and duplicate filters over the whole list, and searching 5 000 highlights, each with the
 * functions the window runs.
 */
import type { Handlers } from '../src/shared/ipc';
import { SEARCH_PAGE, type LibraryEntry } from '../src/shared/library';
import { NO_FILTER, type HighlightEntry, type LibraryFacts } from '../src/shared/library-research';
import { LibraryService } from '../src/main/services/library/library-service';
import { researchHandlers } from '../src/main/services/library/research-handlers';
import { RememberedStore } from '../src/main/services/remembered-store';
import { filterHighlights, foldedHighlight } from '../src/renderer/src/library/all-highlights';
import {
  copiesById,
  keepEntries,
  NO_RECORDS,
  recordsById,
} from '../src/renderer/src/library/research-filters';
import { figure, timed } from './library-bench-research';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

type Calls = Pick<Handlers, 'research.search'>;

/** Queries with operators built from the plain benchmark's words and the bench's sources. */
export function operatorQueries(plain: string[], sources: string[]): string[] {
  const words = plain.flatMap((q) => q.split(' ')).filter((w) => w.length >= 4);
  const w = (i: number) => words[(i * 7919) % words.length]!;
  const forms = [
    (i: number) => `${w(i)} -${w(i + 1)}`,
    (i: number) => `${w(i)} OR ${w(i + 1)}`,
    (i: number) => `"${w(i)} ${w(i + 1)}"`,
    (i: number) => `${w(i)} NEAR/10 ${w(i + 1)}`,
    (i: number) => `source:"${sources[i % sources.length]}" ${w(i)}`,
    (i: number) => `title:${w(i)} after:2021 before:2023-06`,
    (i: number) => `after:2022-03 ${w(i)} OR ${w(i + 2)} -${w(i + 1)}`,
    (i: number) => `-${w(i)} source:"${sources[i % sources.length]}"`,
  ];
  return Array.from({ length: 200 }, (_, i) => forms[i % forms.length]!(i));
}

export async function measureSyntax(
  service: LibraryService,
  calls: Calls,
  plain: string[],
  sources: string[],
  library: {
    userData: string;
    workerFile: string;
    folder: string;
    scores: { built: boolean; seconds: number; rssBefore: number; rssAfter: number };
  },
) {
  const operators = operatorQueries(plain, sources);
  const { scores } = library;
  console.log(
    `word scores ${scores.built ? 'whole' : 'NOT built'}:          ${scores.seconds.toFixed(1)} s after the names were found; RSS ${mb(scores.rssBefore)} before, ${mb(scores.rssAfter)} after`,
  );
  // The same library ranked by FTS5 alone, its own threads, asked in turn with the app's service.
  const fts5 = new LibraryService({
    userDataDir: library.userData,
    workerFile: library.workerFile,
    emit: () => undefined,
    analyse: false,
    wordScores: false,
  });
  await fts5.open(library.folder);
  await fts5.whenIdle();
  const fts5Calls = researchHandlers(fts5, new RememberedStore(library.userData));
  let found = 0;
  // The plain queries first: the baseline, in the same run and on the same library.
  const baseline = await timed(plain.length, (i) => service.search(plain[i]!));
  const fts5Only: number[] = [];
  const ids = { app: [] as string[], fts5: [] as string[] };
  const idsOf = (found: { hits: { entry: { id: number } }[]; total: number }) =>
    `${found.total}: ${found.hits.map((hit) => hit.entry.id).join()}`;
  const syntax = await timed(
    operators.length,
    async (i) => {
      const results = await calls['research.search'](operators[i]!, NO_FILTER, SEARCH_PAGE);
      found += results.hits.length;
      ids.app[i] = idsOf(results);
    },
    async (i) => {
      const start = performance.now();
      ids.fts5[i] = idsOf(
        await fts5Calls['research.search'](operators[i]!, NO_FILTER, SEARCH_PAGE),
      );
      fts5Only.push(performance.now() - start);
    },
  );
  const same = ids.app.filter((found, i) => found === ids.fts5[i]).length;
  await fts5.close();
  const unread = { ...NO_FILTER, status: 'unread' as const };
  const filtered = await timed(operators.length, (i) =>
    calls['research.search'](operators[i]!, unread, SEARCH_PAGE),
  );
  const plainFiltered = await timed(plain.length, (i) =>
    calls['research.search'](plain[i]!, { ...NO_FILTER, duplicates: true }, SEARCH_PAGE),
  );
  console.log(`plain queries (baseline), p50/p95: ${figure(baseline)}`);
  console.log(
    `operator queries, snippets, p50/p95: ${figure(syntax)} (${(found / operators.length).toFixed(1)} results each)`,
  );
  fts5Only.sort((a, b) => a - b);
  const at = (q: number) =>
    fts5Only[Math.min(fts5Only.length - 1, Math.floor(q * fts5Only.length))]!;
  console.log(
    `  baseline, FTS5 ranking alone:  ${at(0.5).toFixed(1)} / ${at(0.95).toFixed(1)} ms wall (same queries, in turn); same results and totals: ${same}/${operators.length}`,
  );
  console.log(`operator queries + Unread filter: ${figure(filtered)}`);
  console.log(`plain queries + Duplicates filter: ${figure(plainFiltered)}`);
}

/** The list's Reading and Duplicates filters as the window runs them on the facts main sends. */
export async function measureFilters(entries: LibraryEntry[], facts: LibraryFacts) {
  const copies = copiesById(facts);
  const records = recordsById(facts, NO_RECORDS);
  const none = { status: '' as const, duplicatesOnly: false, named: null };
  const states = ['finished', 'reading', 'unread'] as const;
  const status = await timed(30, async (i) => {
    const records = recordsById(facts, NO_RECORDS);
    return keepEntries(entries, { ...none, status: states[i % 3]! }, records, copies);
  });
  const duplicates = await timed(30, async () =>
    keepEntries(entries, { ...none, duplicatesOnly: true }, records, copiesById(facts)),
  );
  console.log(`Reading filter over ${entries.length}, p50/p95: ${figure(status)}`);
  console.log(`Duplicates filter, p50/p95:      ${figure(duplicates)}`);
}

/** Opening (folding every entry once) and searching All highlights, as its view does. */
export async function measureHighlightSearch(all: HighlightEntry[]) {
  let folded: string[] = [];
  const open = await timed(10, async () => {
    folded = all.map(foldedHighlight);
    return filterHighlights(all, folded, '', '');
  });
  const queries = ['kyiv', 'talks cease', '"kyiv ceasefire"', 'note 12', 'zzz', 'pass'];
  const search = await timed(60, async (i) =>
    filterHighlights(all, folded, i % 4 === 0 ? 'yellow' : '', queries[i % queries.length]!),
  );
  console.log(`All highlights, fold for view:   ${figure(open)}`);
  console.log(`All highlights search, p50/p95:  ${figure(search)}`);
}
