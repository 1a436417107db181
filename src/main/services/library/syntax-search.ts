/**
 * Searches with the library's syntax (shared/library-query-syntax) and the list's filters: words,
 * phrases, OR, NEAR and field terms become one FTS5 query ranked by bm25 as a plain search is;
 * exclusions a NOT; dates, source and the research filters conditions on the files table. A query
 * with no words to rank (only dates, exclusions or filters) lists the newest articles that fit.
 * Snippets are read by the library's snippet thread (library-service), from snippetQueryOf.
 */
import type { LibraryEntry } from '../../../shared/library';
import { parseLibraryQuery } from '../../../shared/library-query';
import {
  listsNewest,
  type QueryClause,
  type QueryTerm,
  type SyntaxQuery,
} from '../../../shared/library-query-syntax';
import type { LibraryDb } from './library-db';
import {
  FILE_CONDITIONS,
  prepareMatchCount,
  type RankConditions,
  type Ranked,
} from './library-ranking';
import { entryOf, ROW_BY_ID, type Row } from './library-row';
import { toMatchExpression } from './match-expression';
import { rowsAs } from './sqlite';
import { scoredQueryOf, type ScoredQuery } from './word-scores';

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

/**
 * The words and phrases sought in the body, as a plain query the snippet reader parses again into
 * the same terms: each quoted, the one still being typed last and left open, so it marks word
 * beginnings. A source or title term is left out: the list shows both above the snippet, and a
 * result matched only by them shows its opening, not its header lines.
 */
export function snippetQueryOf(query: SyntaxQuery): string {
  const terms = soughtTerms(query.all)
    .filter((term) => !term.field)
    .sort((a, b) => Number(a.prefix) - Number(b.prefix));
  return terms.map((t) => `"${t.words.join(' ')}${t.prefix ? '' : '"'}`).join(' ');
}

const LISTED = `FROM files f WHERE ${FILE_CONDITIONS} AND f.mtime >= 0 AND (@excluded IS NULL
  OR f.id NOT IN (SELECT rowid FROM articles WHERE articles MATCH @excluded))`;
const RANKED = `FROM articles JOIN files f ON f.id = articles.rowid
  WHERE articles MATCH @match AND ${FILE_CONDITIONS}`;

/**
 * Ranks an FTS5 expression within the files' conditions (null: none), best `limit` first, as the
 * plain search ranks: by bm25 with its weights, in two halves at once in a big library.
 */
export type RankWithin = (
  match: string,
  conditions: RankConditions | null,
  limit: number,
) => Promise<Ranked[]>;

/** Ranks a search of words from the word scores, with its total; null: rank it with FTS5. */
export type RankScored = (
  words: ScoredQuery,
  conditions: RankConditions | null,
  limit: number,
) => Promise<{ ranked: Ranked[]; total: number } | null>;

export class SyntaxSearch {
  readonly #root: string;
  readonly #row;
  readonly #listed;
  readonly #countRanked;
  readonly #countMatches;
  readonly #countListed;
  /** Sources to match, listed newest first: driven by their matches, not by every file. */
  readonly #listedMatching;

  constructor(db: LibraryDb, root: string) {
    this.#root = root;
    this.#row = db.prepare(ROW_BY_ID);
    this.#listed = db.prepare(
      `SELECT f.id, f.rel, f.title, f.source, f.date, f.mtime ${LISTED}
       ORDER BY f.date IS NULL, f.date DESC, f.id LIMIT @limit`,
    );
    this.#countRanked = db.prepare(`SELECT count(*) AS count ${RANKED}`);
    this.#listedMatching = db.prepare(
      `SELECT f.id, f.rel, f.title, f.source, f.date, f.mtime ${RANKED} AND f.mtime >= 0
       ORDER BY f.date IS NULL, f.date DESC, f.id LIMIT @limit`,
    );
    this.#countMatches = prepareMatchCount(db);
    this.#countListed = db.prepare(`SELECT count(*) AS count ${LISTED}`);
  }

  /**
   * The entries found, best first (newest first when there are no words to rank by), and how many
   * match in all. A plain query (`typed` given) is matched by the plain search's own expression,
   * so it finds the same.
   */
  async find(
    query: SyntaxQuery,
    limits: SearchLimits,
    limit: number,
    rank: RankWithin,
    typed?: string,
    scored?: RankScored,
  ): Promise<{ rows: Row[]; total: number }> {
    const { match, excluded } =
      query.plain && typed !== undefined
        ? { match: toMatchExpression(parseLibraryQuery(typed)), excluded: null }
        : matchOf(query);
    // A plain query without a word finds nothing, as the plain search; only operators list.
    if (query.plain && !match) return { rows: [], total: 0 };
    const from = [query.from, limits.from].filter(Boolean).sort().at(-1) ?? null;
    const to = [query.to, limits.to].filter(Boolean).sort()[0] ?? null;
    const params: RankConditions = {
      source: limits.source,
      from,
      to,
      only: limits.only ? JSON.stringify(limits.only) : null,
      not: limits.not ? JSON.stringify(limits.not) : null,
    };
    // Fewer than asked for is every match; only a full page needs counting.
    const counted = (rows: Row[], count: () => number) => ({
      rows,
      total: rows.length < limit ? rows.length : count(),
    });
    if (!match) {
      const rows = rowsAs<Row>(this.#listed.all({ ...params, excluded, limit }));
      return counted(rows, () => this.#count(this.#countListed, params, { excluded }));
    }
    if (listsNewest(query)) {
      // Only sources to match (exclusions in the same expression): listed as with none.
      const rows = rowsAs<Row>(this.#listedMatching.all({ ...params, match, limit }));
      return counted(rows, () => this.#count(this.#countRanked, params, { match }));
    }
    // Without conditions the ranking and count are the plain search's own, on the index alone.
    const unconditioned = Object.values(params).every((value) => value === null);
    const conditions = unconditioned ? null : params;
    const words = !query.plain && scored ? scoredQueryOf(query) : null;
    const fromScores = words && (await scored!(words, conditions, limit));
    if (fromScores) {
      const rows = fromScores.ranked.map(({ id }) => this.#row.get(id) as Row | undefined);
      return { rows: rows.filter((r) => !!r), total: fromScores.total };
    }
    const ranked = await rank(match, conditions, limit);
    const rows = ranked.map(({ id }) => this.#row.get(id) as Row | undefined).filter((r) => !!r);
    const total =
      ranked.length < limit
        ? rows.length
        : unconditioned
          ? this.#countMatches(match)
          : this.#count(this.#countRanked, params, { match });
    return { rows, total };
  }

  #count(
    statement: ReturnType<LibraryDb['prepare']>,
    params: RankConditions,
    extra: Record<string, string | null>,
  ): number {
    return (statement.get({ ...params, ...extra }) as { count: number }).count;
  }

  entry(row: Row): LibraryEntry {
    return entryOf(this.#root, row);
  }
}
