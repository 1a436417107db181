/** Read-side queries on the library database: the list, the couldn't-open list and ranked search. */
import { join, sep } from 'node:path';
import type { BrokenEntry, LibraryEntry, SearchHit, SnippetPart } from '../../../shared/library';
import type { LibraryDb } from './library-db';
import { toMatchExpression } from './query-text';

const HIT_START = '\u0001';
const HIT_END = '\u0002';

interface Row {
  id: number;
  rel: string;
  title: string;
  source: string;
  date: string | null;
}

export class LibraryQueries {
  readonly #root: string;
  readonly #list;
  readonly #broken;
  readonly #search;

  constructor(db: LibraryDb, root: string) {
    this.#root = root;
    this.#list = db.prepare(
      `SELECT id, @prefix || replace(rel, '/', @sep) AS path, title, source, date
       FROM files WHERE error IS NULL`,
    );
    this.#broken = db.prepare('SELECT rel, error FROM files WHERE error IS NOT NULL ORDER BY rel');
    // FTS5 consumes `ORDER BY rank` itself (rank = bm25 with the table's title/source/body
    // weights): it ranks every match, sorts, and the auxiliary snippet() then runs only for the
    // rows the LIMIT lets through, without a second MATCH per row.
    this.#search = db.prepare(
      `SELECT f.id, f.rel, f.title, f.source, f.date,
         snippet(articles, -1, '${HIT_START}', '${HIT_END}', '…', 14) AS snippet
       FROM articles JOIN files f ON f.id = articles.rowid
       WHERE articles MATCH @match
       ORDER BY articles.rank
       LIMIT @limit`,
    );
  }

  /** Rows come out of SQLite already shaped as entries: 50 000 of them must not stall main. */
  entries(): LibraryEntry[] {
    return this.#list.all({ prefix: this.#root + sep, sep }) as LibraryEntry[];
  }

  broken(): BrokenEntry[] {
    return (this.#broken.all() as { rel: string; error: string }[]).map((row) => ({
      path: join(this.#root, row.rel),
      reason: row.error,
    }));
  }

  search(typed: string, limit: number): SearchHit[] {
    const expression = toMatchExpression(typed);
    if (!expression) return [];
    const rows = this.#search.all({ match: expression, limit }) as (Row & { snippet: string })[];
    return rows.map((row) => ({ entry: this.#entry(row), snippet: snippetParts(row.snippet) }));
  }

  #entry(row: Row): LibraryEntry {
    return {
      id: row.id,
      path: join(this.#root, row.rel),
      title: row.title,
      source: row.source,
      date: row.date,
    };
  }
}

/** Splits FTS5's marked snippet into plain runs, so nothing from a file is ever HTML. */
export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [index, piece] of marked.split(new RegExp(`[${HIT_START}${HIT_END}]`)).entries()) {
    if (piece) parts.push({ text: piece.replace(/\s+/g, ' '), hit: index % 2 === 1 });
  }
  return parts;
}
