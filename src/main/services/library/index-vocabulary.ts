/**
 * Every word of the library's index with the number of articles holding it, read once from FTS5
 * (fts5vocab) and kept compact: one string of the words, their offsets and counts, in FTS5's own
 * order (UTF-8 bytes, which is code point order), so a word's beginning finds the words FTS5's
 * prefix search would. A library can hold half a million words; as one string they are a few MB.
 */
import type { LibraryDb } from './library-db';

/** JavaScript compares UTF-16 units; this compares code points, as FTS5's byte order does. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** Surrogates (characters past U+FFFF) come after U+E000–U+FFFF in code point order. */
function codePointRank(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}

export class IndexVocabulary {
  readonly #words: string;
  readonly #starts: Int32Array;
  readonly #counts: Int32Array;

  constructor(db: LibraryDb) {
    db.exec(
      'CREATE VIRTUAL TABLE IF NOT EXISTS temp.index_words USING fts5vocab(main, articles, row)',
    );
    const { words, counts } = db
      .prepare(
        `SELECT group_concat(term, char(10)) AS words, group_concat(doc) AS counts
         FROM (SELECT term, doc FROM temp.index_words ORDER BY term)`,
      )
      .get() as { words: string | null; counts: string | null };
    this.#words = words ?? '';
    const n = words ? counts!.split(',').length : 0;
    this.#counts = new Int32Array(n);
    this.#starts = new Int32Array(n + 1);
    if (!n) return;
    counts!.split(',').forEach((count, i) => (this.#counts[i] = Number(count)));
    let at = 0;
    for (let i = 0; i < n; i++) {
      this.#starts[i] = at;
      const end = this.#words.indexOf('\n', at);
      at = end === -1 ? this.#words.length + 1 : end + 1;
    }
    this.#starts[n] = at;
  }

  get size(): number {
    return this.#counts.length;
  }

  wordAt(i: number): string {
    return this.#words.slice(this.#starts[i]!, this.#starts[i + 1]! - 1);
  }

  articlesWith(i: number): number {
    return this.#counts[i]!;
  }

  /** The words held in `least` articles or more. */
  common(least: number): string[] {
    const found: string[] = [];
    for (let i = 0; i < this.size; i++) if (this.#counts[i]! >= least) found.push(this.wordAt(i));
    return found;
  }

  /** The indexes of the words that begin with `start` (or only `start` itself, when not `prefix`). */
  find(start: string, prefix: boolean): number[] {
    let low = 0;
    let high = this.size;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (compareCodePoints(this.wordAt(mid), start) < 0) low = mid + 1;
      else high = mid;
    }
    const found: number[] = [];
    for (let i = low; i < this.size; i++) {
      const word = this.wordAt(i);
      if (prefix ? !word.startsWith(start) : word !== start) break;
      found.push(i);
    }
    return found;
  }
}
