/** The key an article's position and highlights are stored under. */
import type { Article } from './article';

/** The 16-hex id from `NNN_<id>.txt`; otherwise `sha-` and a hash of what identifies the text. */
export async function articleKey(article: Article): Promise<string> {
  if (article.source.articleId) return article.source.articleId.toLowerCase();
  // The original URL (or the title and body) identify an article better than its file name does.
  const identity = article.originalUrl ?? `${article.title}\n${JSON.stringify(article.body)}`;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(identity));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `sha-${hex.slice(0, 16)}`;
}
