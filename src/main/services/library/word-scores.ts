/**
 * Word scores: the library's own index beside FTS5's, for the broad searches FTS5 ranks slowly.
 *
 * bm25 scores every article a search matches, about a microsecond each, so `company OR about`
 * (46 000 of 50 000 articles) takes 50 ms however it is split. But FTS5's bm25 is a sum over the
 * search's phrases of idf(phrase) × g(weighted count in the article, article length), and for a
 * single word everything in it is known ahead: the weighted count of every common word in every
 * article is kept here, in memory, with each article's length. A search made only of words (with
 * OR, exclusions and the list's conditions) is then scored in JavaScript with FTS5's own formula,
 * in the order FTS5 adds it up, so the ranking is the one FTS5 gives, score for score (the unit
 * test compares them). Its less common words are read from FTS5 at search time, as it would.
 *
 * Built on the ranking thread once the indexer is idle, word by word between searches, and thrown
 * away as soon as the library changes; until it is whole, searches are ranked by FTS5 as before.
 */
import type { QueryClause, SyntaxQuery } from '../../../shared/library-query-syntax';
import { IndexVocabulary } from './index-vocabulary';
import type { LibraryDb } from './library-db';
import type { RankConditions, Ranked } from './library-ranking';
import { rowsAs } from './sqlite';

/** One word of a search, whole or (still being typed) as a beginning. */
export interface ScoredWord {
  word: string;
  prefix: boolean;
}

/**
 * A search of words only: every group must match (any word of it), no word of `none` may. The
 * words are in the order FTS5 numbers the phrases of the same search (syntax-search's matchOf).
 */
export interface ScoredQuery {
  all: ScoredWord[][];
  none: ScoredWord[];
}

/** The search as words, or null when it holds a phrase, NEAR or a field (FTS5 ranks those). */
export function scoredQueryOf(query: SyntaxQuery): ScoredQuery | null {
  const wordsOf = (clause: QueryClause): ScoredWord[] | null => {
    if (clause.type === 'near') return null;
    if (clause.type === 'any') {
      const parts = clause.of.map(wordsOf);
      return parts.every((part) => part !== null) ? parts.flat() : null;
    }
    const { term } = clause;
    if (term.field || term.words.length !== 1) return null;
    return [{ word: term.words[0]!, prefix: term.prefix }];
  };
  const all = query.all.map(wordsOf);
  const none = query.none.map(wordsOf);
  if (!all.length || all.some((g) => !g) || none.some((g) => !g)) return null;
  return { all: all as ScoredWord[][], none: (none as ScoredWord[][]).flat() };
}

// FTS5's bm25 constants (the columns' weights are in the statement that reads counts).
const K1 = 1.2;
const B = 0.75;
/** A word in this share of the articles or more is kept here (and in at least this many). */
const COMMON_SHARE = 0.1;
const COMMON_FLOOR = 500;
/** Rows of less common words a search may read from FTS5 here; past it FTS5 ranks it all. */
const READ_BUDGET = 6000;
/** Less common words a beginning may stand for, each read from FTS5 on its own; past it FTS5 ranks. */
const MOST_WORDS_READ = 24;
/** Counts are kept in a byte; the few larger ones beside it. */
const BYTE_MAX = 255;

/** SQLite's varints, as FTS5 writes its row sizes and totals. */
export function readVarints(bytes: Uint8Array): number[] {
  const values: number[] = [];
  let at = 0;
  while (at < bytes.length) {
    let value = 0;
    for (let n = 1; ; n++) {
      const byte = bytes[at++]!;
      if (n === 9) {
        value = value * 256 + byte;
        break;
      }
      value = value * 128 + (byte & 0x7f);
      if (!(byte & 0x80)) break;
    }
    values.push(value);
  }
  return values;
}

/** A word's weighted counts per article (by index), its bytes and the few larger counts. */
interface CommonWord {
  counts: Uint8Array;
  large: Map<number, number>;
  hits: number;
}

/** What a search reads: counts by article index, and in how many articles there are any. */
interface Counts {
  of: Float64Array;
  hits: number;
}

export class WordScores {
  readonly #db: LibraryDb;
  /** Article rowids in index order, and each one's index. */
  #ids = new Int32Array(0);
  #indexOf = new Map<number, number>();
  /** Each article's `1 - b + b·D/avgdl`, the part of bm25's denominator its length sets. */
  #lengthParts = new Float64Array(0);
  #rows = 0;
  #vocabulary: IndexVocabulary | null = null;
  #common = new Map<string, CommonWord>();
  #files: { ok: Uint8Array; source: (string | null)[]; date: (string | null)[] } | null = null;
  #ready = false;
  #generation = 0;
  readonly #counts;
  readonly #log;

  /** `commonFrom`: keep words found in this many articles or more (default: a tenth, from 500). */
  readonly #commonFrom: number | undefined;

  constructor(db: LibraryDb, options: { commonFrom?: number } = {}) {
    this.#db = db;
    this.#commonFrom = options.commonFrom;
    this.#counts = db.prepare(
      `WITH r AS MATERIALIZED (SELECT rowid AS id, bm25(articles, 10.0, 4.0, 1.0) AS s
         FROM articles WHERE articles MATCH ?)
       SELECT group_concat(id || ' ' || s, ' ') AS pairs, count(*) AS hits FROM r`,
    );
    this.#log = db.prepare('SELECT ln(?) AS idf');
  }

  /**
   * FTS5's idf, never below a millionth. The logarithm is SQLite's own (the C library's, as FTS5
   * takes it): JavaScript's differs from it in the last bit for one number in fourteen.
   */
  #idfOf(hits: number): number {
    const ratio = (this.#rows - hits + 0.5) / (hits + 0.5);
    const { idf } = this.#log.get(ratio) as { idf: number | null };
    return idf === null || idf <= 0 ? 1e-6 : idf;
  }

  get ready(): boolean {
    return this.#ready;
  }

  /** The library changed: what was built is dropped, and a build under way stops. */
  drop() {
    this.#generation++;
    this.#ready = false;
    this.#common.clear();
    this.#files = null;
    this.#vocabulary = null;
  }

  /**
   * Builds the whole index, a word at a time, `pause` between words (searches are answered
   * then). Resolves false when the library changed meanwhile (what was built is dropped).
   */
  async build(pause: () => Promise<void>): Promise<boolean> {
    this.drop();
    const generation = this.#generation;
    this.#readSizes();
    this.#vocabulary = new IndexVocabulary(this.#db);
    this.#readFiles();
    const floor = this.#commonFrom ?? Math.max(COMMON_FLOOR, this.#rows * COMMON_SHARE);
    const common = this.#vocabulary.common(floor);
    for (const word of common) {
      await pause();
      if (generation !== this.#generation) return false;
      const counts = this.#read(`"${word}"`);
      if (!counts) return false;
      this.#common.set(word, this.#pack(counts));
    }
    this.#ready = generation === this.#generation;
    return this.#ready;
  }

  #readSizes() {
    const averages = this.#db.prepare('SELECT block FROM articles_data WHERE id = 1').get();
    const totals = readVarints(averages?.block as Uint8Array);
    this.#rows = totals[0] ?? 0;
    const tokens = totals.slice(1).reduce((sum, n) => sum + n, 0);
    // As FTS5 works it out: (double)nToken / (double)nRow.
    const averageLength = tokens / this.#rows;
    const sizes = rowsAs<{ id: number; sz: Uint8Array }>(
      this.#db.prepare('SELECT id, sz FROM articles_docsize ORDER BY id').all(),
    );
    this.#ids = new Int32Array(sizes.length);
    this.#lengthParts = new Float64Array(sizes.length);
    this.#indexOf = new Map();
    sizes.forEach((row, i) => {
      this.#ids[i] = row.id;
      this.#indexOf.set(row.id, i);
      const length = readVarints(row.sz).reduce((sum, n) => sum + n, 0);
      this.#lengthParts[i] = 1 - B + (B * length) / averageLength;
    });
  }

  #readFiles() {
    const n = this.#ids.length;
    const files = {
      ok: new Uint8Array(n),
      source: new Array(n).fill(null),
      date: new Array(n).fill(null),
    };
    const rows = this.#db.prepare('SELECT id, source, date, error IS NULL AS ok FROM files').all();
    for (const row of rowsAs<{ id: number; source: string; date: string | null; ok: number }>(
      rows,
    )) {
      const i = this.#indexOf.get(row.id);
      if (i === undefined) continue;
      files.ok[i] = row.ok;
      files.source[i] = row.source;
      files.date[i] = row.date;
    }
    this.#files = files;
  }

  /**
   * Every article's weighted count of an FTS5 phrase, worked back from FTS5's own bm25 of it
   * alone (a sum of the columns' weights, so a whole number); null if one is not.
   */
  #read(phrase: string): Counts | null {
    const { pairs, hits } = this.#counts.get(phrase) as { pairs: string | null; hits: number };
    const of = new Float64Array(this.#ids.length);
    if (!pairs) return { of, hits: 0 };
    const idf = this.#idfOf(hits);
    const parts = pairs.split(' ');
    for (let p = 0; p < parts.length; p += 2) {
      const i = this.#indexOf.get(Number(parts[p]));
      if (i === undefined) return null;
      const share = -Number(parts[p + 1]);
      const k = K1 * this.#lengthParts[i]!;
      const count = (share * k) / (idf * (K1 + 1.0) - share);
      const whole = Math.round(count);
      if (!(Math.abs(count - whole) < 1e-6) || whole <= 0) return null;
      of[i] = whole;
    }
    return { of, hits };
  }

  #pack(counts: Counts): CommonWord {
    const bytes = new Uint8Array(counts.of.length);
    const large = new Map<number, number>();
    counts.of.forEach((count, i) => {
      bytes[i] = Math.min(count, BYTE_MAX);
      if (count >= BYTE_MAX) large.set(i, count);
    });
    return { counts: bytes, large, hits: counts.hits };
  }

  #unpack(word: CommonWord, into: Float64Array) {
    const { counts, large } = word;
    for (let i = 0; i < counts.length; i++) if (counts[i]) into[i]! += counts[i]!;
    for (const [i, count] of large) into[i]! += count - BYTE_MAX;
  }

  /** The words of the index a search word stands for (itself, or all it begins), with counts. */
  #wordsFor(word: ScoredWord): { word: string; hits: number }[] {
    const vocabulary = this.#vocabulary!;
    return vocabulary
      .find(word.word, word.prefix)
      .map((i) => ({ word: vocabulary.wordAt(i), hits: vocabulary.articlesWith(i) }));
  }

  /**
   * A search word's counts, summed over the words of the index it stands for (a beginning counts
   * every word it begins, as FTS5's count of it does): common ones from memory, the rest from FTS5.
   */
  #countsOf(word: ScoredWord, budget: { rows: number }): Counts | null {
    const words = this.#wordsFor(word);
    const rare = words.filter((w) => !this.#common.has(w.word));
    budget.rows -= rare.reduce((sum, w) => sum + w.hits, 0);
    if (budget.rows < 0) return null;
    // None common: FTS5 counts the search word itself, in one go.
    if (rare.length && rare.length === words.length) {
      return this.#read(`"${word.word}"${word.prefix ? '*' : ''}`);
    }
    if (rare.length > MOST_WORDS_READ) return null;
    const of = new Float64Array(this.#ids.length);
    for (const { word: w } of words) {
      const common = this.#common.get(w);
      if (common) {
        this.#unpack(common, of);
        continue;
      }
      const counts = this.#read(`"${w}"`);
      if (!counts) return null;
      for (let i = 0; i < of.length; i++) of[i]! += counts.of[i]!;
    }
    let hits = 0;
    for (let i = 0; i < of.length; i++) if (of[i]) hits++;
    return { of, hits };
  }

  /**
   * The best `limit` articles and how many match in all, as FTS5 would rank them; null when this
   * search is better left to FTS5 (not built, no common word in it, or too much to read).
   */
  rank(
    query: ScoredQuery,
    conditions: RankConditions | null,
    limit: number,
  ): { ranked: Ranked[]; total: number } | null {
    if (!this.#ready || limit < 1) return null;
    const every = [...query.all.flat(), ...query.none];
    if (!every.some((w) => this.#wordsFor(w).some((found) => this.#common.has(found.word)))) {
      return null;
    }
    const budget = { rows: READ_BUDGET };
    const n = this.#ids.length;
    const score = new Float64Array(n);
    const groups = new Uint16Array(n);
    for (const group of query.all) {
      const inGroup = new Uint8Array(n);
      for (const word of group) {
        const counts = this.#countsOf(word, budget);
        if (!counts) return null;
        const idf = this.#idfOf(counts.hits);
        const { of } = counts;
        for (let i = 0; i < n; i++) {
          const f = of[i]!;
          if (!f) continue;
          // FTS5's sum, term by term in the same order: aIDF * ((f*(k1+1)) / (f + k1*(1-b+b*D/avgdl))).
          score[i]! += idf * ((f * (K1 + 1.0)) / (f + K1 * this.#lengthParts[i]!));
          inGroup[i] = 1;
        }
      }
      for (let i = 0; i < n; i++) groups[i]! += inGroup[i]!;
    }
    for (const word of query.none) {
      const counts = this.#countsOf(word, budget);
      if (!counts) return null;
      for (let i = 0; i < n; i++) if (counts.of[i]) groups[i] = 0;
    }
    const keep = this.#conditionTest(conditions);
    const best = new TopRanked(limit);
    let total = 0;
    for (let i = 0; i < n; i++) {
      if (groups[i] !== query.all.length || !keep(i)) continue;
      total++;
      best.offer(this.#ids[i]!, -1.0 * score[i]!);
    }
    return { ranked: best.sorted(), total };
  }

  /** library-ranking's FILE_CONDITIONS, over the files as they were when this was built. */
  #conditionTest(conditions: RankConditions | null): (i: number) => boolean {
    if (!conditions) return () => true;
    const files = this.#files!;
    const { source, from, to } = conditions;
    const only = conditions.only ? new Set<number>(JSON.parse(conditions.only)) : null;
    const not = conditions.not ? new Set<number>(JSON.parse(conditions.not)) : null;
    return (i) => {
      if (!files.ok[i]) return false;
      if (source !== null && files.source[i] !== source) return false;
      const date = files.date[i] ?? null;
      if (from !== null && (date === null || date < from)) return false;
      if (to !== null && (date === null || date > to)) return false;
      const id = this.#ids[i]!;
      return (!only || only.has(id)) && (!not || !not.has(id));
    };
  }
}

/** The best `limit` by score, then rowid, as `ORDER BY score, rowid LIMIT n` keeps them. */
class TopRanked {
  readonly #limit: number;
  readonly #kept: Ranked[] = [];

  constructor(limit: number) {
    this.#limit = limit;
  }

  offer(id: number, score: number) {
    const kept = this.#kept;
    if (kept.length === this.#limit) {
      const worst = kept[kept.length - 1]!;
      if (score > worst.score || (score === worst.score && id > worst.id)) return;
      kept.pop();
    }
    let at = kept.length;
    while (
      at > 0 &&
      (kept[at - 1]!.score > score || (kept[at - 1]!.score === score && kept[at - 1]!.id > id))
    )
      at--;
    kept.splice(at, 0, { id, score });
  }

  sorted(): Ranked[] {
    return this.#kept;
  }
}
