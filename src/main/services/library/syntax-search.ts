/**
 * Searches with the library's syntax (shared/library-query-syntax) and the list's filters: words,
 * phrases, OR, NEAR and field terms become one FTS5 query ranked by bm25 as a plain search is;
 * exclusions a NOT; dates, source and the research filters conditions on the files table. A query
 * with no words to rank (only dates, exclusions or filters) lists the newest articles that fit.
 */
import { join } from 'node:path';
import type { LibraryEntry, SearchHit } from '../../../shared/library';
import type { QueryClause, QueryTerm, SyntaxQuery } from '../../../shared/library-query-syntax';
import type { LibraryDb } from './library-db';
import { queryPattern, snippetOf } from './library-snippet';
import { parseQuery, toMatchExpression } from './query-text';
import { readArticleText } from './read-article';
import { rowsAs } from './sqlite';

/** What the list's filters leave: conditions on the files, and entries kept or left out by id. */
export interface SearchLimits {
  source: string | null;
  /** Inclusive `YYYY-MM-DD` bounds. */
  from: string | null;
  to: string | null;
  /** Only these entries (reading status, copies, a name), or null for all. */
  only: number[] | null;
  /** Never these entries (the unread filter leaves out the ones read). */
  not: number[] | null;
}

export const NO_LIMITS: SearchLimits = {
  source: null,
  from: null,
  to: null,
  only: null,
  not: null,
};

const quoted = (term: QueryTerm) => `"${term.words.join(' ')}"${term.prefix ? '*' : ''}`;

/** One clause as FTS5 syntax; every word is quoted, so nothing typed is read as FTS5 syntax. */
export function clauseMatch(clause: QueryClause): string {
  if (clause.type === 'term') {
    const { term } = clause;
    return term.field ? `${term.field} : ${quoted(term)}` : quoted(term);
  }
  if (clause.type === 'near') {
    return `NEAR(${quoted(clause.terms[0])} ${quoted(clause.terms[1])}, ${clause.distance})`;
  }
  return `(${clause.of.map(clauseMatch).join(' OR ')})`;
}

/**
 * FTS5 ranks NOT above AND above OR: each side is bracketed. AND is spelt out: FTS5's implicit AND
 * joins phrases only, and `a (b OR c)` is a syntax error there.
 */
export function matchOf(query: SyntaxQuery): { match: string | null; excluded: string | null } {
  const match = query.all.map(clauseMatch).join(' AND ') || null;
  const excluded = query.none.map(clauseMatch).join(' OR ') || null;
  if (match && excluded) return { match: `(${match}) NOT (${excluded})`, excluded: null };
  return { match, excluded };
}

/** Every word and phrase sought, for the snippet's highlights. */
function soughtTerms(clauses: QueryClause[]): QueryTerm[] {
  return clauses.flatMap((c) =>
    c.type === 'term' ? [c.term] : c.type === 'near' ? c.terms : soughtTerms(c.of),
  );
}

const CONDITIONS = `f.error IS NULL
  AND (@source IS NULL OR f.source = @source)
  AND (@from IS NULL OR f.date >= @from) AND (@to IS NULL OR f.date <= @to)
  AND (@only IS NULL OR f.id IN (SELECT value FROM json_each(@only)))
  AND (@not IS NULL OR f.id NOT IN (SELECT value FROM json_each(@not)))`;

interface Row {
  id: number;
  rel: string;
  title: string;
  source: string;
  date: string | null;
  mtime: number;
}

export class SyntaxSearch {
  readonly #root: string;
  readonly #ranked;
  readonly #listed;

  constructor(db: LibraryDb, root: string) {
    this.#root = root;
    // Scores are bm25 with the plain search's weights; ties go by rowid, as there.
    this.#ranked = db.prepare(
      `SELECT f.id, f.rel, f.title, f.source, f.date, f.mtime,
         bm25(articles, 10.0, 4.0, 1.0) AS score
       FROM articles JOIN files f ON f.id = articles.rowid
       WHERE articles MATCH @match AND ${CONDITIONS}
       ORDER BY score, f.id LIMIT @limit`,
    );
    this.#listed = db.prepare(
      `SELECT f.id, f.rel, f.title, f.source, f.date, f.mtime FROM files f
       WHERE ${CONDITIONS} AND f.mtime >= 0 AND (@excluded IS NULL
         OR f.id NOT IN (SELECT rowid FROM articles WHERE articles MATCH @excluded))
       ORDER BY f.date IS NULL, f.date DESC, f.id LIMIT @limit`,
    );
  }

  /**
   * The entries found, best first (newest first when there are no words to rank by). A plain
   * query (`typed` given) is matched by the plain search's own expression, so it finds the same.
   */
  find(query: SyntaxQuery, limits: SearchLimits, limit: number, typed?: string): Row[] {
    const { match, excluded } =
      query.plain && typed !== undefined
        ? { match: toMatchExpression(parseQuery(typed)), excluded: null }
        : matchOf(query);
    // A plain query without a word finds nothing, as the plain search; only operators list.
    if (query.plain && !match) return [];
    const from = [query.from, limits.from].filter(Boolean).sort().at(-1) ?? null;
    const to = [query.to, limits.to].filter(Boolean).sort()[0] ?? null;
    const params = {
      source: limits.source,
      from,
      to,
      only: limits.only ? JSON.stringify(limits.only) : null,
      not: limits.not ? JSON.stringify(limits.not) : null,
      limit,
    };
    if (match) return rowsAs<Row>(this.#ranked.all({ ...params, match }));
    return rowsAs<Row>(this.#listed.all({ ...params, excluded }));
  }

  /** Search hits with their snippets, read from the files as a plain search's are. */
  search(query: SyntaxQuery, limits: SearchLimits, limit = 50, typed?: string): SearchHit[] {
    const plain = query.plain && typed !== undefined;
    const pattern = queryPattern(plain ? parseQuery(typed) : soughtTerms(query.all));
    return this.find(query, limits, limit, typed).map((row) => {
      const text = readArticleText(this.#root, row.rel);
      return { entry: this.#entry(row), snippet: text === null ? [] : snippetOf(text, pattern) };
    });
  }

  #entry(row: Row): LibraryEntry {
    return {
      id: row.id,
      path: join(this.#root, row.rel),
      title: row.title,
      source: row.source,
      date: row.date,
      modified: row.mtime,
    };
  }
}
