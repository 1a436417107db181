/** The side panel's model of an article: computed once in main when it is opened, then sent whole. */
import { dirname } from 'node:path';
import type { Article } from '../../shared/article';
import { originalOf } from '../../shared/article-citation';
import type { ArticleDetails, Entity } from '../../shared/article-details';
import { findEntities } from './entities';
import { inlineText, outlineOf, readingStats, textBlocks } from './reading-stats';

/** `findNames` is the entity tagger: on its own thread in the app (entity-thread.ts). */
export async function articleDetails(
  article: Article,
  findNames: (segments: string[]) => Promise<Entity[]> = findEntities,
): Promise<ArticleDetails> {
  const { source } = article;
  const original = originalOf(article.originalUrl);
  const bylines = article.bylines.map((b) => ({
    name: b.name,
    url: b.target?.kind === 'web' ? b.target.url : null,
  }));
  const leadPhoto = article.caption
    ? { caption: inlineText(article.caption.children).trim(), credit: article.caption.credit }
    : null;
  return {
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
      controlCharacters: source.controlCharacters ?? 0,
    },
    reading: readingStats(article.body),
    leadPhoto,
    entities: await findNames(entitySegments(article)),
    outline: outlineOf(article.body),
  };
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
