/** The index's words in FTS5's order: a beginning finds exactly the words FTS5's prefix search does. */
import { DatabaseSync } from 'node:sqlite';
import { expect, it } from 'vitest';
import {
  compareCodePoints,
  IndexVocabulary,
} from '../../../../src/main/services/library/index-vocabulary';

it('compares strings by code point, as UTF-8 bytes sort', () => {
  const words = ['a', 'b', 'z', 'é', '\uffef', '😀', 'ab', ''];
  const byBytes = [...words].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
  expect([...words].sort(compareCodePoints)).toEqual(byBytes);
  // JavaScript's own order puts the emoji (a surrogate pair) before U+FFEF.
  expect([...words].sort()).not.toEqual(byBytes);
});

it('finds a word, or every word a beginning starts, as FTS5 matches them', () => {
  const db = new DatabaseSync(':memory:');
  db.exec(`CREATE VIRTUAL TABLE articles USING fts5(title, source, body, prefix = '3',
    tokenize = 'unicode61 remove_diacritics 0');
    INSERT INTO articles (body) VALUES ('kyiv kyivan kyivstar kyi kharkiv'), ('kyivan café cafés 😀x ￯y'),
      ('cafe calm');`);
  const vocabulary = new IndexVocabulary(db);
  const words = (start: string, prefix: boolean) =>
    vocabulary.find(start, prefix).map((i) => [vocabulary.wordAt(i), vocabulary.articlesWith(i)]);
  expect(words('kyiv', true)).toEqual([
    ['kyiv', 1],
    ['kyivan', 2],
    ['kyivstar', 1],
  ]);
  expect(words('kyiv', false)).toEqual([['kyiv', 1]]);
  expect(words('caf', true).map(([w]) => w)).toEqual(['cafe', 'café', 'cafés']);
  expect(words('nothing', true)).toEqual([]);
  for (const start of ['kyi', 'caf', 'c', '😀', '\uffef']) {
    const fts = db
      .prepare(`SELECT count(*) AS n FROM articles WHERE articles MATCH ?`)
      .get(`"${start}"*`) as { n: number };
    expect(vocabulary.find(start, true).length > 0, start).toBe(fts.n > 0);
  }
  expect(vocabulary.common(2).sort()).toEqual(['kyivan']);
  db.close();
});
