/**
 * The one way Lectern writes an article's date for people: the header, the details panel, the
 * library list, citations and exports all call this, so they can never disagree.
 */
import type { ArticleDate } from './article';

/** One formatter per locale: the library list formats thousands of rows. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(locale: string | undefined): Intl.DateTimeFormat {
  const key = locale ?? '';
  let formatter = formatters.get(key);
  if (!formatter) {
    // `long` reads well in a sentence and fits a list row: "8 June 2025", "June 8, 2025".
    formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * "8 June 2025" (en-GB), "June 8, 2025" (en-US), "8. Juni 2025" (de) from a `YYYY-MM-DD` date,
 * which has no time zone. `locale` undefined means the user's own (the window's language).
 */
export function formatArticleDate(iso: string, locale?: string): string {
  return formatterFor(locale).format(new Date(`${iso}T00:00:00Z`));
}

/** The date as read: formatted when it parsed, else the line as written ("Summer 2024"). */
export function articleDateText(date: ArticleDate, locale?: string): string {
  return date.iso ? formatArticleDate(date.iso, locale) : date.raw;
}
