/**
 * The articles the window opened, by the key their position and highlights are kept under, so the
 * details panel asks for the article it shows rather than whichever was opened last. The articles
 * themselves live in the article thread (`ref` names one there): only what was answered is here.
 */
import type { Article } from '../../shared/article';
import type { ArticleDetails } from '../../shared/article-details';
import type { ArticleThread } from './article-thread';
import type { ShelvedArticle } from './article-shelf';

/** A few, for a window that moves between articles quickly. */
const KEPT = 4;

interface Kept {
  /** As answered: a long article's head. */
  article: Article;
  ref: string;
}

export class OpenedArticles {
  readonly #thread: ArticleThread;
  readonly #byKey = new Map<string, Kept>();
  #latest: Kept | null = null;

  constructor(thread: ArticleThread) {
    this.#thread = thread;
  }

  /** Keeps the article; one whose key is not known yet is found by it once `keyed` is called. */
  remember({ article, key, ref }: ShelvedArticle) {
    this.#latest = { article, ref };
    if (key) this.keyed(ref, key);
  }

  /** A long article's key, from its last piece. */
  keyed(ref: string, key: string) {
    const kept = this.#latest?.ref === ref ? this.#latest : null;
    if (!kept) return;
    this.#byKey.delete(key);
    this.#byKey.set(key, kept);
    for (const old of this.#byKey.keys()) {
      if (this.#byKey.size <= KEPT) break;
      this.#byKey.delete(old);
    }
  }

  /** The whole article opened last, for exports of "the open article". */
  latest(): Promise<Article> | null {
    const latest = this.#latest;
    if (!latest) return null;
    return latest.article.continued
      ? this.#thread.whole(latest.ref)
      : Promise.resolve(latest.article);
  }

  /** Worked out in the article thread on first request; null for an article no longer kept. */
  async details(key: string): Promise<ArticleDetails | null> {
    const kept = this.#byKey.get(key);
    return kept ? this.#thread.details(kept.ref) : null;
  }
}
