/**
 * A long article's body as it arrives: the head came with the article (`continued`), the rest is
 * asked for piece by piece and added to the same `article.body` array. The body view, find,
 * highlights and the reading position listen here; a short article's stream is complete at once.
 */
import type { Article, BodyPiece } from '../../../shared/article';
import type { LecternApi } from '../../../shared/ipc';

export class ArticleStream {
  /** True once every piece is in (at once for an article that came whole). */
  complete = $state(true);
  /** The original URL sits at the end of the text: a long article learns it with the last piece. */
  originalUrl = $state<string | null>(null);
  /** Why the rest of the body could not be read, if it could not. */
  failure = $state<string | null>(null);
  readonly article: Article;
  #listeners: ((from: number) => void)[] = [];
  #whenComplete: Promise<void>;
  #done: () => void = () => undefined;

  constructor(article: Article) {
    this.article = article;
    this.originalUrl = article.originalUrl;
    this.complete = !article.continued;
    this.#whenComplete = this.complete
      ? Promise.resolve()
      : new Promise((resolve) => (this.#done = resolve));
  }

  /** Resolves when the whole body is in, or no more of it can be had. */
  whenComplete(): Promise<void> {
    return this.#whenComplete;
  }

  /** Called with the index from which the body changed (new blocks, or replaced ones). */
  onGrow(listener: (from: number) => void): () => void {
    this.#listeners.push(listener);
    return () => (this.#listeners = this.#listeners.filter((each) => each !== listener));
  }

  /** Asks for the pieces in turn while `wanted()` (the article is still the one being opened). */
  async load(api: LecternApi, wanted: () => boolean): Promise<void> {
    const id = this.article.continued?.id;
    for (let index = 0; id && !this.complete; index++) {
      const result = await api.call('reader.bodyPiece', id, index);
      if (!wanted()) return;
      if (!result.ok) {
        this.failure = `Only the start of “${this.article.source.name}” is shown: ${result.error.message}`;
        this.#finish();
        return;
      }
      this.#add(result.value);
    }
  }

  #add(piece: BodyPiece) {
    const body = this.article.body;
    // In a loop: a piece can hold more blocks than a call may take arguments.
    body.length = Math.min(body.length, piece.start);
    for (const block of piece.blocks) body.push(block);
    if (piece.end) {
      this.article.originalUrl = piece.end.originalUrl;
      this.article.missing = piece.end.missing;
      this.originalUrl = piece.end.originalUrl;
    }
    for (const listener of this.#listeners) listener(piece.start);
    if (piece.end) this.#finish();
  }

  #finish() {
    this.complete = true;
    this.#done();
  }
}

const streams = new WeakMap<Article, ArticleStream>();

/** The stream of an article object: made the first time it is asked for. */
export function streamOf(article: Article): ArticleStream {
  let stream = streams.get(article);
  if (!stream) streams.set(article, (stream = new ArticleStream(article)));
  return stream;
}
