/**
 * What find needs of the article on screen, made when the bar first opens on it: its segments,
 * their text and index, where their groups sit (for the rail), and the highlighter while the bar
 * is open. A long article's body arrives in pieces: once the last is in, all of this is made again.
 */
import { FindTextIndex, type FindOptions } from '../../../shared/find-text-index';
import { articleBodyOf } from '../reader/article/article-body.svelte';
import { inIdleSlices } from '../shell/idle-slices';
import { articleSegments, type FindSegments } from './article-segments';
import { MatchHighlighter } from './match-highlighter';
import { measureSegments, type SegmentGeometry } from './rail-markers';

/** Work per idle slice while preparing, well under a frame. */
const IDLE_SLICE_MS = 8;

export class ArticleFind {
  readonly article: HTMLElement;
  readonly scroller: HTMLElement;
  #segments: FindSegments | null = null;
  #index: FindTextIndex | null = null;
  #geometry: SegmentGeometry | null = null;
  #resize: ResizeObserver | null = null;
  #highlighter: MatchHighlighter | null = null;
  #released = false;
  readonly #onLayoutChange: () => void;
  readonly #onTextChange: () => void;

  /**
   * `onLayoutChange` is called when the blocks move (a resize, fonts arriving); `onTextChange`
   * when the rest of a long article's body has arrived.
   */
  constructor(article: HTMLElement, onLayoutChange: () => void, onTextChange: () => void) {
    this.article = article;
    this.#onLayoutChange = onLayoutChange;
    this.#onTextChange = onTextChange;
    // The scroller is the article's nearest `main`, the window's reading area.
    this.scroller = article.closest('main') ?? article;
  }

  get segments(): FindSegments {
    if (this.#segments) return this.#segments;
    const body = articleBodyOf(this.article.querySelector('article'));
    // Made from the body as it is; made again once the rest of a long one is in.
    if (body && !body.stream.complete) {
      void body.stream.whenComplete().then(() => {
        this.#forget();
        this.#onTextChange();
      });
    }
    return (this.#segments = articleSegments(this.article, body));
  }

  /** The text index, finishing now whatever the idle steps have not done yet. */
  get index(): FindTextIndex {
    return (this.#index ??= new FindTextIndex(this.segments.texts));
  }

  /** Only while the bar is open: it watches the groups of segments. */
  get highlighter(): MatchHighlighter {
    if (this.#highlighter) return this.#highlighter;
    this.#released = false;
    // Measured before the first mark, while layout is still clean, and again after a resize.
    this.#geometry = measureSegments(this.segments, this.scroller);
    this.#resize = new ResizeObserver(() => {
      const geometry = this.#geometry;
      const { clientHeight, scrollHeight } = this.scroller;
      if (geometry?.railHeight === clientHeight && geometry.scrollHeight === scrollHeight) return;
      this.#geometry = null;
      this.#onLayoutChange();
    });
    this.#resize.observe(this.scroller);
    this.#resize.observe(this.article);
    return (this.#highlighter = new MatchHighlighter(this.segments, this.scroller));
  }

  get geometry(): SegmentGeometry {
    return (this.#geometry ??= measureSegments(this.segments, this.scroller));
  }

  /** Folds the text in idle time while the reader is still reaching for the keys. */
  prepareWhenIdle(options: () => FindOptions) {
    inIdleSlices(
      (sliceMs) => this.index.prepare(options(), sliceMs),
      IDLE_SLICE_MS,
      () => this.#released,
    );
  }

  /** Removes every highlight and stops watching the article; the text index is kept. */
  release() {
    this.#released = true;
    this.#highlighter?.destroy();
    this.#highlighter = null;
    this.#resize?.disconnect();
    this.#resize = null;
  }

  /** The body changed: segments, index and highlighter are made again when next asked for. */
  #forget() {
    this.release();
    this.#segments = null;
    this.#index = null;
    this.#geometry = null;
  }
}
