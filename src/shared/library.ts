/** The library's model as the window sees it: a folder of articles, its index state and search hits. */
import type { ExportProgress } from './export/export-job';
import type { AnalysisProgress } from './library-research';

export interface LibraryEntry {
  /** Stable row id inside the open library's index. */
  id: number;
  /** Absolute path of the article file. */
  path: string;
  title: string;
  /** The first byline, or '' when the article has none. */
  source: string;
  /** `YYYY-MM-DD` when the date line parses, else null. */
  date: string | null;
  /** The file's modification time (ms) when it was last read; -1 while only its header is listed. */
  modified: number;
}

export interface BrokenEntry {
  path: string;
  /** Why the file could not be opened, as a sentence for people. */
  reason: string;
}

export interface LibraryProgress {
  /** Listing reads only each new file's header (big first opens); indexing reads whole files. */
  phase: 'listing' | 'indexing';
  /** Files read so far in the current phase. */
  done: number;
  /** Files the current run has to read (new or changed since the cache). */
  total: number;
  running: boolean;
}

export interface LibrarySnapshot {
  folder: string;
  /** Bumped on every change, so the window can drop stale answers. */
  revision: number;
  entries: LibraryEntry[];
  broken: BrokenEntry[];
  progress: LibraryProgress;
}

/** The longest query the window sends (the search box stops there too). */
export const MAX_QUERY_LENGTH = 500;

/**
 * A word still being typed matches word beginnings from this many letters on; shorter ones match
 * whole words ("EU", "UN"). A one- or two-letter beginning matches nearly every article.
 */
export const MIN_PREFIX_LETTERS = 3;

/** True when the query ends in a word still being typed that is too short to match beginnings. */
export function endsInShortWord(query: string): boolean {
  const last = /[\p{L}\p{N}\p{M}]+$/u.exec(query.normalize('NFC'))?.[0];
  return last !== undefined && [...last].length < MIN_PREFIX_LETTERS;
}

/**
 * What the find bar looks for when a search result is opened: the query's first quoted phrase or
 * word, as typed (it is one string, and the find bar folds accents and quotes itself).
 */
export function findTermOf(query: string): string | null {
  const text = query.replace(/[\u201C\u201D\u201E\u201F\u00AB\u00BB]/g, '"');
  const first = /"([^"]*)"?|[^\s"]+/u.exec(text);
  const term = (first?.[1] ?? first?.[0] ?? '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  return term.replace(/\s+/g, ' ') || null;
}

/** A run of snippet text; `hit` runs are the matched terms. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

export interface SearchHit {
  entry: LibraryEntry;
  snippet: SnippetPart[];
}

/** Pushed from main to the window on the one event channel. */
export type AppEvent =
  | { type: 'library-progress'; folder: string; progress: LibraryProgress }
  | { type: 'library-changed'; folder: string; revision: number }
  | { type: 'export-progress'; progress: ExportProgress }
  /** The background analysis after indexing moved on (see library-research). */
  | { type: 'library-analysis'; folder: string; progress: AnalysisProgress };
