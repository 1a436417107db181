/**
 * The library as a research tool, as both sides see it: reading status, copies, people and places
 * across the library, and every highlight. Types and the few rules both sides apply.
 */
import type { Annotation } from './annotation';
import type { EntityKind } from './article-details';

/** The background analysis after indexing: facts first (quick), then names (slow). */
export interface AnalysisProgress {
  phase: 'facts' | 'names';
  done: number;
  total: number;
  running: boolean;
}

/** How far an article was read, from its remembered position. */
export interface ReadingRecord {
  /** Where the reader is now, 0–1. */
  progress: number;
  /** The furthest it was ever read, 0–1: 1 once the end was reached (or it was marked read). */
  furthest: number;
  /** When it was last read or marked, as an ISO time. */
  at: string;
}

/** The end counts as reached from here on: the last line is in view. */
export const FINISHED_AT = 0.99;

export type ReadingStatus =
  { state: 'unread' } | { state: 'reading'; percent: number } | { state: 'finished' };

/** How far an article was ever read, 0–1: its furthest point, or where it is now if further. */
export const furthestRead = (record: { progress: number; furthest?: number }) =>
  Math.max(record.furthest ?? 0, record.progress);

export function readingStatus(record: ReadingRecord | undefined): ReadingStatus {
  if (!record) return { state: 'unread' };
  const furthest = furthestRead(record);
  if (furthest >= FINISHED_AT) return { state: 'finished' };
  const percent = Math.floor(furthest * 100);
  return percent < 1 ? { state: 'unread' } : { state: 'reading', percent };
}

/**
 * The article to continue: read most recently of those being read (the list's "N% read"); one
 * only opened, or finished, is not one to continue. Null when there is none.
 */
export function articleToContinue<T>(read: Iterable<[T, ReadingRecord]>): T | null {
  let best: { id: T; at: string } | null = null;
  for (const [id, record] of read) {
    if (readingStatus(record).state !== 'reading') continue;
    if (!best || record.at > best.at) best = { id, at: record.at };
  }
  return best?.id ?? null;
}

/** What the list shows beside each entry, by entry id; sent whole, it is small. */
export interface LibraryFacts {
  /** Entries with a remembered position, and how far each was read. */
  reading: { id: number; record: ReadingRecord }[];
  /** Groups of entries that are copies of one article (same original address or same body). */
  copies: number[][];
  /** The article to continue: read most recently and not finished; null when there is none. */
  continueWith: { id: number; path: string; title: string } | null;
  analysis: AnalysisProgress | null;
}

/** The list's filters, which a search keeps to as well. */
export interface SearchFilter {
  /** A source as listed, '' for all. */
  source: string;
  /** Inclusive `YYYY-MM-DD` bounds, '' when open. */
  from: string;
  to: string;
  status: '' | ReadingStatus['state'];
  duplicates: boolean;
  /** Only the articles naming this, '' for all. */
  named: string;
}

export const NO_FILTER: SearchFilter = {
  source: '',
  from: '',
  to: '',
  status: '',
  duplicates: false,
  named: '',
};

/** One name across the library, with the number of articles that mention it. */
export interface NameCount {
  name: string;
  /** The kind most articles read it as. */
  kind: EntityKind;
  articles: number;
}

export interface NameList {
  names: NameCount[];
  /** How many names match the filter in all (the list holds the most frequent). */
  matching: number;
  analysis: AnalysisProgress | null;
}

/** The longest name filter and list the window asks for. */
export const MAX_NAME_FILTER = 200;
export const NAME_LIST_LIMIT = 500;

/** One highlight or note, with the article it belongs to. */
export interface HighlightEntry {
  annotation: Annotation;
  /** The stored key of its article (position and highlights are kept under it). */
  key: string;
  /** The title saved with the highlights. */
  title: string;
  /** The article in the open library, or null when it is no longer in the folder. */
  article: {
    path: string;
    title: string;
    source: string;
    date: string | null;
    url: string | null;
  } | null;
}
