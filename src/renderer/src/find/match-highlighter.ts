/**
 * Highlights matches with mark.js only in the groups of segments (header parts, body chunks) on
 * screen plus half a screen: those on screen in the keystroke's task (or the frame's, when
 * scrolling), so the frame that shows the count shows them; those near it and the clearing of
 * older marks when the page is idle, a slice at a time. It extends as the reader scrolls,
 * and new matches cancel the work left for older ones. Which groups those are is read from their
 * boxes when needed (groups-in-view), with no observer working every frame.
 */
import { inSegment, type FindMatches } from '../../../shared/find-matches';
import { revealInScroller } from '../reader/reveal';
import { segmentRange, type FindSegments } from './article-segments';
import { groupsInView, NEAR_SCREENS, segmentOnScreen, type GroupRange } from './groups-in-view';
import { loadMarkJs, markJs } from './mark-loader';
import { drawMarks, inPlace, offPage, removeMarks, type NumberedRange } from './segment-marks';

const CURRENT_CLASS = 'find-current';
/** Work per idle slice, so a keystroke or a frame never waits long behind it. */
const IDLE_BUDGET_MS = 6;

/** Idle work still runs this long after it was asked for when the page is never idle. */
const IDLE_TIMEOUT_MS = 250;

/** When a pass runs: in the next frame before it is painted, or when the page is idle. */
type PassTime = 'before-paint' | 'idle';

export class MatchHighlighter {
  readonly #segments: FindSegments;
  readonly #scroller: HTMLElement;
  readonly #onScroll = () => {
    this.#top = null;
    this.#schedule('before-paint');
  };
  /** The first segment on screen, kept until the article scrolls: typing does not move it. */
  #top: number | null = null;
  #matches: FindMatches | null = null;
  #current = -1;
  #currentElements: HTMLElement[] = [];
  /** Segments that hold marks now, and those already marked for the current matches. */
  #marked = new Set<number>();
  #done = new Set<number>();
  /** The pass waiting for its turn, if any: cancelled when new matches come. */
  #pending: { when: PassTime; cancel: () => void } | null = null;
  #settled = true;
  /** The current match's block is on screen, but the match itself may be cut off at its edge. */
  #revealWhenMarked = false;

  constructor(segments: FindSegments, scroller: HTMLElement) {
    this.#segments = segments;
    this.#scroller = scroller;
    scroller.addEventListener('scroll', this.#onScroll, { passive: true });
  }

  /**
   * Shows new matches (or none) with `current` as the current one, and what is left of the
   * previous ones is dropped. A current match off screen is jumped to first, so the on-screen
   * matches marked next are those at the new place, and the next frame shows both; one on screen
   * is marked with the others, after their boxes are read.
   */
  show(matches: FindMatches | null, current: number): void {
    this.#matches = matches;
    this.#done.clear();
    this.#settled = false;
    this.#cancel();
    for (const element of this.#currentElements) element.classList.remove(CURRENT_CLASS);
    this.#currentElements = [];
    this.#current = current;
    const segment = matches && current >= 0 ? matches.segmentOf(current) : -1;
    // Read while the layout is still clean: a match on screen does not move the page.
    const onScreen = segment >= 0 && segmentOnScreen(this.#segments, segment, this.#scroller);
    if (segment >= 0 && !onScreen) this.setCurrent(current, 'jump');
    this.#revealWhenMarked = onScreen;
    // The groups on screen are marked in this task, so they change with the count; the rest follow.
    this.#pass('before-paint');
  }

  /**
   * Makes `index` the current match, marking its block first if needed, and scrolls to it: with a
   * glide when stepping to one nearby (`glide`), at once while typing (`jump`), since a glide lays
   * out every chunk it passes, frame after frame, under the next keystrokes.
   */
  setCurrent(index: number, scroll: 'glide' | 'jump'): void {
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
    const segment = matches.segmentOf(index);
    // A jump's match is off screen; a step's may be the one the view is anchored to.
    if (!this.#done.has(segment)) this.#markSegment(segment, scroll === 'jump');
    this.#applyCurrent(this.#segments.element(segment));
    const first = this.#currentElements[0];
    if (!first) return;
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    revealInScroller(first, this.#scroller, scroll === 'glide' && !reduce);
    this.#top = null;
  }

  /** The first segment at least partly in view, to count "n of N" from where the reader is. */
  firstVisibleSegment(): number {
    return (this.#top ??= this.#firstOnScreen());
  }

  #firstOnScreen(): number {
    const { view } = groupsInView(this.#segments.groups, this.#scroller);
    const group = view.first < view.end ? view.first : 0;
    const { groupStarts } = this.#segments;
    const top = this.#scroller.getBoundingClientRect().top;
    for (let segment = groupStarts[group]!; segment < groupStarts[group + 1]!; segment++) {
      const box = this.#segments.element(segment)?.getBoundingClientRect();
      if (box && box.bottom > top) return segment;
    }
    return groupStarts[group]!;
  }

  destroy(): void {
    this.#cancel();
    this.#scroller.removeEventListener('scroll', this.#onScroll);
    for (const segment of this.#marked) this.#unmark(segment, false);
    this.#marked.clear();
  }

  /**
   * Runs a pass in the coming frame before it is painted (`before-paint`: what is on screen is
   * marked in the frame that shows it), or when the page is next idle (`idle`: the rest, which
   * would only make the reader wait for the frame, or for the next keystroke's).
   */
  #schedule(when: PassTime): void {
    const pending = this.#pending;
    if (pending && (pending.when === 'before-paint' || when === 'idle')) return;
    this.#cancel();
    let live = true;
    const run = (deadline?: IdleDeadline) => {
      if (!live) return;
      this.#pending = null;
      this.#pass(when, deadline);
    };
    let cancel: () => void;
    if (when === 'before-paint') {
      const frame = requestAnimationFrame(() => run());
      cancel = () => cancelAnimationFrame(frame);
    } else {
      const idle = requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
      cancel = () => cancelIdleCallback(idle);
    }
    this.#pending = {
      when,
      cancel: () => {
        live = false;
        cancel();
      },
    };
  }

  #cancel(): void {
    this.#pending?.cancel();
    this.#pending = null;
  }

  /**
   * One slice of work: mark the segments on screen, all of them (the coming frame must show them,
   * and splitting them over two frames only lays the screen out twice); then, in passes when the
   * page is idle, those near it and the clearing of older marks, a slice at a time.
   */
  #pass(when: PassTime, deadline?: IdleDeadline): void {
    if (!markJs()) return void loadMarkJs().then(() => this.#schedule('before-paint'));
    // Boxes are all read first, then marks made: reading after a mark would lay the page out again.
    const [onScreen, nearby] = this.#segmentsToMark();
    const cutOff = this.#currentCutOff();
    // One block on screen stays in the page: the browser keeps the view anchored to one there.
    for (const [n, segment] of onScreen.entries()) {
      if (!this.#done.has(segment)) this.#markSegment(segment, n > 0);
    }
    if (cutOff) this.#reveal();
    if (!this.#settled) this.#settle();
    const stale = () => [...this.#marked].filter((segment) => !this.#done.has(segment));
    if (when === 'before-paint') {
      if (nearby.length > 0 || stale().length > 0) this.#schedule('idle');
      return;
    }
    // The idle period's own end, when it is sooner: the next frame or task is due then.
    const budget = Math.min(IDLE_BUDGET_MS, deadline?.timeRemaining() || IDLE_BUDGET_MS);
    const started = performance.now();
    const overBudget = () => performance.now() - started > budget;
    for (const segment of nearby) {
      if (!this.#done.has(segment)) this.#markSegment(segment, true);
      if (overBudget()) return this.#schedule('idle');
    }
    for (const segment of stale()) {
      this.#unmark(segment, true);
      if (overBudget()) return this.#schedule('idle');
    }
  }

  /**
   * The segments to mark now: those on screen, then those within half a screen of it (a chunk
   * can be many screens long). Segments the matches do not change are only noted as done.
   */
  #segmentsToMark(): [number[], number[]] {
    const { view, near } = groupsInView(this.#segments.groups, this.#scroller);
    const screen = this.#scroller.getBoundingClientRect();
    const margin = screen.height * NEAR_SCREENS;
    const onScreen: number[] = [];
    const nearby: number[] = [];
    for (const segment of this.#segmentsOf(near)) {
      if (this.#done.has(segment)) continue;
      if (!this.#changes(segment)) {
        this.#done.add(segment);
        continue;
      }
      const box = this.#segments.element(segment)?.getBoundingClientRect();
      if (!box || box.bottom < screen.top - margin || box.top > screen.bottom + margin) continue;
      const visible = box.bottom >= screen.top && box.top <= screen.bottom;
      const group = this.#segments.groupOf[segment]!;
      (visible && group >= view.first && group < view.end ? onScreen : nearby).push(segment);
    }
    return [onScreen, nearby];
  }

  *#segmentsOf({ first, end }: GroupRange): Generator<number> {
    const starts = this.#segments.groupStarts;
    for (let segment = starts[first]!; segment < starts[end]!; segment++) yield segment;
  }

  /** Whether showing the current matches changes this segment: it has some, or older marks. */
  #changes(segment: number): boolean {
    if (this.#marked.has(segment)) return true;
    const [from, to] = this.#matches ? inSegment(this.#matches, segment) : [0, 0];
    return from < to;
  }

  #settle() {
    this.#settled = true;
    // Read by the search benchmark: the highlights on screen now match the count.
    performance.mark('lectern-find-settled');
  }

  /** Marks a segment's matches, `detached` from the page meanwhile unless it may be on screen. */
  #markSegment(segment: number, detached: boolean): void {
    this.#done.add(segment);
    // Found before the element leaves the page: a body block is found by its place in its chunk.
    const element = this.#segments.element(segment);
    if (!element) return;
    (detached ? offPage : inPlace)(element, () => {
      if (this.#marked.delete(segment)) removeMarks(element);
      const [from, to] = this.#matches ? inSegment(this.#matches, segment) : [0, 0];
      if (from === to) return;
      const matches = this.#matches!;
      const ranges: NumberedRange[] = [];
      for (let i = from; i < to; i++) {
        const start = matches.startOf(i);
        ranges.push({ start, length: matches.endOf(i) - start, index: i });
      }
      drawMarks(markJs()!, element, ranges);
      this.#marked.add(segment);
      if (this.#current >= from && this.#current < to) this.#applyCurrent(element);
    });
  }

  /**
   * Whether the current match, in a block on screen, runs past the window's bottom edge: then it
   * is brought into view once marked, as Chromium's find does. One in view does not move the page,
   * and neither does one above the top, in the block the count starts from: typing must leave the
   * page where it is. Read from the text before it is marked (a mark changes no line), while the
   * layout is still clean: read after, it would lay the page out again for every keystroke.
   */
  #currentCutOff(): boolean {
    const matches = this.#matches;
    const current = this.#current;
    if (!this.#revealWhenMarked || !matches || current < 0) return false;
    this.#revealWhenMarked = false;
    const element = this.#segments.element(matches.segmentOf(current));
    const range =
      element && segmentRange(element, matches.startOf(current), matches.endOf(current));
    if (!range) return false;
    return range.getBoundingClientRect().bottom > this.#scroller.getBoundingClientRect().bottom;
  }

  #reveal(): void {
    const first = this.#currentElements[0];
    if (!first) return;
    revealInScroller(first, this.#scroller, false);
    this.#top = null;
  }

  #applyCurrent(element: HTMLElement | null): void {
    const selector = `mark[data-find-match="${this.#current}"]`;
    this.#currentElements = element ? [...element.querySelectorAll<HTMLElement>(selector)] : [];
    for (const mark of this.#currentElements) mark.classList.add(CURRENT_CLASS);
  }

  #unmark(segment: number, detached: boolean): void {
    const element = this.#segments.element(segment);
    this.#marked.delete(segment);
    if (element) (detached ? offPage : inPlace)(element, () => removeMarks(element));
  }
}
