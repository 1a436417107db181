/**
 * A citation of an article, as plain text and as Markdown: author, “title”, site, date, URL — the
 * parts a reader needs to find it again. Built where the user's locale is known (the window), with
 * the date written as everywhere else in Lectern.
 */
import type { ArticleDetails } from './article-details';
import { articleDateText } from './article-date-format';

export interface Citation {
  plain: string;
  markdown: string;
}

type Cited = Pick<ArticleDetails, 'bylines' | 'title' | 'date' | 'original'>;

export function citationOf(details: Cited, locale?: string): Citation {
  const authors = details.bylines.map((b) => b.name).join(', ');
  const date = details.date ? articleDateText(details.date, locale) : null;
  const url = details.original?.url ?? null;
  const site = details.original?.domain ?? null;
  const plain = [authors, `“${details.title}”`, site, date].filter(Boolean).join(', ');
  const title = escapeMarkdown(details.title);
  const markdown = [
    escapeMarkdown(authors),
    url ? `[“${title}”](<${url}>)` : `“${title}”`,
    site ? `*${site}*` : null,
    date ? escapeMarkdown(date) : null,
  ]
    .filter(Boolean)
    .join(', ');
  return { plain: `${plain}.${url ? ` ${url}` : ''}`, markdown: `${markdown}.` };
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}
