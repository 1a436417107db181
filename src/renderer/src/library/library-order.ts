/** Sorting, filtering and counting the library list: pure, so it is tested without a window. */
import type { LibraryEntry } from '../../../shared/library';

export type LibrarySort = 'date' | 'title' | 'source';

export interface LibraryFilter {
  /** '' means every source. */
  source: string;
  /** `YYYY-MM-DD` bounds, inclusive; '' means open-ended. */
  from: string;
  to: string;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function orderEntries(
  entries: LibraryEntry[],
  sort: LibrarySort,
  filter: LibraryFilter,
): LibraryEntry[] {
  const dated = filter.from !== '' || filter.to !== '';
  const kept = entries.filter(
    (e) =>
      (filter.source === '' || e.source === filter.source) &&
      (!dated ||
        (e.date !== null &&
          (filter.from === '' || e.date >= filter.from) &&
          (filter.to === '' || e.date <= filter.to))),
  );
  const byTitle = (a: LibraryEntry, b: LibraryEntry) => collator.compare(a.title, b.title);
  if (sort === 'title') return kept.sort(byTitle);
  if (sort === 'source') {
    return kept.sort((a, b) => collator.compare(a.source, b.source) || byTitle(a, b));
  }
  // Newest first; undated articles go last. ISO dates compare as plain strings, which is cheap.
  return kept.sort((a, b) => {
    const [x, y] = [a.date ?? '', b.date ?? ''];
    return x === y ? byTitle(a, b) : x < y ? 1 : -1;
  });
}

/** Sources with how many articles each has, most common first. */
export function countSources(entries: LibraryEntry[]): { source: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const e of entries) if (e.source) counts.set(e.source, (counts.get(e.source) ?? 0) + 1);
  return [...counts]
    .map(([source, count]) => ({ source, count }))
    .sort((a, b) => b.count - a.count || collator.compare(a.source, b.source));
}

/** "1 204": a narrow space between thousands, as in print, whatever the locale. */
export const formatCount = (value: number): string =>
  new Intl.NumberFormat('en-GB').format(value).replace(/,/g, '\u202f');

/**
 * "3 matches" when all are shown; "50 best of 1 204 matches" when only the best are, or "50 newest
 * of 1 204 matches" when there was nothing to rank by.
 */
export function matchesLabel(shown: number, total: number, newest = false): string {
  if (shown >= total) return `${formatCount(shown)} ${shown === 1 ? 'match' : 'matches'}`;
  return `${formatCount(shown)} ${newest ? 'newest' : 'best'} of ${formatCount(total)} matches`;
}

/** "1 204 articles · 37 sources". */
export function countsLabel(articles: number, sources: number): string {
  const plural = (value: number, word: string) =>
    `${formatCount(value)} ${word}${value === 1 ? '' : 's'}`;
  return `${plural(articles, 'article')} · ${plural(sources, 'source')}`;
}
