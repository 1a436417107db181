/**
 * Highlights matches with mark.js only in the groups of segments (header parts, body chunks) on
 * screen plus half a screen, those on screen first and a few blocks per frame; it extends as the
 * reader scrolls, and new matches cancel the work left for older ones. Two intersection observers
 * watch the few hundred groups, not every block.
 */
import Mark from 'mark.js';
import type { FindMatches } from '../../../shared/find-text-index';
import { revealInScroller } from '../reader/reveal';
import { FIND_EXCLUDE, type FindSegments } from './article-segments';

const MATCH_CLASS = 'find-match';
const CURRENT_CLASS = 'find-current';
/** Work per frame, so typing and scrolling stay smooth. */
const FRAME_BUDGET_MS = 6;

interface IndexedRange extends Mark.Range {
  index: number;
}

export class MatchHighlighter {
  readonly #segments: FindSegments;
  readonly #scroller: HTMLElement;
  readonly #marks = new Map<number, Mark>();
  /** Groups near the view (half a screen around it), and those at least partly on screen. */
  readonly #near = new Set<number>();
  readonly #inView = new Set<number>();
  readonly #observers: IntersectionObserver[];
  #matches: FindMatches | null = null;
  #current = -1;
  #currentElements: HTMLElement[] = [];
  /** Segments that hold marks now, and those already marked for the current matches. */
  #marked = new Set<number>();
  #done = new Set<number>();
  #frame = 0;
  #settled = true;

  constructor(segments: FindSegments, scroller: HTMLElement) {
    this.#segments = segments;
    this.#scroller = scroller;
    const order = new Map(segments.groups.map((group, index) => [group as Element, index]));
    const watch = (into: Set<number>, rootMargin: string) =>
      new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            const group = order.get(entry.target)!;
            if (entry.isIntersecting) into.add(group);
            else into.delete(group);
          }
          this.#schedule();
        },
        { root: scroller, rootMargin },
      );
    this.#observers = [watch(this.#near, '50% 0px'), watch(this.#inView, '0px')];
    for (const observer of this.#observers) {
      for (const group of segments.groups) observer.observe(group);
    }
  }

  /** Shows new matches (or none); what is left of the previous ones is dropped. */
  show(matches: FindMatches | null, current: number): void {
    this.#matches = matches;
    this.#current = current;
    for (const element of this.#currentElements) element.classList.remove(CURRENT_CLASS);
    this.#currentElements = [];
    this.#done.clear();
    this.#settled = false;
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    // The groups on screen are marked in this task, so they change with the count; the rest follow.
    this.#pass();
  }

  /** Makes `index` the current match, marking its block first if needed, and scrolls to it. */
  setCurrent(index: number, scroll: 'if-hidden' | 'always' | 'never'): void {
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
    // While typing, a match already on screen does not move the page.
    if (scroll === 'if-hidden' && this.#onScreen(segment, first)) return;
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    revealInScroller(first, this.#scroller, !reduce);
  }

  /** The first segment at least partly in view, to count "n of N" from where the reader is. */
  firstVisibleSegment(): number {
    const groups = this.#inView.size > 0 ? this.#inView : this.#near;
    if (groups.size === 0) return 0;
    const group = Math.min(...groups);
    const { groupStarts } = this.#segments;
    const top = this.#scroller.getBoundingClientRect().top;
    for (let segment = groupStarts[group]!; segment < groupStarts[group + 1]!; segment++) {
      const box = this.#segments.element(segment)?.getBoundingClientRect();
      if (box && box.bottom > top) return segment;
    }
    return groupStarts[group]!;
  }

  destroy(): void {
    cancelAnimationFrame(this.#frame);
    for (const observer of this.#observers) observer.disconnect();
    for (const segment of this.#marked) this.#unmark(segment);
    this.#marked.clear();
  }

  #onScreen(segment: number, element: HTMLElement): boolean {
    if (!this.#inView.has(this.#segments.groupOf[segment]!)) return false;
    const view = this.#scroller.getBoundingClientRect();
    const box = element.getBoundingClientRect();
    return box.top >= view.top && box.bottom <= view.bottom;
  }

  #schedule(): void {
    if (!this.#frame) this.#frame = requestAnimationFrame(() => this.#pass());
  }

  /** One frame's work: mark the groups on screen, then those near it, then clear the rest. */
  #pass(): void {
    this.#frame = 0;
    const started = performance.now();
    const overBudget = () => performance.now() - started > FRAME_BUDGET_MS;
    const byOrder = (a: number, b: number) => a - b;
    const onScreen = [...this.#inView].sort(byOrder);
    const nearby = [...this.#near].filter((group) => !this.#inView.has(group)).sort(byOrder);
    for (const group of [...onScreen, ...nearby]) {
      if (group === nearby[0] && !this.#settled) this.#settle();
      const { groupStarts } = this.#segments;
      for (let segment = groupStarts[group]!; segment < groupStarts[group + 1]!; segment++) {
        if (this.#done.has(segment)) continue;
        this.#markSegment(segment);
        if (overBudget()) return this.#schedule();
      }
    }
    if (!this.#settled) this.#settle();
    for (const segment of this.#marked) {
      if (this.#done.has(segment)) continue;
      this.#unmark(segment);
      if (overBudget()) return this.#schedule();
    }
  }

  #settle() {
    this.#settled = true;
    // Read by the search benchmark: the highlights on screen now match the count.
    performance.mark('lectern-find-settled');
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
    const marker = from === to ? null : this.#mark(segment);
    if (!marker) return;
    const ranges: IndexedRange[] = [];
    for (let i = from; i < to; i++) {
      const start = this.#matches.start[i]!;
      ranges.push({ start, length: this.#matches.end[i]! - start, index: i });
    }
    marker.markRanges(ranges, {
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
    const element = this.#segments.element(segment);
    this.#currentElements = element ? [...element.querySelectorAll<HTMLElement>(selector)] : [];
    for (const mark of this.#currentElements) mark.classList.add(CURRENT_CLASS);
  }

  #unmark(segment: number): void {
    this.#mark(segment)?.unmark({ element: 'mark', className: MATCH_CLASS });
    this.#marked.delete(segment);
  }

  #mark(segment: number): Mark | null {
    let marker = this.#marks.get(segment);
    if (!marker) {
      const element = this.#segments.element(segment);
      if (!element) return null;
      this.#marks.set(segment, (marker = new Mark(element)));
    }
    return marker;
  }
}
