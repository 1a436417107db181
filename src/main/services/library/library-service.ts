/**
 * One open library at a time: its database (list and index), the indexing worker (which also
 * watches the folder), and the events the window hears about progress and changes.
 */
import { existsSync } from 'node:fs';
import { mkdir, realpath } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import type { Article } from '../../../shared/article';
import {
  SEARCH_PAGE,
  type AppEvent,
  type LibraryProgress,
  type LibrarySnapshot,
  type SearchResults,
} from '../../../shared/library';
import type { AnalysisProgress } from '../../../shared/library-research';
import { articleFromBytes, readArticleFile, type ArticleBytes } from '../article-file';
import { BackgroundAnalysis } from './background-analysis';
import { startIndexRunner, type IndexRunner } from './index-runner';
import { libraryDbFile, openLibraryDb, type LibraryDb } from './library-db';
import type { IndexerMessage } from './library-indexer';
import { articleRelOf, isUnder, openInLibraryAsync } from './library-paths';
import { workerRankHelper, type RankHelper } from './library-ranking';
import { LibraryQueries } from './library-search';
import { ResearchQueries } from './research-queries';
import { inlineSnippetReader, workerSnippetReader, type SnippetReader } from './snippet-reader';
import { snippetQueryOf, SyntaxSearch, type SearchLimits } from './syntax-search';
import type { SyntaxQuery } from '../../../shared/library-query-syntax';
import type { OpenSqlite } from './sqlite';
import { AppFailure } from '../../../shared/result';

/** Change events are coalesced, and more so during a long run, so the window is not flooded. */
const CHANGE_INTERVAL_MS = 400;
const CHANGE_INTERVAL_RUNNING_MS = 1500;

interface OpenLibrary {
  root: string;
  db: LibraryDb;
  queries: LibraryQueries;
  runner: IndexRunner;
  dbFile: string;
  /** Ranks half of each big search on another thread; started once the library is big enough. */
  ranker: RankHelper | null;
  snippets: SnippetReader;
  progress: LibraryProgress;
  revision: number;
  /** Facts, copies and names learnt after indexing, and the queries over them. */
  analysis: BackgroundAnalysis;
  research: ResearchQueries;
  syntax: SyntaxSearch;
  /** The ranking thread's word scores: whole (true) once built for what is indexed now. */
  scores: Promise<boolean>;
}

export interface LibraryServiceOptions {
  userDataDir: string;
  /** The built worker script; absent (tests) means indexing runs in this thread in chunks. */
  workerFile?: string;
  emit: (event: AppEvent) => void;
  /** Another ranker for the second half of big searches (tests use a second connection). */
  rankHelper?: (dbFile: string) => RankHelper;
  /** Libraries from this many articles on are ranked in two halves (tests lower it). */
  splitSearchFrom?: number;
  /** How the database is opened (tests play a SQLite built without FTS5 here). */
  openSqlite?: OpenSqlite;
  /** How search snippets are read (the benchmark compares this thread's reading with the app's). */
  snippetReader?: () => SnippetReader;
  /** false: no analysis after indexing (bench:library's baseline of the index-complete time). */
  analyse?: boolean;
  /** false: searches are always ranked by FTS5 (bench:library's same-run baseline). */
  wordScores?: boolean;
}

export class LibraryService {
  readonly #options: LibraryServiceOptions;
  #open: OpenLibrary | null = null;
  #changeTimer: NodeJS.Timeout | undefined;
  #idleWaiters: (() => void)[] = [];

  constructor(options: LibraryServiceOptions) {
    this.#options = options;
  }

  get root(): string | null {
    return this.#open?.root ?? null;
  }

  /** True when the folder was opened as a library before: it has an index here. */
  async isKnown(folder: string): Promise<boolean> {
    const root = await realpath(folder).catch(() => null);
    return root !== null && existsSync(libraryDbFile(this.#options.userDataDir, root));
  }

  /** Opens a folder: the cached list is usable at once; a sync then reads what changed. */
  async open(folder: string): Promise<LibrarySnapshot> {
    const root = await realpath(folder);
    await this.close();
    const dbFile = libraryDbFile(this.#options.userDataDir, root);
    await mkdir(dirname(dbFile), { recursive: true });
    const { db } = openLibraryDb(dbFile, root, this.#options.openSqlite);
    const snippets = this.#snippetReader();
    const library: OpenLibrary = {
      root,
      db,
      queries: new LibraryQueries(db, root, snippets, this.#options.splitSearchFrom),
      runner: startIndexRunner({
        dbFile,
        root,
        workerFile: this.#options.workerFile,
        onMessage: (message) => this.#onIndexer(library, message),
      }),
      dbFile,
      ranker: null,
      snippets,
      progress: { phase: 'listing', done: 0, total: 0, running: true },
      revision: 1,
      analysis: new BackgroundAnalysis(
        { dbFile, root, workerFile: this.#options.workerFile },
        (progress) => this.#analysed(library, progress),
      ),
      research: new ResearchQueries(db, root),
      syntax: new SyntaxSearch(db, root),
      scores: Promise.resolve(false),
    };
    this.#open = library;
    library.runner.post({ type: 'sync' });
    const snapshot = this.snapshot();
    this.#ensureRanker(library);
    return snapshot;
  }

  snapshot(): LibrarySnapshot {
    const library = this.#require();
    return {
      folder: library.root,
      revision: library.revision,
      entries: library.queries.entries(),
      broken: library.queries.broken(),
      progress: library.progress,
    };
  }

  search(query: string, limit = SEARCH_PAGE): Promise<SearchResults> {
    const library = this.#require();
    return library.queries.search(query, limit, library.ranker);
  }

  /**
   * A library big enough to rank in two halves gets its ranking thread: at open when the cached
   * list is big, or as indexing grows it, so the thread is ready before the first such search.
   */
  #ensureRanker(library: OpenLibrary) {
    if (library.ranker || !library.queries.wantsSplit()) return;
    const file = this.#options.workerFile;
    library.ranker =
      this.#options.rankHelper?.(library.dbFile) ??
      (file && existsSync(file) ? workerRankHelper(file, library.dbFile) : null);
  }

  /**
   * A search with the syntax's operators, or within the list's filters (syntax-search); `typed`,
   * for a plain query, makes it match exactly as search() does. It is ranked, and its snippets
   * read, as a plain search: in two halves at once in a big library.
   */
  async searchWith(
    query: SyntaxQuery,
    limits: SearchLimits,
    limit = SEARCH_PAGE,
    typed?: string,
  ): Promise<SearchResults> {
    const library = this.#require();
    const { queries, ranker } = library;
    const { rows, total } = await library.syntax.find(
      query,
      limits,
      limit,
      (match, conditions, count) => queries.rank(match, count, ranker, conditions),
      typed,
      ranker?.scored && ((words, conditions, count) => ranker.scored!(words, conditions, count)),
    );
    const snippets = await queries.snippetsOf(
      rows.map((row) => row.rel),
      query.plain && typed !== undefined ? typed : snippetQueryOf(query),
      ranker,
    );
    return {
      hits: rows.map((row, i) => ({
        entry: library.syntax.entry(row),
        snippet: snippets[i] ?? [],
      })),
      total,
    };
  }

  /** Queries over what the background analysis learnt about the open library. */
  research(): ResearchQueries {
    return this.#require().research;
  }

  get analysisProgress(): AnalysisProgress | null {
    return this.#open?.analysis.progress ?? null;
  }

  /** Resolves once everything indexed has been analysed (tests and the benchmark wait on it). */
  whenAnalysed(): Promise<void> {
    return this.#open?.analysis.whenDone() ?? Promise.resolve();
  }

  /** The id of the entry at `path` in the open library, or null when it is not listed. */
  entryIdAt(path: string): number | null {
    const library = this.#open;
    if (!library || !isUnder(library.root, path)) return null;
    return library.research.idAt(relative(library.root, path).split(sep).join('/'));
  }

  /** Search snippets are read on a thread of their own while a library is open. */
  #snippetReader(): SnippetReader {
    const file = this.#options.workerFile;
    if (this.#options.snippetReader) return this.#options.snippetReader();
    return file && existsSync(file) ? workerSnippetReader(file) : inlineSnippetReader();
  }

  cancel() {
    this.#open?.runner.post({ type: 'cancel' });
  }

  /** A sync reads only what is new or changed: after Stop, that is what was left unread. */
  resume() {
    const library = this.#open;
    if (!library || library.progress.running) return;
    library.progress = { ...library.progress, running: true };
    library.runner.post({ type: 'sync' });
  }

  /** True when `path` names something inside the open library's folder (links not looked at). */
  holds(path: string): boolean {
    const root = this.#open?.root;
    return root !== undefined && isUnder(root, resolve(path));
  }

  /**
   * Opens an article of the library by the library's own rules: inside its folder, an article's
   * name, nothing hidden on the way, and read through the one containment check (no link out).
   */
  async openArticle(path: string): Promise<Article> {
    const { bytes, file } = await this.readArticle(path);
    return articleFromBytes(bytes, file);
  }

  /** The bytes of an article of the library, read as `openArticle` reads them. */
  async readArticle(path: string): Promise<ArticleBytes> {
    const root = this.#open?.root;
    if (!root) {
      throw new AppFailure(
        'not-allowed',
        'No library is open, so Lectern will not open that file.',
      );
    }
    const rel = articleRelOf(root, resolve(path));
    return readArticleFile(resolve(path), () => openInLibraryAsync(root, rel));
  }

  /** Resolves once the indexer has nothing left to do (tests and the benchmark wait on it). */
  whenIdle(): Promise<void> {
    if (!this.#open || !this.#open.progress.running) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  async close() {
    const library = this.#open;
    if (!library) return;
    this.#open = null;
    clearTimeout(this.#changeTimer);
    this.#changeTimer = undefined;
    library.ranker?.close();
    library.snippets.close();
    await Promise.all([library.runner.close(), library.analysis.close()]);
    library.db.close();
    for (const resolve of this.#idleWaiters.splice(0)) resolve();
  }

  #require(): OpenLibrary {
    if (!this.#open) throw new Error('No library is open.');
    return this.#open;
  }

  #onIndexer(library: OpenLibrary, message: IndexerMessage) {
    if (this.#open !== library) return;
    const emit = this.#options.emit;
    if (message.type === 'progress') {
      library.progress = message.progress;
      if (message.progress.running) library.analysis.indexerBusy();
      emit({ type: 'library-progress', folder: library.root, progress: message.progress });
    } else if (message.type === 'changed') {
      library.revision++;
      library.queries.invalidate();
      library.research.invalidate();
      library.ranker?.dropScores?.();
      this.#ensureRanker(library);
      // The first rows of a new library are shown soon; later batches of a long run less often.
      const calm = library.progress.running && library.revision > 3;
      const delay = calm ? CHANGE_INTERVAL_RUNNING_MS : CHANGE_INTERVAL_MS;
      this.#changeTimer ??= setTimeout(() => {
        this.#changeTimer = undefined;
        if (this.#open === library) {
          emit({ type: 'library-changed', folder: library.root, revision: library.revision });
        }
      }, delay);
    } else if (message.type === 'idle') {
      library.progress = { ...library.progress, running: false };
      emit({ type: 'library-progress', folder: library.root, progress: library.progress });
      for (const resolve of this.#idleWaiters.splice(0)) resolve();
      if (this.#options.analyse !== false) library.analysis.indexerIdle();
      this.#buildScores(library);
    } else {
      // A failed run (or a worker that could not start) must not leave the bar running forever.
      console.error('[lectern] library indexing failed:', message.message);
      library.progress = { ...library.progress, running: false };
      emit({ type: 'library-progress', folder: library.root, progress: library.progress });
      for (const resolve of this.#idleWaiters.splice(0)) resolve();
      if (this.#options.analyse !== false) library.analysis.indexerIdle();
    }
  }

  /**
   * Word scores are built once the indexer is idle and the analysis done (both would share the
   * two cores with it), on the ranking thread; searches are ranked by FTS5 until they are whole.
   */
  #buildScores(library: OpenLibrary) {
    if (this.#options.wordScores === false) return;
    const analysed =
      this.#options.analyse === false ? Promise.resolve() : library.analysis.whenDone();
    library.scores = analysed.then(async () => {
      const { ranker } = library;
      if (this.#open !== library || library.progress.running || !ranker?.buildScores) return false;
      return ranker.buildScores();
    });
  }

  /** Resolves once the word scores are whole (true), or will not be for now (the benchmark waits). */
  whenScored(): Promise<boolean> {
    return this.#open?.scores ?? Promise.resolve(false);
  }

  #analysed(library: OpenLibrary, progress: AnalysisProgress) {
    if (this.#open !== library) return;
    library.research.invalidate();
    this.#options.emit({ type: 'library-analysis', folder: library.root, progress });
  }
}
