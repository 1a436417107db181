/** Read-side queries on the library database: the list, the couldn't-open list and ranked search. */
import { join, sep } from 'node:path';
import type { BrokenEntry, LibraryEntry, SearchHit, SearchResults } from '../../../shared/library';
import { parseLibraryQuery } from '../../../shared/library-query';
import type { LibraryDb } from './library-db';
import { entryOf, ROW_BY_ID, type Row } from './library-row';
import {
  LAST_ROWID,
  mergeRanked,
  prepareMatchCount,
  prepareRanking,
  SPLIT_FROM,
  type RankConditions,
  type RankHelper,
  type Ranked,
} from './library-ranking';
import { toMatchExpression } from './match-expression';
import type { SnippetReader } from './snippet-reader';
import { rowsAs } from './sqlite';

export class LibraryQueries {
  readonly #root: string;
  readonly #list;
  readonly #broken;
  readonly #rank;
  readonly #row;
  readonly #middle;
  readonly #count;
  /** The rowid splitting the articles in two halves; undefined until needed after a change. */
  #split: number | null | undefined;

  readonly #splitFrom: number;
  readonly #snippets: SnippetReader;

  constructor(db: LibraryDb, root: string, snippets: SnippetReader, splitFrom = SPLIT_FROM) {
    this.#root = root;
    this.#snippets = snippets;
    this.#splitFrom = splitFrom;
    this.#list = db.prepare(
      `SELECT id, @prefix || replace(rel, '/', @sep) AS path, title, source, date, mtime AS modified
       FROM files WHERE error IS NULL`,
    );
    this.#broken = db.prepare('SELECT rel, error FROM files WHERE error IS NOT NULL ORDER BY rel');
    this.#rank = prepareRanking(db);
    this.#row = db.prepare(ROW_BY_ID);
    this.#count = prepareMatchCount(db);
    this.#middle = db.prepare(
      `SELECT count(*) AS count,
         (SELECT id FROM files ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM files)) AS middle
       FROM files`,
    );
  }

  /** Rows come out of SQLite already shaped as entries: 50 000 of them must not stall main. */
  entries(): LibraryEntry[] {
    return rowsAs<LibraryEntry>(this.#list.all({ prefix: this.#root + sep, sep }));
  }

  broken(): BrokenEntry[] {
    return (this.#broken.all() as { rel: string; error: string }[]).map((row) => ({
      path: join(this.#root, row.rel),
      reason: row.error,
    }));
  }

  /** The files changed: the halves for ranking are found again at the next search. */
  invalidate() {
    this.#split = undefined;
  }

  /** True when the library is big enough for its searches to be ranked in two halves. */
  wantsSplit(): boolean {
    return this.#splitPoint() !== null;
  }

  async search(typed: string, limit: number, helper?: RankHelper | null): Promise<SearchResults> {
    const match = toMatchExpression(parseLibraryQuery(typed));
    if (!match) return { hits: [], total: 0 };
    const ranked = await this.rank(match, limit, helper ?? null);
    const rows = ranked.map(({ id }) => this.row(id)).filter((row) => !!row);
    const rels = rows.map((row) => row.rel);
    const snippets = await this.snippetsOf(rels, typed, helper ?? null);
    const hits: SearchHit[] = rows.map((row, i) => ({
      entry: this.#entry(row),
      snippet: snippets[i] ?? [],
    }));
    // Fewer than asked for is every match; only a full page needs counting.
    const total = ranked.length < limit ? hits.length : this.#count(match);
    return { hits, total };
  }

  /**
   * Read from the files themselves, off this thread: by the snippet thread, and when a ranking
   * thread is running (big libraries), half by each. A file gone or changed since is re-indexed by
   * the watcher.
   */
  async snippetsOf(rels: string[], query: string, helper: RankHelper | null) {
    const root = this.#root;
    const shared = helper?.snippets && this.#snippets.offThread;
    const half = shared ? Math.ceil(rels.length / 2) : rels.length;
    const theirs = rels.slice(half);
    const [mine, other] = await Promise.all([
      this.#snippets.snippets({ root, rels: rels.slice(0, half), query }),
      theirs.length ? helper!.snippets!({ root, rels: theirs, query }) : [],
    ]);
    return [...mine, ...(other ?? (await this.#snippets.snippets({ root, rels: theirs, query })))];
  }

  /**
   * The best `limit` matches of an FTS5 expression, within the files' conditions when given: a
   * plain search and one with the syntax are ranked alike, in two halves in a big library.
   */
  async rank(
    match: string,
    limit: number,
    helper: RankHelper | null,
    conditions: RankConditions | null = null,
  ): Promise<Ranked[]> {
    const split = helper ? this.#splitPoint() : null;
    if (!helper || split === null) return this.#rank(match, 0, LAST_ROWID, limit, conditions);
    // The helper's half is asked for first, so both halves are ranked at the same time.
    const theirs = helper.rank(match, split, limit, conditions);
    const mine = this.#rank(match, 0, split, limit, conditions);
    const other = (await theirs) ?? this.#rank(match, split, LAST_ROWID, limit, conditions);
    return mergeRanked(mine, other, limit);
  }

  /** The files row of an entry id, or undefined when it has gone since it was ranked. */
  row(id: number): Row | undefined {
    return this.#row.get(id) as Row | undefined;
  }

  #splitPoint(): number | null {
    if (this.#split === undefined) {
      const { count, middle } = this.#middle.get() as { count: number; middle: number | null };
      this.#split = count >= this.#splitFrom ? middle : null;
    }
    return this.#split;
  }

  #entry(row: Row): LibraryEntry {
    return entryOf(this.#root, row);
  }
}
