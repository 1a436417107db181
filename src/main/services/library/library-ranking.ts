/**
 * Ranking a library search, the cost of a broad query: bm25 scores every matching article. A
 * 50 000-article library is ranked in two halves at once, by rowid, one on the main connection and
 * one on a helper thread's. bm25's statistics (document frequencies, average length) are read from
 * the whole index by both, so the halves' scores compare exactly and the merged top is the same as
 * ranking everything in one go; the benchmark checks that on every query. Once ranked, the helper
 * thread reads half the hits' snippets, beside the snippet thread reading the other half.
 */
import type { SnippetPart } from '../../../shared/library';
import type { LibraryDb } from './library-db';
import { readSnippets, type SnippetRequest } from './snippet-reader';
import { rowsAs } from './sqlite';
import { serveRequests, workerClient } from './worker-client';
import { WordScores, type ScoredQuery } from './word-scores';

export interface Ranked {
  id: number;
  score: number;
}

/**
 * What a search with the syntax or the list's filters keeps to, as the SQL parameters of
 * FILE_CONDITIONS: a source, inclusive dates, and entries kept or left out as JSON arrays of ids.
 */
export interface RankConditions {
  source: string | null;
  from: string | null;
  to: string | null;
  only: string | null;
  not: string | null;
}

/** The conditions on an article's files row (alias f), shared by ranked and listed searches. */
export const FILE_CONDITIONS = `f.error IS NULL
  AND (@source IS NULL OR f.source = @source)
  AND (@from IS NULL OR f.date >= @from) AND (@to IS NULL OR f.date <= @to)
  AND (@only IS NULL OR f.id IN (SELECT value FROM json_each(@only)))
  AND (@not IS NULL OR f.id NOT IN (SELECT value FROM json_each(@not)))`;

/** Ranks the articles with rowid in (after, upTo]; null when it cannot (the caller ranks alone). */
export interface RankHelper {
  rank(
    match: string,
    after: number,
    limit: number,
    conditions?: RankConditions | null,
  ): Promise<Ranked[] | null>;
  /** Some hits' snippets, or null when it cannot (the snippet thread then reads them). */
  snippets?(request: SnippetRequest): Promise<SnippetPart[][] | null>;
  /**
   * A search of words ranked from word scores (word-scores): the best and how many match in all,
   * or null when FTS5 should rank it (the scores not built yet, or not worth it for this search).
   */
  scored?(
    query: ScoredQuery,
    conditions: RankConditions | null,
    limit: number,
  ): Promise<{ ranked: Ranked[]; total: number } | null>;
  /** Builds the word scores; true once whole, false when the library changed meanwhile. */
  buildScores?(): Promise<boolean>;
  /** The library changed: the word scores are out of date. */
  dropScores?(): void;
  close(): void;
}

/** Below this many articles one thread ranks in a few milliseconds; splitting would not pay. */
export const SPLIT_FROM = 4000;
export const LAST_ROWID = Number.MAX_SAFE_INTEGER;

/**
 * bm25 weighs title, source and body 10:4:1. Only rowids and scores are sorted; the files table is
 * read for the top rows alone. Calling bm25() directly is ~40% faster than FTS5's `ORDER BY rank`.
 * Ties are broken by rowid so two halves merge to exactly the order of one whole ranking.
 */
export function prepareRanking(db: LibraryDb) {
  const statement = db.prepare(
    `SELECT rowid AS id, bm25(articles, 10.0, 4.0, 1.0) AS score FROM articles
     WHERE articles MATCH @match AND rowid > @after AND rowid <= @upTo
     ORDER BY score, rowid LIMIT @limit`,
  );
  // The same ranking within the files' conditions (a search with the syntax or the list's filters).
  const within = db.prepare(
    `SELECT articles.rowid AS id, bm25(articles, 10.0, 4.0, 1.0) AS score
     FROM articles JOIN files f ON f.id = articles.rowid
     WHERE articles MATCH @match AND articles.rowid > @after AND articles.rowid <= @upTo
       AND ${FILE_CONDITIONS}
     ORDER BY score, articles.rowid LIMIT @limit`,
  );
  return (
    match: string,
    after: number,
    upTo: number,
    limit: number,
    conditions: RankConditions | null = null,
  ) =>
    rowsAs<Ranked>(
      conditions
        ? within.all({ match, after, upTo, limit, ...conditions })
        : statement.all({ match, after, upTo, limit }),
    );
}

/**
 * How many articles match in all, for "50 best of 1 204 matches": FTS5 walks the matches' rowids
 * without scoring them, so this costs less than the ranking it follows (the benchmark prints both).
 */
export function prepareMatchCount(db: LibraryDb) {
  const statement = db.prepare('SELECT count(*) AS count FROM articles WHERE articles MATCH ?');
  return (match: string) => (statement.get(match) as { count: number }).count;
}

export function mergeRanked(a: Ranked[], b: Ranked[], limit: number): Ranked[] {
  return [...a, ...b].sort((x, y) => x.score - y.score || x.id - y.id).slice(0, limit);
}

type RankRequest =
  | {
      kind: 'rank';
      match: string;
      after: number;
      limit: number;
      conditions: RankConditions | null;
    }
  | ({ kind: 'snippets' } & SnippetRequest)
  | { kind: 'scored'; query: ScoredQuery; conditions: RankConditions | null; limit: number }
  | { kind: 'build-scores' }
  | { kind: 'drop-scores' };
type Scored = { ranked: Ranked[]; total: number };
type RankReply = Ranked[] | SnippetPart[][] | Scored | boolean | null;

/** The helper thread: the library worker script started with `role: 'ranker'`. */
export function workerRankHelper(workerFile: string, dbFile: string): RankHelper {
  const client = workerClient<RankRequest, RankReply>({
    file: workerFile,
    workerData: { role: 'ranker', dbFile },
    resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 4 },
    // Null: the main thread then ranks that half itself.
    fallback: () => null,
    closedReply: () => null,
  });
  return {
    rank: (match, after, limit, conditions = null) =>
      client.ask({ kind: 'rank', match, after, limit, conditions }) as Promise<Ranked[] | null>,
    snippets: (request) =>
      client.ask({ kind: 'snippets', ...request }) as Promise<SnippetPart[][] | null>,
    scored: (query, conditions, limit) =>
      client.ask({ kind: 'scored', query, conditions, limit }) as Promise<Scored | null>,
    buildScores: async () => (await client.ask({ kind: 'build-scores' })) === true,
    dropScores: () => void client.ask({ kind: 'drop-scores' }),
    close: () => client.close(),
  };
}

/** The worker's side: its own read-only connection, answering one range at a time. */
export function serveRanking(
  db: LibraryDb,
  port: Parameters<typeof serveRequests<RankRequest, RankReply>>[0],
  scoreOptions?: ConstructorParameters<typeof WordScores>[1],
) {
  const rank = prepareRanking(db);
  const scores = new WordScores(db, scoreOptions);
  let building: Promise<boolean> = Promise.resolve(false);
  const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
  serveRequests<RankRequest, RankReply>(port, (request) => {
    if (request.kind === 'snippets') return readSnippets(request);
    if (request.kind === 'drop-scores') {
      scores.drop();
      return true;
    }
    if (request.kind === 'build-scores') {
      // After any build under way; again if the library changed during it.
      building = building.then(() => scores.ready || scores.build(pause)).catch(() => false);
      return building;
    }
    try {
      if (request.kind === 'scored') {
        return scores.rank(request.query, request.conditions, request.limit);
      }
      return rank(request.match, request.after, LAST_ROWID, request.limit, request.conditions);
    } catch {
      // A busy or changed database: the main thread then ranks this half itself.
      return null;
    }
  });
}
