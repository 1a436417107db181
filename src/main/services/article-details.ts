/** The side panel's model of an article: computed once in main when it is opened, then sent whole. */
import { dirname } from 'node:path';
import type { Article } from '../../shared/article';
import type { ArticleDetails } from '../../shared/article-details';
import { findEntities } from './entities';
import { inlineText, outlineOf, readingStats, textBlocks } from './reading-stats';

export async function articleDetails(article: Article): Promise<ArticleDetails> {
  const { source } = article;
  const original = article.originalUrl
    ? { url: article.originalUrl, domain: domainOf(article.originalUrl) }
    : null;
  const bylines = article.bylines.map((b) => ({
    name: b.name,
    url: b.target?.kind === 'web' ? b.target.url : null,
  }));
  const leadPhoto = article.caption
    ? { caption: inlineText(article.caption.children).trim(), credit: article.caption.credit }
    : null;
  const details: Omit<ArticleDetails, 'citation'> = {
    title: article.title,
    titleFrom: article.titleFrom,
    bylines,
    date: article.date,
    original,
    file: {
      name: source.name,
      articleId: source.articleId,
      folder: source.path ? dirname(source.path) : null,
      size: source.size,
      modified: source.modified,
      encoding: source.encoding,
      bom: source.bom,
      lineEndings: source.lineEndings,
    },
    reading: readingStats(article.body),
    leadPhoto,
    entities: await findEntities(entitySegments(article)),
    outline: outlineOf(article.body),
  };
  return { ...details, citation: citationOf(details) };
}

/**
 * The text names are looked for in: title, lead photo caption and credit, and body. The library's
 * "People and places" reads every article through this too, so it agrees with the details panel.
 */
export function entitySegments(article: Article): string[] {
  const caption = article.caption;
  return [
    article.titleFrom === 'file-name' ? '' : article.title,
    caption ? inlineText(caption.children).trim() : '',
    caption?.credit ?? '',
    ...Array.from(textBlocks(article.body), ({ text }) => text),
  ].filter(Boolean);
}

export function domainOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** "8 June 2025" for a citation; the raw line when the date did not parse. */
export function citationDate(date: Article['date']): string | null {
  if (!date) return null;
  if (!date.iso) return date.raw;
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date.iso}T00:00:00Z`),
  );
}

/** Author, “Title”, source, date, URL: the parts a reader needs to find the article again. */
function citationOf(details: Omit<ArticleDetails, 'citation'>): ArticleDetails['citation'] {
  const authors = details.bylines.map((b) => b.name).join(', ');
  const date = citationDate(details.date);
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

/** The article opened last; its details are computed on first request, so opening is not slowed. */
export class LatestArticleDetails {
  #article: Article | null = null;
  #details: Promise<ArticleDetails> | null = null;

  remember = <T extends Article | null>(article: T): T => {
    if (article) {
      this.#article = article;
      this.#details = null;
    }
    return article;
  };

  /** The article itself, for exports of what the window shows. */
  article(): Article | null {
    return this.#article;
  }

  async get(): Promise<ArticleDetails | null> {
    if (!this.#article) return null;
    this.#details ??= articleDetails(this.#article);
    return this.#details;
  }
}
