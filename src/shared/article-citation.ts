/**
 * A citation of an article, as plain text and as Markdown: author, “title”, site, date, URL — the
 * parts a reader needs to find it again. Built where the user's locale is known (the window), with
 * the date written as everywhere else in Lectern. The details panel and both highlight exports
 * cite with it, so a citation copied and one exported are the same.
 */
import type { ArticleDetails } from './article-details';
import { articleDateText } from './article-date-format';

export interface Citation {
  plain: string;
  markdown: string;
}

/** What is cited: the details panel's model of an article has it, and so can an article or entry. */
export type Cited = Pick<ArticleDetails, 'title' | 'date' | 'original'> & {
  bylines: { name: string }[];
};

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
    site ? `*${escapeMarkdown(site)}*` : null,
    date ? escapeMarkdown(date) : null,
  ]
    .filter(Boolean)
    .join(', ');
  return { plain: `${plain}.${url ? ` ${url}` : ''}`, markdown: `${markdown}.` };
}

/** The site an address is on, as a reader names it: `www.` dropped; the text itself if no URL. */
export function domainOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** What a citation needs, from an article's original address. */
export const originalOf = (url: string | null) => (url ? { url, domain: domainOf(url) } : null);

export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|&~])/g, '\\$1');
}

/**
 * A line of someone's text as Markdown reads it back: its inline marks escaped, and whatever at
 * its start would open a block (a list, a heading underline, a rule, code by indentation) too.
 */
export function escapeMarkdownLine(line: string): string {
  return escapeMarkdown(line.trimStart())
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}
