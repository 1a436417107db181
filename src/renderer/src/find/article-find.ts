/**
 * What find needs of the article on screen, made when the bar first opens on it: its blocks,
 * their text and index, where they sit (for the rail), and the highlighter while the bar is open.
 */
import { FindTextIndex, type FindOptions } from '../../../shared/find-text-index';
import { articleSegments, segmentText } from './article-segments';
import { MatchHighlighter } from './match-highlighter';
import { measureSegments, type SegmentGeometry } from './rail-markers';

/** Work per idle slice while preparing, well under a frame. */
const IDLE_SLICE_MS = 8;

export class ArticleFind {
  readonly article: HTMLElement;
  readonly scroller: HTMLElement;
  #segments: HTMLElement[] | null = null;
  /** Segment texts read so far, then the index built from them. */
  readonly #texts: string[] = [];
  #index: FindTextIndex | null = null;
  #geometry: SegmentGeometry | null = null;
  #resize: ResizeObserver | null = null;
  #highlighter: MatchHighlighter | null = null;
  #released = false;
  readonly #onLayoutChange: () => void;

  /** `onLayoutChange` is called when the blocks move (a resize, fonts arriving). */
  constructor(article: HTMLElement, onLayoutChange: () => void) {
    this.article = article;
    this.#onLayoutChange = onLayoutChange;
    // The scroller is the article's nearest `main`, the window's reading area.
    this.scroller = article.closest('main') ?? article;
  }

  get segments(): HTMLElement[] {
    return (this.#segments ??= articleSegments(this.article));
  }

  /** The text index, finishing now whatever the idle steps have not done yet. */
  get index(): FindTextIndex {
    const segments = this.segments;
    while (this.#texts.length < segments.length) this.#readNext();
    return (this.#index ??= new FindTextIndex(this.#texts));
  }

  /** Only while the bar is open: it observes every block. */
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

  /** Reads and folds the text in idle slices while the reader is still reaching for the keys. */
  prepareWhenIdle(options: () => FindOptions) {
    const step = () => {
      if (this.#released) return;
      const started = performance.now();
      while (this.#texts.length < this.segments.length) {
        this.#readNext();
        if (performance.now() - started > IDLE_SLICE_MS) return requestIdleCallback(step);
      }
      this.#index ??= new FindTextIndex(this.#texts);
      if (!this.#index.prepare(options(), IDLE_SLICE_MS)) requestIdleCallback(step);
    };
    requestIdleCallback(step);
  }

  /** Removes every highlight and stops watching the article; the text index is kept. */
  release() {
    this.#released = true;
    this.#highlighter?.destroy();
    this.#highlighter = null;
    this.#resize?.disconnect();
    this.#resize = null;
  }

  #readNext() {
    this.#texts.push(segmentText(this.segments[this.#texts.length]!));
  }
}
