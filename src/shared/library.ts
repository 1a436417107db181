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

/**
 * A folder named at launch with this many entries or more (files and folders, all levels, hidden
 * ones and links not counted, as the library walks it) is opened only once the user says so:
 * `lectern ~`, run by anything, must not start reading a whole home folder.
 */
export const ASK_FROM_ENTRIES = 5000;

/** What `library.openStartup` answers for such a folder, instead of opening it. */
export interface LargeFolderQuestion {
  kind: 'large-folder';
  folder: string;
}

/** The question asked before a big folder is opened: Electron's message box, the window's notice. */
export function largeFolderQuestion(folder: string) {
  const name = folder.split(/[\\/]/).filter(Boolean).pop() ?? folder;
  return {
    message: `Open “${name}” as a library?`,
    detail: `It holds ${ASK_FROM_ENTRIES.toLocaleString('en-GB')} or more files and folders (${folder}). Lectern would read and index every article in it.`,
    buttons: ['Open as a library', 'Cancel'],
  };
}

/** The longest query the window sends (the search box stops there too). */
export const MAX_QUERY_LENGTH = 500;

/** Results a search sends at first, and how many more each "Show more" asks for. */
export const SEARCH_PAGE = 50;
/** The most results one search sends: each comes with its snippet, read from the index. */
export const MAX_SEARCH_RESULTS = 500;

/** A run of snippet text; `hit` runs are the matched terms. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

export interface SearchHit {
  entry: LibraryEntry;
  snippet: SnippetPart[];
}

/** A library search's answer: the best hits, and how many articles match in all. */
export interface SearchResults {
  hits: SearchHit[];
  /** Every matching article; more than `hits.length` when only the best are sent. */
  total: number;
}

/** Pushed from main to the window on the one event channel. */
export type AppEvent =
  | { type: 'library-progress'; folder: string; progress: LibraryProgress }
  | { type: 'library-changed'; folder: string; revision: number }
  | { type: 'export-progress'; progress: ExportProgress }
  /** The background analysis after indexing moved on (see library-research). */
  | { type: 'library-analysis'; folder: string; progress: AnalysisProgress };
