/**
 * A long article's body as it arrives: the head came with the article (`continued`), the rest is
 * asked for piece by piece and added to the same `article.body` array. The body view, find,
 * highlights and the reading position listen here; a short article's stream is complete at once.
 */
import type { Article } from '../../../shared/article';
import { decodeBlocks } from '../../../shared/body-piece-codec';
import type { LecternApi } from '../../../shared/ipc';
import type { Result } from '../../../shared/result';
import type { Remembered, ShownPiece } from '../../../shared/startup';

export class ArticleStream {
  /** True once every piece is in (at once for an article that came whole). */
  complete = $state(true);
  /** The original URL sits at the end of the text: a long article learns it with the last piece. */
  originalUrl = $state<string | null>(null);
  /** Why the rest of the body could not be read, if it could not. */
  failure = $state<string | null>(null);
  /** The article's key and what is remembered under it, from the whole text: the last piece's. */
  remembered: Remembered | null = null;
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
    if (this.complete) performance.mark('lectern-article-complete');
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

  /**
   * Asks for the pieces while `wanted()` (the article is still the one being opened), the next
   * one already on its way while one is added: the host is asked once more than there are pieces.
   * Nothing is added before the frame that shows the head (the title is the reader's first sight),
   * and a piece is added a slice at a time, so no task of the window's runs long.
   */
  async load(api: LecternApi, wanted: () => boolean): Promise<void> {
    const id = this.article.continued?.id;
    if (!id) return;
    const headPainted = afterNextFrame();
    let next = 0;
    const asked: Promise<Result<ShownPiece>>[] = [];
    const ask = () => asked.push(api.call('reader.bodyPiece', id, next++));
    ask();
    ask();
    while (!this.complete) {
      const result = await asked.shift()!;
      await headPainted;
      if (!wanted()) return;
      if (!result.ok) {
        this.failure = `Only the start of “${this.article.source.name}” is shown: ${result.error.message}`;
        this.#finish();
        return;
      }
      if (!result.value.end) ask();
      if (!(await this.#add(result.value, wanted))) return;
    }
  }

  /** Adds a piece's blocks a slice at a time; false when the article stopped being wanted. */
  async #add(piece: ShownPiece, wanted: () => boolean): Promise<boolean> {
    const body = this.article.body;
    const blocks = decodeBlocks(piece.encoded);
    body.length = Math.min(body.length, piece.start);
    for (let from = 0; from < blocks.length; from += SLICE_BLOCKS) {
      if (from > 0) await nextTask();
      if (!wanted()) return false;
      const start = body.length;
      // In a loop: a slice can hold more blocks than a call may take arguments.
      for (let i = from; i < Math.min(blocks.length, from + SLICE_BLOCKS); i++) {
        body.push(blocks[i]!);
      }
      for (const listener of this.#listeners) listener(start);
    }
    if (blocks.length === 0) for (const listener of this.#listeners) listener(piece.start);
    if (piece.end) {
      this.article.originalUrl = piece.end.originalUrl;
      this.article.missing = piece.end.missing;
      this.originalUrl = piece.end.originalUrl;
      this.remembered = piece.remembered;
      this.#finish();
    }
    return true;
  }

  #finish() {
    this.complete = true;
    this.#done();
    // Read by the opening benchmark: the whole body is in the page (its chunks fill as needed).
    performance.mark('lectern-article-complete');
  }
}

/** Blocks added in one task: a few milliseconds of the body's bookkeeping, even on a slow machine. */
const SLICE_BLOCKS = 1024;

/** A task of its own, after anything waiting (a frame, input) has had its turn. */
const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

/** After the next frame is painted; a window that paints no frames (hidden) waits 100 ms at most. */
const afterNextFrame = () =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      setTimeout(resolve, 0);
    });
  });

const streams = new WeakMap<Article, ArticleStream>();

/** The stream of an article object: made the first time it is asked for. */
export function streamOf(article: Article): ArticleStream {
  let stream = streams.get(article);
  if (!stream) streams.set(article, (stream = new ArticleStream(article)));
  return stream;
}
