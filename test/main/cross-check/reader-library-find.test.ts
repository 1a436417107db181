/**
 * The reader, the library and find must agree on every article: the list shows the title, source
 * and date the reader shows, and a library search finds an article exactly when find counts a match
 * in it, for every typographic variant of a word find treats as the same word. Run over every
 * fixture (the articles, the bundled sample, the hostile corpus) and generated articles, through
 * the real library (scan, index) and the reader's own file loading.
 */
import fc from 'fast-check';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadArticleFile } from '../../../src/main/services/article-file';
import { libraryDbFile } from '../../../src/main/services/library/library-db';
import { LibraryService } from '../../../src/main/services/library/library-service';
import { toMatchExpression } from '../../../src/main/services/library/match-expression';
import type { Article } from '../../../src/shared/article';
import { foldText } from '../../../src/shared/find-normalise';
import { compileQuery } from '../../../src/shared/find-text-index';
import type { LibraryEntry } from '../../../src/shared/library';
import { parseLibraryQuery } from '../../../src/shared/library-query';
import { articleText } from '../../support/article-arbitrary';
import { generateRealisticArticle } from '../../support/generate-articles';
import { typographicArticles } from '../../support/typographic-articles';
import { articleWords, typographicVariants, wordsOf } from './article-words';

let folder: string;
let userData: string;
let service: LibraryService;
let entries: LibraryEntry[];
const articles = new Map<string, Article>();

function writeAll(dir: string, files: { name: string; text: string }[]) {
  mkdirSync(join(folder, dir));
  for (const file of files) writeFileSync(join(folder, dir, file.name), file.text);
}

beforeAll(async () => {
  folder = realpathSync(mkdtempSync(join(tmpdir(), 'lectern-cross-')));
  userData = mkdtempSync(join(tmpdir(), 'lectern-cross-data-'));
  cpSync(resolve('test/fixtures'), join(folder, 'fixtures'), { recursive: true });
  cpSync(resolve('resources'), join(folder, 'resources'), { recursive: true });
  writeAll('typographic', typographicArticles(60));
  writeAll(
    'realistic',
    Array.from({ length: 15 }, (_, i) => ({
      name: `${i}.txt`,
      text: generateRealisticArticle(3000, i + 1, { source: `Source ${i}`, date: '2024-05-06' }),
    })),
  );
  const arbitrary = fc.sample(articleText(), { seed: 14, numRuns: 40 });
  writeAll(
    'arbitrary',
    arbitrary.map((text, i) => ({ name: `${String(i).padStart(3, '0')}_generated.md`, text })),
  );
  service = new LibraryService({ userDataDir: userData, emit: () => undefined });
  await service.open(folder);
  await service.whenIdle();
  entries = service.snapshot().entries;
  for (const entry of entries) articles.set(entry.path, await loadArticleFile(entry.path));
}, 120_000);

afterAll(async () => {
  await service?.close();
  rmSync(folder, { recursive: true, force: true });
  rmSync(userData, { recursive: true, force: true });
});

describe('the library list and the reader', () => {
  test('show the same title, source and date for every article', () => {
    const files = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((f) =>
      f.isFile(),
    );
    // Every file is listed or listed as broken (the generated set holds a few blank ones).
    expect(entries.length + service.snapshot().broken.length).toBe(files.length);
    expect(entries.length).toBeGreaterThan(150);
    const differ = entries.flatMap((entry) => {
      const article = articles.get(entry.path)!;
      const reader = {
        title: article.title,
        source: article.bylines[0]?.name ?? '',
        date: article.date?.iso ?? null,
      };
      const list = { title: entry.title, source: entry.source, date: entry.date };
      return JSON.stringify(list) === JSON.stringify(reader)
        ? []
        : [{ file: relative(folder, entry.path), list, reader }];
    });
    expect(differ).toEqual([]);
  });

  test('read the header without a # title as the reader does', () => {
    const bare = entries.filter((entry) => articles.get(entry.path)!.titleFrom === 'first-line');
    expect(bare.length).toBeGreaterThan(10);
    expect(bare.filter((entry) => entry.source !== '' && entry.date !== null).length).toBe(15);
  });
});

/**
 * Articles in the saved format: every fixture and the generated typographic and realistic sets. (The
 * arbitrary Markdown above is left out here: the index reads text line by line, not as Markdown, so
 * inside a code block or a malformed link a word can differ; its headers are checked above.)
 */
const savedFormat = (entry: LibraryEntry) => !relative(folder, entry.path).startsWith('arbitrary');

describe('library search and find', () => {
  let match: (typed: string) => Set<string> | null;
  let find: (typed: string) => Set<string>;
  let db: DatabaseSync;
  let pool: ReturnType<typeof wordsOf>;

  beforeAll(() => {
    const saved = entries.filter(savedFormat);
    db = new DatabaseSync(libraryDbFile(userData, folder), { readOnly: true });
    const query = db.prepare(
      'SELECT f.rel FROM articles JOIN files f ON f.id = articles.rowid WHERE articles MATCH ?',
    );
    // The library's own reading of a query, run against its index without the ranking's limit.
    match = (typed) => {
      const expression = toMatchExpression(parseLibraryQuery(typed));
      if (!expression) return null;
      const rels = (query.all(expression) as { rel: string }[]).map((row) => row.rel);
      return new Set(rels.filter((rel) => !rel.startsWith('arbitrary')));
    };
    // Find's own folding and pattern (Whole word, as the library matches whole words), compiled
    // once a query rather than once an article.
    const texts = saved.map((entry) => ({
      rel: relative(folder, entry.path).split('\\').join('/'),
      folded: foldText(articleWords(articles.get(entry.path)!).join('\u0000'), true).text,
    }));
    find = (typed) => {
      const compiled = compileQuery(typed, { matchCase: false, wholeWord: true, regex: false });
      if (!compiled.ok || !compiled.regex) throw new Error(`find refused ${typed}`);
      const pattern = new RegExp(compiled.regex.source, compiled.regex.flags.replace('g', ''));
      return new Set(texts.filter(({ folded }) => pattern.test(folded)).map(({ rel }) => rel));
    };
    pool = wordsOf(saved.map((entry) => articles.get(entry.path)!));
  });

  afterAll(() => db?.close());

  test('find an article for exactly the same words, in every typographic form', () => {
    const mismatches: object[] = [];
    let checked = 0;
    for (const word of pool.words) {
      for (const typed of typographicVariants(word)) {
        const library = match(`"${typed}"`);
        if (!library) continue;
        checked++;
        const found = find(typed);
        const onlyFind = [...found].filter((rel) => !library.has(rel));
        const onlyLibrary = [...library].filter((rel) => !found.has(rel));
        if (onlyFind.length || onlyLibrary.length) {
          mismatches.push({ word, typed, onlyFind, onlyLibrary });
          break;
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(2000);
  }, 120_000);

  test('treat a phrase typed with any space or quote as the same phrase', () => {
    for (const phrase of pool.phrases) {
      const library = match(`"${phrase}"`)!;
      const found = find(phrase);
      // A phrase matches its words in order; the library also across punctuation ("by. It").
      expect(
        [...found].filter((rel) => !library.has(rel)),
        phrase,
      ).toEqual([]);
      for (const typed of typographicVariants(phrase)) {
        expect(match(`“${typed}”`), typed).toEqual(library);
        expect(find(typed), typed).toEqual(found);
      }
    }
    expect(pool.phrases.length).toBeGreaterThan(20);
  }, 120_000);

  test('finds “Hawaiʻi” for Hawai’i typed any way, as Ctrl+F does', async () => {
    for (const typed of ["Hawai'i", 'Hawai’i', 'Hawaiʻi', 'Hawai´i', 'Hawai‵i', 'Hawai‹i']) {
      const { hits } = await service.search(`${typed} `, 500);
      const okina = hits.filter((hit) => /Hawaiʻi/.test(hit.snippet.map((p) => p.text).join('')));
      expect(okina.length, typed).toBeGreaterThan(0);
    }
  });
});
