/**
 * Word scores rank a search of words exactly as FTS5's bm25 does, score for score, with the same
 * total, under the list's conditions too; they say so (null) when FTS5 should rank instead.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { MessageChannel } from 'node:worker_threads';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { libraryDbFile } from '../../../../src/main/services/library/library-db';
import {
  LAST_ROWID,
  prepareRanking,
  type RankConditions,
  serveRanking,
  type RankHelper,
} from '../../../../src/main/services/library/library-ranking';
import { LibraryService } from '../../../../src/main/services/library/library-service';
import { matchOf, NO_LIMITS } from '../../../../src/main/services/library/syntax-search';
import { scoredQueryOf, WordScores } from '../../../../src/main/services/library/word-scores';
import { parseSearchQuery } from '../../../../src/shared/library-query-syntax';
import { generateRealisticArticle, seededRandom } from '../../../support/generate-articles';

const ARTICLES = 400;
const SOURCES = ['Agence Test', 'Reuters', 'The Moscow Times'];
let folder: string;
let userData: string;
let db: DatabaseSync;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'lectern-scores-'));
  userData = mkdtempSync(join(tmpdir(), 'lectern-scores-data-'));
  for (let i = 0; i < ARTICLES; i++) {
    const name = `${String(i).padStart(3, '0')}_${i.toString(16).padStart(16, '0')}.txt`;
    const date = `2025-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const text = generateRealisticArticle(1500 + (i % 7) * 700, i + 1, {
      source: SOURCES[i % 3],
      date,
    });
    writeFileSync(join(folder, name), text);
  }
  const service = new LibraryService({ userDataDir: userData, emit: () => {}, analyse: false });
  await service.open(folder);
  await service.whenIdle();
  await service.close();
  db = new DatabaseSync(libraryDbFile(userData, folder));
});

afterAll(() => {
  db?.close();
  rmSync(folder, { recursive: true, force: true });
  rmSync(userData, { recursive: true, force: true });
});

const immediately = () => Promise.resolve();

/** Words of the index with the number of articles holding each. */
function vocabulary(): { word: string; hits: number }[] {
  db.exec(
    'CREATE VIRTUAL TABLE IF NOT EXISTS temp.test_vocab USING fts5vocab(main, articles, row)',
  );
  return (
    db.prepare('SELECT term, doc FROM temp.test_vocab').all() as { term: string; doc: number }[]
  )
    .filter((row) => /^[a-z]{4,}$/.test(row.term))
    .map((row) => ({ word: row.term, hits: row.doc }));
}

it('ranks every search of words as FTS5 does, score for score, with the same total', async () => {
  const scores = new WordScores(db, { commonFrom: 100 });
  expect(await scores.build(immediately)).toBe(true);
  const words = vocabulary();
  const common = words.filter((w) => w.hits >= 100).map((w) => w.word);
  const rare = words.filter((w) => w.hits < 100 && w.hits > 2).map((w) => w.word);
  expect(common.length).toBeGreaterThan(20);
  const random = seededRandom(7);
  const pick = (list: string[]) => list[Math.floor(random() * list.length)]!;
  const any = () => (random() < 0.6 ? pick(common) : pick(rare));
  const forms = [
    () => `${pick(common)} OR ${any()}`,
    () => `${pick(common)} -${any()}`,
    () => `${any()} ${pick(common)} `,
    () => `${pick(common)} OR ${any()} -${any()} `,
    () => `after:2025-03 ${any()} OR ${pick(common)}`,
    () => `${pick(common)} ${pick(common).slice(0, 3)}`,
    () => `${any()} OR ${pick(common).slice(0, 4)}`,
    () => `-${any()} ${pick(common)} OR ${any()} ${any()} `,
  ];
  const conditions: (RankConditions | null)[] = [
    null,
    { source: 'Reuters', from: null, to: null, only: null, not: null },
    { source: null, from: '2025-02-01', to: '2025-06-30', only: null, not: null },
    {
      source: null,
      from: null,
      to: null,
      only: JSON.stringify([...Array(300).keys()].map((i) => i + 1)),
      not: JSON.stringify([3, 5, 8, 13, 21, 34, 55, 89]),
    },
  ];
  const rank = prepareRanking(db);
  const count = db.prepare(
    `SELECT count(*) AS n FROM articles JOIN files f ON f.id = articles.rowid
     WHERE articles MATCH @match AND f.error IS NULL
       AND (@source IS NULL OR f.source = @source)
       AND (@from IS NULL OR f.date >= @from) AND (@to IS NULL OR f.date <= @to)
       AND (@only IS NULL OR f.id IN (SELECT value FROM json_each(@only)))
       AND (@not IS NULL OR f.id NOT IN (SELECT value FROM json_each(@not)))`,
  );
  const countAll = db.prepare('SELECT count(*) AS n FROM articles WHERE articles MATCH ?');
  let compared = 0;
  let fullPages = 0;
  for (let i = 0; i < 400; i++) {
    const typed = forms[i % forms.length]!();
    const parsed = parseSearchQuery(typed);
    if (!parsed.ok) throw new Error(typed);
    const words = scoredQueryOf(parsed.query);
    expect(words, typed).not.toBeNull();
    const within = conditions[i % conditions.length]!;
    const { match } = matchOf(parsed.query);
    const fromScores = scores.rank(words!, within, 50);
    if (!fromScores) continue;
    const expected = rank(match!, 0, LAST_ROWID, 50, within);
    const total = within
      ? (count.get({ match: match!, ...within }) as { n: number }).n
      : (countAll.get(match!) as { n: number }).n;
    expect(fromScores.ranked, typed).toEqual(expected.map(({ id, score }) => ({ id, score })));
    expect(fromScores.total, typed).toBe(total);
    compared++;
    if (expected.length === 50) fullPages++;
  }
  // Nearly every search was ranked here (the rest begin too many less common words), many a full page.
  expect(compared).toBeGreaterThan(370);
  expect(fullPages).toBeGreaterThan(100);
});

it('leaves phrases, NEAR and fields to FTS5', () => {
  for (const typed of ['"a phrase"', 'kyiv NEAR/5 talks', 'title:kyiv', 'source:Reuters kyiv']) {
    const parsed = parseSearchQuery(typed);
    if (!parsed.ok) throw new Error(typed);
    expect(scoredQueryOf(parsed.query), typed).toBeNull();
  }
});

it('is not used before it is built, after the library changed, nor mid-build once dropped', async () => {
  const scores = new WordScores(db, { commonFrom: 100 });
  const [word] = vocabulary().filter((w) => w.hits >= 100);
  const words = { all: [[{ word: word!.word, prefix: false }]], none: [] };
  expect(scores.rank(words, null, 50)).toBeNull();
  let pauses = 0;
  const dropOnThird = async () => {
    if (++pauses === 3) scores.drop();
  };
  expect(await scores.build(dropOnThird)).toBe(false);
  expect(scores.rank(words, null, 50)).toBeNull();
  expect(await scores.build(immediately)).toBe(true);
  expect(scores.rank(words, null, 50)?.ranked.length).toBe(50);
  scores.drop();
  expect(scores.rank(words, null, 50)).toBeNull();
});

it('serves the library’s searches with operators once built, finding what FTS5 finds', async () => {
  const typed = ['national OR school -city', 'after:2025-03 people OR vote', 'money -have'];
  const searches = typed.map((t) => {
    const parsed = parseSearchQuery(t);
    if (!parsed.ok) throw new Error(t);
    return parsed.query;
  });
  const withLimits = { ...NO_LIMITS, source: 'Reuters' };
  const found = async (service: LibraryService) => {
    const results = [];
    for (const query of searches) {
      for (const limits of [NO_LIMITS, withLimits])
        results.push(await service.searchWith(query, limits));
    }
    return results;
  };
  const plain = new LibraryService({ userDataDir: userData, emit: () => {}, analyse: false });
  let expected;
  try {
    await plain.open(folder);
    await plain.whenIdle();
    expected = await found(plain);
  } finally {
    await plain.close();
  }
  let scoredCalls = 0;
  const helper = (dbFile: string): RankHelper => {
    const second = new DatabaseSync(dbFile);
    const scores = new WordScores(second, { commonFrom: 100 });
    return {
      rank: async () => null,
      scored: async (words, conditions, limit) => {
        const ranked = scores.rank(words, conditions, limit);
        if (ranked) scoredCalls++;
        return ranked;
      },
      buildScores: () => scores.build(immediately),
      dropScores: () => scores.drop(),
      close: () => second.close(),
    };
  };
  const service = new LibraryService({
    userDataDir: userData,
    emit: () => {},
    analyse: false,
    rankHelper: helper,
    splitSearchFrom: 100,
  });
  try {
    await service.open(folder);
    await service.whenIdle();
    expect(await service.whenScored()).toBe(true);
    expect(await found(service)).toEqual(expected);
    expect(scoredCalls).toBe(searches.length * 2);
    expect(expected.every((r) => r.hits.length > 0)).toBe(true);
  } finally {
    await service.close();
  }
});

it('is built, asked and dropped through the ranking thread’s requests', async () => {
  const { port1: thread, port2: main } = new MessageChannel();
  const second = new DatabaseSync(libraryDbFile(userData, folder));
  serveRanking(second, thread, { commonFrom: 100 });
  let next = 0;
  const waiting = new Map<number, (body: unknown) => void>();
  main.on('message', ({ id, body }: { id: number; body: unknown }) => waiting.get(id)?.(body));
  const ask = (body: object) =>
    new Promise<unknown>((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      main.postMessage({ id, body });
    });
  try {
    const [word] = vocabulary().filter((w) => w.hits >= 100);
    const query = { all: [[{ word: word!.word, prefix: false }]], none: [] };
    const scored = { kind: 'scored', query, conditions: null, limit: 50 };
    expect(await ask(scored)).toBeNull();
    // A rank request asked while the scores are built is answered meanwhile.
    const building = ask({ kind: 'build-scores' });
    const match = `"${word!.word}"`;
    expect(await ask({ kind: 'rank', match, after: 0, limit: 5, conditions: null })).toHaveLength(
      5,
    );
    expect(await building).toBe(true);
    const ranked = (await ask(scored)) as { ranked: { id: number }[]; total: number };
    expect(ranked.ranked).toHaveLength(50);
    expect(ranked.total).toBe(word!.hits);
    expect(await ask({ kind: 'drop-scores' })).toBe(true);
    expect(await ask(scored)).toBeNull();
  } finally {
    main.close();
    thread.close();
    second.close();
  }
});
