/** The library's model as the window sees it: a folder of articles, its index state and search hits. */

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
  | { type: 'library-changed'; folder: string; revision: number };
