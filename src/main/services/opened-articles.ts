/**
 * The articles the window opened, by the key their position and highlights are kept under, so the
 * details panel asks for the article it shows rather than whichever was opened last.
 */
import type { Article } from '../../shared/article';
import type { ArticleDetails, Entity } from '../../shared/article-details';
import { articleKey } from '../../shared/article-key';
import { articleDetails } from './article-details';
import { findEntities as findNamesInline } from './entities';

/** A few, for a window that moves between articles quickly; each is a parsed article in memory. */
const KEPT = 4;

export class OpenedArticles {
  readonly #findEntities: (segments: string[]) => Promise<Entity[]>;
  readonly #byKey = new Map<
    string,
    { article: Article; details: Promise<ArticleDetails> | null }
  >();

  /** `findEntities` is the details thread's in the app (entity-thread.ts). */
  constructor(findEntities: (segments: string[]) => Promise<Entity[]> = findNamesInline) {
    this.#findEntities = findEntities;
  }

  /** Keeps the article and answers its key. */
  async remember(article: Article): Promise<string> {
    const key = await articleKey(article);
    this.#byKey.delete(key);
    this.#byKey.set(key, { article, details: null });
    for (const old of this.#byKey.keys()) {
      if (this.#byKey.size <= KEPT) break;
      this.#byKey.delete(old);
    }
    return key;
  }

  /** The article opened last, for exports of "the open article". */
  latest(): Article | null {
    return [...this.#byKey.values()].at(-1)?.article ?? null;
  }

  /** Computed on first request, so opening is not slowed; null for an article no longer kept. */
  async details(key: string): Promise<ArticleDetails | null> {
    const entry = this.#byKey.get(key);
    if (!entry) return null;
    entry.details ??= articleDetails(entry.article, this.#findEntities);
    return entry.details;
  }
}
