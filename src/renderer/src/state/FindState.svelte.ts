/** The find bar: query, options, count and current match; highlighting is left to MatchHighlighter. */
import { untrack } from 'svelte';
import { FindTextIndex, type FindMatches, type FindOptions } from '../../../shared/find-text-index';
import { articleSegments, segmentText } from '../find/article-segments';
import { MatchHighlighter } from '../find/match-highlighter';
import {
  measureSegments,
  railMarkers,
  type RailMarker,
  type SegmentGeometry,
} from '../find/rail-markers';
import { SearchHistory, type SearchHistoryStore } from '../find/search-history';

export type FindOption = keyof FindOptions;

/** The article on screen; what find needs of it is made when the bar first opens on it. */
interface Connected {
  article: HTMLElement;
  scroller: HTMLElement;
  segments: HTMLElement[] | null;
  /** Where the blocks are, for the rail; measured again after a resize. */
  geometry: SegmentGeometry | null;
  resize: ResizeObserver | null;
  /** Only while the bar is open: it observes every block. */
  highlighter: MatchHighlighter | null;
  /** Segment texts read so far, then the index built from them. */
  texts: string[];
  index: FindTextIndex | null;
}

/** Work per idle slice while preparing, well under a frame. */
const IDLE_SLICE_MS = 8;

export class FindState {
  open = $state(false);
  query = $state('');
  options = $state<FindOptions>({ matchCase: false, wholeWord: false, regex: false });
  count = $state(0);
  current = $state(-1);
  /** Why the pattern is not valid; the last good matches stay shown meanwhile. */
  error = $state<string | null>(null);
  markers = $state.raw<RailMarker[]>([]);
  /** Width of the scroller's own scrollbar, so the rail sits just beside it. */
  railInset = $state(0);
  status = $derived(
    this.query.trim() === ''
      ? ''
      : this.count === 0
        ? 'No results'
        : `${this.current + 1} of ${this.count}`,
  );
  readonly #history: SearchHistory;
  #connected: Connected | null = null;
  #matches: FindMatches | null = null;
  #searchbox: HTMLInputElement | null = null;
  #railTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(historyStore?: SearchHistoryStore) {
    this.#history = new SearchHistory(historyStore);
  }

  /** Attachment for the element around the article; the scroller is its nearest `main`. */
  attach = (article: HTMLElement) => {
    const scroller = article.closest('main') ?? article;
    const connected: Connected = {
      article,
      scroller,
      segments: null,
      highlighter: null,
      geometry: null,
      resize: null,
      texts: [],
      index: null,
    };
    this.#connected = connected;
    untrack(() => this.#run());
    return () => {
      this.#release(connected);
      this.#connected = null;
      this.#matches = null;
    };
  };

  /** Attachment for the search box, so opening the bar can focus it. */
  searchbox = (input: HTMLInputElement) => {
    this.#searchbox = input;
    input.focus();
    input.select();
    return () => (this.#searchbox = null);
  };

  openBar = (prefill = this.#selectedText()) => {
    if (!this.#connected) return;
    if (prefill) this.query = prefill;
    const wasOpen = this.open;
    this.open = true;
    if (wasOpen) {
      this.#searchbox?.focus();
      this.#searchbox?.select();
    }
    if (prefill || !wasOpen) this.#run();
    this.#prepareWhenIdle(this.#connected);
  };

  close = () => {
    this.#history.remember(this.query);
    this.open = false;
    if (this.#connected) this.#release(this.#connected);
    this.#matches = null;
    this.markers = [];
    this.#connected?.scroller.focus({ preventScroll: true });
  };

  setQuery = (query: string) => {
    this.query = query;
    this.#run();
  };

  toggle = (option: FindOption) => {
    this.options[option] = !this.options[option];
    this.#run();
  };

  next = () => this.#step(1);
  previous = () => this.#step(-1);

  goTo = (index: number) => {
    if (!this.#matches || index < 0 || index >= this.count) return;
    this.current = index;
    this.#connected?.highlighter?.setCurrent(index, 'always');
  };

  recallPrevious = () => {
    const entry = this.#history.previous(this.query);
    if (entry !== undefined) this.setQuery(entry);
  };

  recallNext = () => {
    const entry = this.#history.next();
    if (entry !== undefined) this.setQuery(entry);
  };

  #step(direction: 1 | -1) {
    this.#history.remember(this.query);
    if (this.count === 0) return;
    this.goTo((this.current + direction + this.count) % this.count);
  }

  #selectedText(): string {
    const selection = getSelection();
    const article = this.#connected?.article;
    if (!selection || selection.isCollapsed || !article) return '';
    if (!article.contains(selection.anchorNode)) return '';
    const text = selection.toString().trim();
    return text.includes('\n') || text.length > 200 ? '' : text;
  }

  #run() {
    const connected = this.#connected;
    if (!connected || !this.open) return;
    let matches: FindMatches | null = null;
    if (this.query.trim() !== '') {
      const result = this.#indexed(connected).find(this.query, this.options);
      if (!result.ok) {
        this.error = result.message;
        return;
      }
      matches = result.matches;
    }
    this.error = null;
    this.#matches = matches;
    this.count = matches?.count ?? 0;
    this.current = matches && matches.count > 0 ? this.#firstInView(matches) : -1;
    const highlighter = this.#highlighter(connected);
    highlighter.show(matches, this.current);
    highlighter.setCurrent(this.current, 'if-hidden');
    this.#scheduleRail();
  }

  /** The article's text index, finishing now whatever the idle steps have not done yet. */
  #indexed(connected: Connected): FindTextIndex {
    const segments = this.#segments(connected);
    const texts = connected.texts;
    while (texts.length < segments.length) texts.push(segmentText(segments[texts.length]!));
    return (connected.index ??= new FindTextIndex(texts));
  }

  #segments(connected: Connected): HTMLElement[] {
    return (connected.segments ??= articleSegments(connected.article));
  }

  #highlighter(connected: Connected): MatchHighlighter {
    if (connected.highlighter) return connected.highlighter;
    const segments = this.#segments(connected);
    // Measured before the first mark, while layout is still clean, and again after a resize.
    connected.geometry = measureSegments(segments, connected.scroller);
    connected.resize = new ResizeObserver(() => {
      const { geometry, scroller } = connected;
      if (
        geometry &&
        geometry.railHeight === scroller.clientHeight &&
        geometry.scrollHeight === scroller.scrollHeight
      )
        return;
      connected.geometry = null;
      this.#scheduleRail();
    });
    connected.resize.observe(connected.scroller);
    connected.resize.observe(connected.article);
    return (connected.highlighter = new MatchHighlighter(segments, connected.scroller));
  }

  /** Everything that watches the article while the bar is open. */
  #release(connected: Connected) {
    connected.highlighter?.destroy();
    connected.highlighter = null;
    connected.resize?.disconnect();
    connected.resize = null;
  }

  /** Reads and folds the text in idle slices while the reader is still reaching for the keys. */
  #prepareWhenIdle(connected: Connected) {
    const step = () => {
      if (this.#connected !== connected) return;
      const started = performance.now();
      const segments = this.#segments(connected);
      const texts = connected.texts;
      while (texts.length < segments.length) {
        texts.push(segmentText(segments[texts.length]!));
        if (performance.now() - started > IDLE_SLICE_MS) return requestIdleCallback(step);
      }
      const index = (connected.index ??= new FindTextIndex(texts));
      if (!index.prepare(this.options, IDLE_SLICE_MS)) requestIdleCallback(step);
    };
    requestIdleCallback(step);
  }

  /** The first match at or after the top of the view, wrapping to the first. */
  #firstInView(matches: FindMatches): number {
    const segment = this.#highlighter(this.#connected!).firstVisibleSegment();
    let low = 0;
    let high = matches.count;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (matches.segment[mid]! < segment) low = mid + 1;
      else high = mid;
    }
    return low < matches.count ? low : 0;
  }

  // The rail is an overview: it follows the count a moment later, off the typing path.
  #scheduleRail() {
    clearTimeout(this.#railTimer);
    this.#railTimer = setTimeout(() => {
      const connected = this.#connected;
      if (!connected || !this.#matches) return;
      const { scroller } = connected;
      this.railInset = scroller.offsetWidth - scroller.clientWidth;
      connected.geometry ??= measureSegments(this.#segments(connected), scroller);
      this.markers = railMarkers(this.#matches, connected.geometry);
    }, 60);
  }
}
