import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  LAST_ROWID,
  mergeRanked,
  prepareRanking,
  type RankHelper,
} from '../../../../src/main/services/library/library-ranking';
import {
  LibraryService,
  type LibraryServiceOptions,
} from '../../../../src/main/services/library/library-service';
import { NO_LIMITS } from '../../../../src/main/services/library/syntax-search';
import { parseSearchQuery } from '../../../../src/shared/library-query-syntax';
import {
  inlineSnippetReader,
  readSnippets,
} from '../../../../src/main/services/library/snippet-reader';
import { generateRealisticArticle, realisticQueries } from '../../../support/generate-articles';

let folder: string;
let userData: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'lectern-rank-'));
  userData = mkdtempSync(join(tmpdir(), 'lectern-rank-data-'));
  mkdirSync(join(folder, 'a'));
  for (let i = 0; i < 400; i++) {
    const name = `${String(i).padStart(3, '0')}_${i.toString(16).padStart(16, '0')}.txt`;
    // Three sources and dates over nine months, for searches within the list's filters.
    const source = ['Agence Test', 'Reuters', 'The Moscow Times'][i % 3];
    const date = `2025-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`;
    writeFileSync(join(folder, 'a', name), generateRealisticArticle(2500, i + 1, { source, date }));
  }
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
  rmSync(userData, { recursive: true, force: true });
});

/** The helper thread's work, on a second connection in this thread: same SQL, same split. */
function secondConnection(calls: { count: number }) {
  return (dbFile: string): RankHelper => {
    const db = new DatabaseSync(dbFile, { readOnly: true });
    const rank = prepareRanking(db);
    return {
      rank: async (match, after, limit, conditions) => {
        calls.count++;
        return rank(match, after, LAST_ROWID, limit, conditions);
      },
      close: () => db.close(),
    };
  };
}

/** The test folder's library opened with `options`: `ask`'s answer for each item, in order. */
async function answers<T, R>(
  options: Partial<LibraryServiceOptions>,
  items: readonly T[],
  ask: (service: LibraryService, item: T) => Promise<R>,
): Promise<R[]> {
  const service = new LibraryService({ userDataDir: userData, emit: () => undefined, ...options });
  try {
    await service.open(folder);
    await service.whenIdle();
    const found: R[] = [];
    for (const item of items) found.push(await ask(service, item));
    return found;
  } finally {
    await service.close();
  }
}

describe('library ranking in two halves', () => {
  it('gives exactly the order of one whole ranking', async () => {
    const queries = [...realisticQueries(40), 'the', '"of the"', 'zz'];
    const idsFound = async (service: LibraryService, query: string) =>
      (await service.search(query)).hits.map((h) => h.entry.id);
    const expected = await answers({}, queries, idsFound);
    const calls = { count: 0 };
    const split = { rankHelper: secondConnection(calls), splitSearchFrom: 100 };
    expect(await answers(split, queries, idsFound)).toEqual(expected);
    expect(calls.count).toBe(queries.length);
    expect(expected.filter((ids) => ids.length === 50).length).toBeGreaterThan(5);
  });

  it('ranks searches with the syntax and the list’s filters in two halves, as one whole', async () => {
    const typed = [
      ...realisticQueries(12).map((q) => q.split(' ')[0]!),
      'the -of',
      'the OR and',
      'source:Reuters the',
      '"of the" after:2025-03 before:2025-06',
      'the NEAR/5 of',
      'title:the',
      'zz',
    ];
    const limits = [
      NO_LIMITS,
      { ...NO_LIMITS, source: 'The Moscow Times', from: '2025-02-01' },
      { ...NO_LIMITS, not: [...Array(150).keys()].map((i) => i * 2 + 1) },
    ];
    const searches = typed.flatMap((t) => {
      const parsed = parseSearchQuery(t);
      if (!parsed.ok) throw new Error(t);
      return limits.map((l) => [parsed.query, l] as const);
    });
    const found = (service: LibraryService, [query, l]: (typeof searches)[number]) =>
      service.searchWith(query, l);
    const expected = await answers({}, searches, found);
    const calls = { count: 0 };
    const split = { rankHelper: secondConnection(calls), splitSearchFrom: 100 };
    expect(await answers(split, searches, found)).toEqual(expected);
    // Every search with words to rank was split; only a query with none lists without ranking.
    expect(calls.count).toBe(searches.length);
    expect(expected.filter((r) => r.hits.length === 50).length).toBeGreaterThan(10);
    // Some filtered searches found fewer than the whole page: the conditions held in both halves.
    expect(expected.some((r) => r.hits.length > 0 && r.hits.length < 50)).toBe(true);
  });

  it('starts the ranking thread once a library being indexed has grown big enough', async () => {
    const calls = { count: 0 };
    const service = new LibraryService({
      userDataDir: userData,
      emit: () => undefined,
      rankHelper: secondConnection(calls),
      splitSearchFrom: 100,
    });
    await service.open(folder);
    await service.whenIdle();
    await service.search('the');
    expect(calls.count).toBe(1);
    await service.close();
  });

  it('ranks the second half itself when the helper cannot', async () => {
    let asked = 0;
    const failing = (): RankHelper => ({
      rank: async () => {
        asked++;
        return null;
      },
      close: () => undefined,
    });
    const service = new LibraryService({
      userDataDir: userData,
      emit: () => undefined,
      rankHelper: failing,
      splitSearchFrom: 100,
    });
    await service.open(folder);
    await service.whenIdle();
    const ids = (await service.search('the')).hits.map((h) => h.entry.id);
    expect(asked).toBe(1);
    expect(ids).toHaveLength(50);
    // Both halves are represented, so the second was ranked inline rather than dropped.
    expect(Math.max(...ids)).toBeGreaterThan(200);
    expect(Math.min(...ids)).toBeLessThanOrEqual(200);
    await service.close();
  });

  it('reads half the hits’ snippets on the ranking thread, each beside its own hit', async () => {
    const queries = ['the', 'minister', '"of the"'];
    const whole = new LibraryService({ userDataDir: userData, emit: () => undefined });
    await whole.open(folder);
    await whole.whenIdle();
    const expected = [];
    for (const query of queries) expected.push(await whole.search(query));
    await whole.close();

    const asked: number[] = [];
    const withSnippets = (dbFile: string): RankHelper => ({
      ...secondConnection({ count: 0 })(dbFile),
      snippets: async (request) => {
        asked.push(request.rels.length);
        return readSnippets(request);
      },
    });
    // The app's snippet thread, played inline here.
    const snippetReader = () => ({ ...inlineSnippetReader(), offThread: true });
    const split = new LibraryService({
      userDataDir: userData,
      emit: () => undefined,
      rankHelper: withSnippets,
      snippetReader,
      splitSearchFrom: 100,
    });
    await split.open(folder);
    await split.whenIdle();
    for (const [i, query] of queries.entries()) {
      expect(await split.search(query), query).toEqual(expected[i]);
    }
    expect(asked).toEqual([25, 25, 25]);
    // A helper that cannot leaves its half to the snippet thread: nothing is lost.
    const failing = new LibraryService({
      userDataDir: userData,
      emit: () => undefined,
      rankHelper: (dbFile) => ({ ...withSnippets(dbFile), snippets: async () => null }),
      snippetReader,
      splitSearchFrom: 100,
    });
    await failing.open(folder);
    await failing.whenIdle();
    expect(await failing.search('the')).toEqual(expected[0]);
    await failing.close();
    await split.close();
  });

  it('merges by score, then rowid', () => {
    const a = [
      { id: 1, score: -3 },
      { id: 4, score: -1 },
    ];
    const b = [
      { id: 9, score: -3 },
      { id: 7, score: -2 },
    ];
    expect(mergeRanked(a, b, 3).map((r) => r.id)).toEqual([1, 9, 7]);
  });
});
