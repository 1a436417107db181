import { DatabaseSync } from 'node:sqlite';
import { expect, test } from 'vitest';
import { foldChar } from '../../../../src/shared/text-fold';

/**
 * The index holds text folded by the fold table; FTS5's unicode61 tokenizer must then only split it
 * into words. Were it to fold a character further (it folds final sigma, for one), the library
 * would find words that find in the article does not.
 */
test('the index tokenizer changes no character the fold leaves', () => {
  const db = new DatabaseSync(':memory:');
  db.exec(`CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'unicode61 remove_diacritics 2');
    CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance');`);
  const folded = new Set<string>();
  // The Basic Multilingual Plane: every script in use today, and every character a fold makes.
  for (let code = 0x80; code <= 0xffff; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const char = foldChar(String.fromCharCode(code), true);
    if (/^[\p{L}\p{N}\p{Co}]+$/u.test(char)) folded.add(char);
  }
  const all = [...folded];
  const insert = db.prepare('INSERT INTO t (rowid, x) VALUES (?, ?)');
  db.exec('BEGIN');
  // Each folded character between two x's, a row each: kept as it is, the row's one term is x…x.
  all.forEach((char, i) => insert.run(i + 1, `x${char}x`));
  db.exec('COMMIT');
  const termsOf = new Map<number, string[]>();
  for (const { term, doc } of db.prepare('SELECT term, doc FROM v').all() as {
    term: string;
    doc: number;
  }[]) {
    termsOf.set(doc, [...(termsOf.get(doc) ?? []), term]);
  }
  db.close();
  // One term other than x…x is a change. (Several terms is a split: a letter newer than this
  // SQLite's Unicode tables, which a query of it splits the same way.)
  const changed = all.filter((char, i) => {
    const terms = termsOf.get(i + 1) ?? [];
    return terms.length === 1 && terms[0] !== `x${char}x`;
  });
  expect(all.length).toBeGreaterThan(40_000);
  expect(changed).toEqual([]);
});
