/**
 * Highlights matches with mark.js only in the blocks on screen plus a margin, a few blocks per
 * frame, extending as the reader scrolls; new matches cancel the work left for older ones.
 */
import type Mark from 'mark.js';
import type { FindMatches } from '../../../shared/find-text-index';
import { FIND_EXCLUDE } from './article-segments';
import { loadMarkJs, markJs } from './mark-loader';

const MATCH_CLASS = 'find-match';
const CURRENT_CLASS = 'find-current';
/** Work per frame, so typing and scrolling stay smooth. */
const FRAME_BUDGET_MS = 6;

interface IndexedRange extends Mark.Range {
  index: number;
}

export class MatchHighlighter {
  readonly #segments: HTMLElement[];
  readonly #marks: (Mark | undefined)[] = [];
  readonly #near = new Set<number>();
  /** Blocks at least partly on screen, known without reading layout while the reader types. */
  readonly #inView = new Set<number>();
  readonly #observer: IntersectionObserver;
  readonly #viewObserver: IntersectionObserver;
  #matches: FindMatches | null = null;
  #current = -1;
  #currentElements: HTMLElement[] = [];
  /** Segments that hold marks now, and those already marked for the current matches. */
  #marked = new Set<number>();
  #done = new Set<number>();
  #frame = 0;
  #generation = 0;
  #settled = true;

  constructor(segments: HTMLElement[], scroller: HTMLElement) {
    this.#segments = segments;

    const order = new Map(segments.map((segment, index) => [segment, index]));
    this.#observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const index = order.get(entry.target as HTMLElement)!;
          if (entry.isIntersecting) this.#near.add(index);
          else this.#near.delete(index);
        }
        this.#schedule();
      },
      { root: scroller, rootMargin: '50% 0px' },
    );
    this.#viewObserver = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const index = order.get(entry.target as HTMLElement)!;
          if (entry.isIntersecting) this.#inView.add(index);
          else this.#inView.delete(index);
        }
      },
      { root: scroller },
    );
    for (const segment of segments) {
      this.#observer.observe(segment);
      this.#viewObserver.observe(segment);
    }
  }

  /** Shows new matches (or none); what is left of the previous ones is dropped. */
  show(matches: FindMatches | null, current: number): void {
    this.#matches = matches;
    this.#current = current;
    for (const element of this.#currentElements) element.classList.remove(CURRENT_CLASS);
    this.#currentElements = [];
    this.#done.clear();
    this.#generation++;
    this.#settled = false;
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    // The blocks on screen are marked in this task, so they change with the count; the rest follow.
    this.#pass();
  }

  /** Makes `index` the current match, marking its block first if needed, and scrolls to it. */
  setCurrent(index: number, scroll: 'if-hidden' | 'always' | 'never'): void {
    if (!markJs()) {
      this.#current = index;
      void loadMarkJs().then(() => this.#current === index && this.setCurrent(index, scroll));
      return;
    }
    for (const element of this.#currentElements) element.classList.remove(CURRENT_CLASS);
    this.#current = index;
    this.#currentElements = [];
    const matches = this.#matches;
    if (!matches || index < 0 || index >= matches.count) return;
    const segment = matches.segment[index]!;
    if (!this.#done.has(segment)) this.#markSegment(segment);
    this.#applyCurrent(segment);
    const first = this.#currentElements[0];
    if (!first || scroll === 'never') return;
    // While typing, a match in a block on screen does not move the page (and no layout is read).
    if (scroll === 'if-hidden' && this.#inView.has(segment)) return;
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    first.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
  }

  /** The first block at least partly in view, to start counting "n of N" from where the reader is. */
  firstVisibleSegment(): number {
    let first = Infinity;
    for (const index of this.#inView.size > 0 ? this.#inView : this.#near) {
      first = Math.min(first, index);
    }
    return Number.isFinite(first) ? first : 0;
  }

  destroy(): void {
    cancelAnimationFrame(this.#frame);
    this.#observer.disconnect();
    this.#viewObserver.disconnect();
    for (const segment of this.#marked) this.#unmark(segment);
    this.#marked.clear();
  }

  #schedule(): void {
    if (!this.#frame) this.#frame = requestAnimationFrame(() => this.#pass());
  }

  /** One frame's work: clear stale marks on screen, mark blocks on screen, then clear the rest. */
  #pass(): void {
    this.#frame = 0;
    if (!markJs()) return void loadMarkJs().then(() => this.#schedule());
    const started = performance.now();
    const overBudget = () => performance.now() - started > FRAME_BUDGET_MS;
    const near = [...this.#near].sort((a, b) => a - b);
    for (const segment of near) {
      if (this.#done.has(segment)) continue;
      this.#markSegment(segment);
      if (overBudget()) return this.#schedule();
    }
    if (!this.#settled) {
      this.#settled = true;
      // Read by the search benchmark: the highlights on screen now match the count.
      performance.mark('lectern-find-settled', { detail: this.#generation });
    }
    for (const segment of this.#marked) {
      if (this.#done.has(segment)) continue;
      this.#unmark(segment);
      if (overBudget()) return this.#schedule();
    }
  }

  #rangeOf(segment: number): [number, number] {
    const list = this.#matches!.segment;
    let low = 0;
    let high = this.#matches!.count;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (list[mid]! < segment) low = mid + 1;
      else high = mid;
    }
    let end = low;
    while (end < this.#matches!.count && list[end] === segment) end++;
    return [low, end];
  }

  #markSegment(segment: number): void {
    if (this.#marked.has(segment)) this.#unmark(segment);
    this.#done.add(segment);
    if (!this.#matches) return;
    const [from, to] = this.#rangeOf(segment);
    if (from === to) return;
    const ranges: IndexedRange[] = [];
    for (let i = from; i < to; i++) {
      const start = this.#matches.start[i]!;
      ranges.push({ start, length: this.#matches.end[i]! - start, index: i });
    }
    this.#mark(segment).markRanges(ranges, {
      className: MATCH_CLASS,
      exclude: FIND_EXCLUDE,
      each: (element, range) => {
        (element as HTMLElement).dataset.findMatch = String((range as IndexedRange).index);
      },
    });
    this.#marked.add(segment);
    if (this.#current >= from && this.#current < to) this.#applyCurrent(segment);
  }

  #applyCurrent(segment: number): void {
    const selector = `mark[data-find-match="${this.#current}"]`;
    this.#currentElements = [...this.#segments[segment]!.querySelectorAll<HTMLElement>(selector)];
    for (const element of this.#currentElements) element.classList.add(CURRENT_CLASS);
  }

  #unmark(segment: number): void {
    this.#mark(segment).unmark({ element: 'mark', className: MATCH_CLASS });
    this.#marked.delete(segment);
  }

  #mark(segment: number): Mark {
    const MarkJs = markJs()!;
    return (this.#marks[segment] ??= new MarkJs(this.#segments[segment]!));
  }
}
