/** The find bar: query, options, count and current match; highlighting is left to MatchHighlighter. */
import { untrack } from 'svelte';
import type { FindMatches } from '../../../shared/find-matches';
import type { FindOptions } from '../../../shared/find-text-index';
import { ArticleFind } from './article-find';
import { segmentRange } from './article-segments';
import { railMarkers, type RailMarker } from './rail-markers';
import { SearchHistory, type SearchHistoryStore } from './search-history';

export type FindOption = keyof FindOptions;

/** The rail is redrawn this long after the last keystroke (a typist's pause, not a gap). */
const RAIL_DELAY_MS = 250;

export class FindState {
  open = $state(false);
  query = $state('');
  options = $state<FindOptions>({ matchCase: false, wholeWord: false, regex: false });
  count = $state(0);
  current = $state(-1);
  /** Why the pattern is not valid; the last good matches stay shown meanwhile. */
  error = $state<string | null>(null);
  markers = $state.raw<RailMarker[]>([]);
  /** The count the markers were drawn for: their labels keep it until they are drawn again. */
  railCount = $state(0);
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
  #connected: ArticleFind | null = null;
  #matches: FindMatches | null = null;
  /** The match the bar left selected when it closed. */
  #leftSelected: string | null = null;
  #searchbox: HTMLInputElement | null = null;
  #railTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(historyStore?: SearchHistoryStore) {
    this.#history = new SearchHistory(historyStore);
  }

  /** Attachment for the element around the article; the scroller is its nearest `main`. */
  attach = (article: HTMLElement) => {
    const connected = new ArticleFind(
      article,
      () => this.#scheduleRail(),
      () => this.#connected === connected && this.#run(),
    );
    this.#connected = connected;
    // After this update: the article's body (built by its own attachment) is in place then.
    queueMicrotask(() => this.#connected === connected && untrack(() => this.#run()));
    return () => {
      connected.release();
      // The next article's attachment may already have run.
      if (this.#connected !== connected) return;
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
    this.#connected.prepareWhenIdle(() => this.options);
  };

  /**
   * Opens the bar on the first of `terms` the article holds (a search result's words: an OR's
   * match may hold only its second), as find itself reads them; else on the first. `options` are
   * switched on first, in the bar for the reader to see (a name is found as whole words).
   */
  openBarOn = (terms: readonly string[], options: Partial<FindOptions> = {}) => {
    const connected = this.#connected;
    if (!connected || !terms.length) return;
    this.options = { ...this.options, ...options };
    // Opened from the library, a long article's body is whole by now (ReaderState.openFromLibrary).
    this.openBar(connected.index.firstFound(terms, this.options) ?? terms[0]);
  };

  /**
   * Closes the bar and, as Chromium's find does, leaves the current match selected: a keyboard
   * user can then highlight it with H. (Opening the bar again keeps the query, not that text.)
   */
  close = () => {
    this.#history.remember(this.query);
    this.open = false;
    const place = this.#currentPlace();
    this.#connected?.release();
    this.#matches = null;
    this.markers = [];
    this.#connected?.scroller.focus({ preventScroll: true });
    // Made once the marks are gone, over the text nodes they leave.
    const range = place && segmentRange(place.element, place.start, place.end);
    const selection = getSelection();
    this.#leftSelected = range ? range.toString().trim() : null;
    if (range && selection) {
      selection.removeAllRanges();
      selection.addRange(range);
    }
  };

  #currentPlace(): { element: HTMLElement; start: number; end: number } | null {
    const matches = this.#matches;
    const index = this.current;
    if (!matches || !this.#connected || index < 0 || index >= matches.count) return null;
    const element = this.#connected.segments.element(matches.segmentOf(index));
    return element && { element, start: matches.startOf(index), end: matches.endOf(index) };
  }

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
    this.#connected?.highlighter.setCurrent(index, 'glide');
  };

  /** Adds the history kept from earlier sessions (loaded after the bar was created). */
  restoreHistory = (earlier: string[]) => this.#history.restore(earlier);

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
    if (text === this.#leftSelected) return '';
    return text.includes('\n') || text.length > 200 ? '' : text;
  }

  #run() {
    const connected = this.#connected;
    if (!connected || !this.open) return;
    let matches: FindMatches | null = null;
    if (this.query.trim() !== '') {
      const result = connected.index.find(this.query, this.options);
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
    connected.highlighter.show(matches, this.current);
    this.#scheduleRail();
  }

  /** The first match at or after the top of the view, wrapping to the first. */
  #firstInView(matches: FindMatches): number {
    const first = matches.firstFrom(this.#connected!.highlighter.firstVisibleSegment());
    return first < matches.count ? first : 0;
  }

  // The rail is an overview: it follows the count once typing pauses, off the typing path.
  #scheduleRail() {
    clearTimeout(this.#railTimer);
    this.#railTimer = setTimeout(() => {
      const connected = this.#connected;
      if (!connected) return;
      const { scroller } = connected;
      this.railInset = scroller.offsetWidth - scroller.clientWidth;
      const matches = this.#matches;
      this.markers = matches ? railMarkers(matches, connected.segments, connected.geometry) : [];
      this.railCount = matches?.count ?? 0;
    }, RAIL_DELAY_MS);
  }
}
