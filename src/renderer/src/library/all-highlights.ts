/**
 * Every highlight across the library: searching them (folded as the library folds, so `cafe`
 * finds “café”) and exporting them as one Markdown file, grouped by article with a citation each.
 */
import { quoteText, type HighlightColour } from '../../../shared/annotation';
import { foldQuery } from '../../../shared/find-normalise';
import type { HighlightEntry } from '../../../shared/library-research';
import { formatArticleDate } from '../../../shared/article-date-format';
import { citationOf, escapeMarkdown, originalOf } from '../../../shared/article-citation';
import { exportCitation, noteMarkdown, quoted } from '../highlights/highlights-export';

/** A highlight's quote and note, folded once when the list arrives. */
export const foldedHighlight = (entry: HighlightEntry) =>
  foldQuery(`${quoteText(entry.annotation)}\n${entry.annotation.note}`, true);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A test for folded text: every word or "quoted phrase" of the query must begin a word of it
 * (so `zapor` finds "Zaporizhzhia"). Null when the query has nothing to look for.
 */
export function highlightMatcher(query: string): ((folded: string) => boolean) | null {
  const terms = [...foldQuery(query, true).matchAll(/"([^"]*)"?|([^\s"]+)/g)]
    .map((m) => (m[1] ?? m[2] ?? '').trim().replace(/\s+/g, ' '))
    .filter((term) => /[\p{L}\p{N}]/u.test(term));
  if (terms.length === 0) return null;
  const patterns = terms.map(
    (term) => new RegExp(`(?:^|[^\\p{L}\\p{N}])${escape(term).replace(/ /g, '\\s+')}`, 'u'),
  );
  return (folded) => patterns.every((pattern) => pattern.test(folded));
}

/** The entries kept by a colour ('' for all) and a query, in the order given (newest first). */
export function filterHighlights(
  entries: HighlightEntry[],
  folded: string[],
  colour: HighlightColour | '',
  query: string,
): HighlightEntry[] {
  const matches = highlightMatcher(query);
  return entries.filter(
    (entry, i) =>
      (colour === '' || entry.annotation.colour === colour) && (!matches || matches(folded[i]!)),
  );
}

/** A library entry as a citation knows it: its source as the byline, its date as parsed. */
const entryCited = (article: NonNullable<HighlightEntry['article']>) => ({
  bylines: article.source ? [{ name: article.source }] : [],
  title: article.title,
  date: article.date ? { raw: article.date, iso: article.date, label: null } : null,
  original: originalOf(article.url),
});

/**
 * One Markdown file: a section per article (the article highlighted last first), each with a
 * citation and its highlights in reading order, as the Highlights panel's export writes them.
 */
/** `locale` undefined is the reader's own, as in every date the window writes. */
export function allHighlightsMarkdown(
  entries: HighlightEntry[],
  exported = new Date(),
  locale?: string,
): string {
  const groups = new Map<string, HighlightEntry[]>();
  for (const entry of entries) {
    const group = groups.get(entry.key);
    if (group) group.push(entry);
    else groups.set(entry.key, [entry]);
  }
  const startOf = (entry: HighlightEntry) => entry.annotation.target.selector[1].start;
  for (const group of groups.values()) group.sort((a, b) => startOf(a) - startOf(b));
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const out = [
    '# All highlights',
    '',
    `Exported from Lectern on ${formatArticleDate(exported.toISOString().slice(0, 10), locale)}: ${count(entries.length, 'highlight')} from ${count(groups.size, 'article')}.`,
    '',
  ];
  for (const group of groups.values()) {
    const { article, title } = group[0]!;
    const heading = article?.title || title || 'Untitled article';
    out.push(`## ${escapeMarkdown(heading)}`, '');
    out.push(
      article
        ? exportCitation(entryCited(article), article.path.split(/[\\/]/).pop() ?? '', locale)
        : // No longer in the folder: cited by the title its highlights kept.
          `${citationOf({ bylines: [], title: heading, date: null, original: null }).markdown} _No longer in the library folder._`,
      '',
    );
    for (const { annotation } of group) {
      out.push(quoted(quoteText(annotation, '\n\n')), '');
      if (annotation.note.trim()) out.push(noteMarkdown(annotation.note), '');
    }
  }
  if (entries.length === 0) out.push('_No highlights yet._', '');
  return out.join('\n');
}
