/** The open library: its list (sorted and filtered here), search results, progress and J/K order. */
import * as v from 'valibot';
import type { LecternApi } from '../../../shared/ipc';
import {
  MAX_SEARCH_RESULTS,
  SEARCH_PAGE,
  type AppEvent,
  type LargeFolderQuestion,
  type LibraryEntry,
  type LibraryProgress,
  type LibrarySnapshot,
  type SearchHit,
} from '../../../shared/library';
import {
  parseSearchQuery,
  seeksNothing,
  type QueryProblem,
} from '../../../shared/library-query-syntax';
import type { SearchFilter } from '../../../shared/library-research';
import type { AppError, Result } from '../../../shared/result';
import { findTermsFor } from './search-syntax-help';
import { ListSelection } from './ListSelection.svelte';
import {
  countSources,
  countsLabel,
  orderEntries,
  type LibraryFilter,
  type LibrarySort,
} from './library-order';
import { ResearchState } from './ResearchState.svelte';
import { UiStateSlot } from '../shell/ui-state';

const SEARCH_DELAY_MS = 120;
const FiltersShownSchema = v.object({ open: v.boolean() });

export class LibraryState {
  /** Replaced whole on each change; 50 000 entries must not be made deeply reactive. */
  snapshot = $state.raw<LibrarySnapshot | null>(null);
  /** Kept apart from the snapshot: progress ticks must not re-sort 50 000 rows. */
  progress = $state.raw<LibraryProgress | null>(null);
  error = $state<AppError | null>(null);
  sort = $state<LibrarySort>('date');
  filter = $state<LibraryFilter>({ source: '', from: '', to: '' });
  query = $state('');
  hits = $state.raw<SearchHit[]>([]);
  /** How many articles match the query in all; the best of them are `hits`. */
  total = $state(0);
  /** How many the search that answered last asked for: "Show more" stays while the next loads. */
  answeredLimit = $state(SEARCH_PAGE);
  /** A page more is on its way. */
  loadingMore = $state(false);
  /** Counts the answers that are a new list (a new query or filter), not the same one longer. */
  resultsFor = $state(0);
  #newList = true;
  /** How many of the best results a search asks for: a page, and a page more per "Show more". */
  #askFor = SEARCH_PAGE;
  /** Below ~900 px the library is a side sheet over the reader: whether it is showing. */
  sheetOpen = $state(true);
  /** A big folder named at launch, not opened until the user says so. */
  question = $state<LargeFolderQuestion | null>(null);
  /** The article being read, so J/K can move from it. */
  currentPath = $state<string | null>(null);
  /** The rows chosen in the list (by path), for exporting several articles at once. */
  readonly selection = new ListSelection();

  /** Reading status, copies and names: the list's other filters. */
  readonly research = new ResearchState(() => this.#api);
  readonly visible = $derived(
    this.snapshot
      ? this.research.keep(orderEntries([...this.snapshot.entries], this.sort, this.filter))
      : [],
  );
  /** The article "Continue reading" opens: read most recently and not finished. */
  readonly continueWith = $derived.by(() => {
    const id = this.research.continueId;
    return id === null ? null : (this.snapshot?.entries.find((e) => e.id === id) ?? null);
  });
  readonly sources = $derived(countSources(this.snapshot?.entries ?? []));
  readonly counts = $derived(countsLabel(this.snapshot?.entries.length ?? 0, this.sources.length));
  /** How many of the filters behind the Filters button are on, for its label. */
  readonly filtersOn = $derived(
    [
      this.filter.source,
      this.filter.from || this.filter.to,
      this.research.status,
      this.research.duplicatesOnly,
    ].filter(Boolean).length,
  );
  /** Whether the filters behind the Filters button show; kept across sessions. */
  filtersOpen = $state(false);
  /** Any filter on, a name chosen in People and places included. */
  readonly filtered = $derived(this.filtersOn > 0 || this.research.named !== null);
  /** Why a search found nothing or failed, shown in the panel rather than over the article. */
  searchError = $state<string | null>(null);
  /** The query as the syntax reads it: what is wrong with it, or what is worth saying about it. */
  readonly parsed = $derived(parseSearchQuery(this.query));
  readonly queryProblems = $derived<QueryProblem[]>(
    this.parsed.ok ? this.parsed.query.notices : [this.parsed.problem],
  );
  /** Every filter of the list, which a search keeps to as well. */
  readonly searchFilter = $derived<SearchFilter>({
    ...this.filter,
    status: this.research.status,
    duplicates: this.research.duplicatesOnly,
    named: this.research.named?.name ?? '',
  });

  /**
   * Set by the app: opens an article with words for the find bar (a search result's, or the name
   * the list is narrowed to); it looks for the first of them the article holds. `asName`: a name
   * is found as whole words ("Che" is not the start of "Chegean").
   */
  onOpenArticle: (path: string, findTerms: readonly string[], asName?: boolean) => void = () =>
    undefined;
  /** Set by the app: opens an article at one of its highlights (from All highlights). */
  onOpenHighlight: (path: string, id: string) => void = () => undefined;

  readonly #api: LecternApi;
  #searchTicket = 0;
  #refreshing = false;
  #refreshAgain = false;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;

  readonly #filtersShown: UiStateSlot<{ open: boolean }>;
  #filtersToggled = false;
  #filtersRestored: Promise<void> | null = null;

  constructor(api: LecternApi) {
    this.#api = api;
    this.#filtersShown = new UiStateSlot(api, 'library.filters', FiltersShownSchema, () => ({
      open: false,
    }));
  }

  /**
   * Reads whether the reader left the Filters shown, once: before the panel's first frame when
   * the app starts with a library, so the list is not laid out twice. A press made before the
   * answer wins over it.
   */
  restoreFiltersShown = (): Promise<void> =>
    (this.#filtersRestored ??= this.#filtersShown.read().then(({ open }) => {
      if (!this.#filtersToggled) this.filtersOpen = open;
    }));

  /** Shows or hides the filters behind the Filters button, as the reader left them next time. */
  toggleFilters = () => {
    this.#filtersToggled = true;
    this.filtersOpen = !this.filtersOpen;
    void this.#filtersShown.write({ open: this.filtersOpen });
  };

  /**
   * The folder from the start-up answer (named at launch, or open last), a question about a big
   * folder named at launch, or why it failed. The sheet is not forced open: it may be a reopened
   * article's turn (see App).
   */
  start = (answer: LibrarySnapshot | LargeFolderQuestion | null, error: AppError | null) => {
    if (answer && 'kind' in answer) {
      this.question = answer;
      return Promise.resolve();
    }
    return this.#show(
      Promise.resolve(error ? { ok: false, error } : { ok: true, value: answer }),
      false,
    );
  };
  openAsked = () => {
    this.question = null;
    return this.#show(this.#api.call('library.openAsked'));
  };
  dismissQuestion = () => (this.question = null);
  openDialog = () => this.#show(this.#api.call('library.openDialog'));
  openPath = (path: string) => this.#show(this.#api.call('library.openPath', path));
  openDropped = (file: File) => this.#show(this.#api.openDroppedFolder(file));
  cancel = () => void this.#api.call('library.cancel');
  resume = () => void this.#api.call('library.resume');
  /** A run was stopped before the end: search covers only what was read. */
  readonly stopped = $derived(
    Boolean(this.progress && !this.progress.running && this.progress.done < this.progress.total),
  );
  dismissError = () => (this.error = null);
  toggleSheet = () => (this.sheetOpen = !this.sheetOpen);

  /** Applies a pushed event; returns nothing so it can be a listener directly. */
  onEvent = (event: AppEvent) => {
    const snapshot = this.snapshot;
    if (event.type === 'export-progress' || !snapshot || event.folder !== snapshot.folder) return;
    if (event.type === 'library-progress') {
      this.progress = event.progress;
    } else if (event.type === 'library-analysis') {
      this.research.onAnalysis(event.progress);
    } else if (event.revision > snapshot.revision) void this.refresh();
  };

  /** One refresh at a time; changes that arrive meanwhile are picked up by one more. */
  async refresh() {
    if (this.#refreshing) {
      this.#refreshAgain = true;
      return;
    }
    this.#refreshing = true;
    do {
      this.#refreshAgain = false;
      const result = await this.#api.call('library.snapshot');
      if (result.ok && result.value) this.#take(result.value);
    } while (this.#refreshAgain);
    this.#refreshing = false;
    void this.research.refresh();
    if (this.query.trim()) void this.#runSearch();
  }

  setQuery = (query: string) => {
    this.query = query;
    this.#askFor = SEARCH_PAGE;
    this.#newList = true;
    clearTimeout(this.#searchTimer);
    // An answer still on its way is for what was typed before: it is not shown.
    this.#searchTicket++;
    this.loadingMore = false;
    if (!query.trim()) {
      this.hits = [];
      this.total = 0;
      this.searchError = null;
      return;
    }
    this.#searchTimer = setTimeout(() => void this.#runSearch(), SEARCH_DELAY_MS);
  };

  /** More results match than are shown, and a search may send more of them. */
  get moreToShow(): boolean {
    const { hits, total, answeredLimit } = this;
    return (
      hits.length === answeredLimit && total > hits.length && answeredLimit < MAX_SEARCH_RESULTS
    );
  }

  /** How many more results "Show more" would add. */
  get nextPage(): number {
    const left = Math.min(this.total, MAX_SEARCH_RESULTS) - this.hits.length;
    return Math.max(0, Math.min(SEARCH_PAGE, left));
  }

  /** Asks for a page more of the best results: the same search, ranked the same, longer. */
  showMore = async (): Promise<void> => {
    if (!this.moreToShow || this.loadingMore) return;
    this.#askFor = Math.min(MAX_SEARCH_RESULTS, this.answeredLimit + SEARCH_PAGE);
    clearTimeout(this.#searchTimer);
    this.loadingMore = true;
    try {
      await this.#runSearch();
    } finally {
      this.loadingMore = false;
    }
  };

  /**
   * The filters may have changed: a search under way is run again within them, as a new list. The
   * filter is rebuilt whenever the reading state behind it is (the same name read again, say), so
   * only a real change counts: the results shown, and how far down they go, stay otherwise.
   */
  refilter = () => {
    const key = JSON.stringify($state.snapshot(this.searchFilter));
    if (key === this.#searchedFilter) return;
    this.#searchedFilter = key;
    if (this.query.trim()) this.setQuery(this.query);
  };
  #searchedFilter = '';

  /**
   * Whether the file of an article opened from this library changed or went since it was read:
   * the watcher keeps the list current, so its entry says what is on disk now.
   */
  fileStatus(path: string | null, readAt: string | null): 'changed' | 'gone' | null {
    const folder = this.snapshot?.folder;
    if (!path || !folder || !path.startsWith(folder)) return null;
    const entry = this.snapshot!.entries.find((e) => e.path === path);
    if (!entry) {
      const broken = this.snapshot!.broken.some((b) => b.path === path);
      return broken || this.progress?.running ? null : 'gone';
    }
    if (entry.modified < 0 || !readAt) return null;
    // The list truncates to whole milliseconds and Node's Date rounds: 1 ms apart is the same time.
    return Math.abs(entry.modified - Date.parse(readAt)) > 1 ? 'changed' : null;
  }

  /** Opens an entry; in the list narrowed to a name, with that name in the find bar. */
  // An article chosen in the side sheet is shown at once: the sheet steps aside for it.
  openEntry = (path: string) => {
    this.currentPath = path;
    this.sheetOpen = false;
    const named = this.research.named?.name;
    this.onOpenArticle(path, named ? [named] : [], !!named);
  };

  openHighlight = (path: string, id: string) => {
    this.currentPath = path;
    this.sheetOpen = false;
    this.onOpenHighlight(path, id);
  };

  openHit = (hit: SearchHit) => {
    this.currentPath = hit.entry.path;
    this.sheetOpen = false;
    this.onOpenArticle(hit.entry.path, findTermsFor(this.parsed, this.query));
  };

  /** The list as the panel shows it: search results while searching, else the sorted, filtered list. */
  get shown(): LibraryEntry[] {
    return this.query.trim() ? this.hits.map((hit) => hit.entry) : this.visible;
  }

  /** The list narrowed to the articles naming `name` (from the details panel or People and places). */
  showNamed = (name: string) => {
    this.setQuery('');
    void this.research.showNamed(name);
  };

  /** The article being read was scrolled to `progress` (0–1): its row's status follows. */
  noteReading(progress: number) {
    const entry = this.snapshot?.entries.find((e) => e.path === this.currentPath);
    if (entry) this.research.noteReading(entry.id, progress);
  }

  /** The next (+1) or previous (-1) article in the list as shown, from the one being read. */
  step = (direction: 1 | -1) => {
    const list = this.shown;
    if (list.length === 0) return;
    const at = list.findIndex((entry) => entry.path === this.currentPath);
    const next = at < 0 ? 0 : Math.min(list.length - 1, Math.max(0, at + direction));
    if (next !== at) this.openEntry(list[next]!.path);
  };

  #take(snapshot: LibrarySnapshot) {
    this.snapshot = snapshot;
    this.progress = snapshot.progress;
  }

  /**
   * A plain query with no filter is searched exactly as before the syntax; one with operators or
   * under filters goes to research.search; a malformed one is not sent (the panel says why).
   */
  #runSearch(): Promise<void> {
    const ticket = ++this.#searchTicket;
    const parsed = this.parsed;
    if (!parsed.ok || seeksNothing(parsed.query)) {
      this.hits = [];
      this.searchError = null;
      return Promise.resolve();
    }
    const limit = this.#askFor;
    const pending =
      parsed.query.plain && !this.filtered
        ? this.#api.call('library.search', this.query, limit)
        : this.#api.call('research.search', this.query, $state.snapshot(this.searchFilter), limit);
    return pending.then((result) => {
      if (ticket !== this.#searchTicket) return;
      // A failed search leaves no stale results behind; its reason shows in the panel.
      this.hits = result.ok ? result.value.hits : [];
      this.total = result.ok ? result.value.total : 0;
      this.answeredLimit = limit;
      if (this.#newList) this.resultsFor++;
      this.#newList = false;
      this.searchError = result.ok ? null : result.error.message;
    });
  }

  async #show(pending: Promise<Result<LibrarySnapshot | null>>, reveal = true) {
    const result = await pending;
    if (!result.ok) {
      this.error = result.error;
      return;
    }
    if (!result.value) return;
    this.#take(result.value);
    this.error = null;
    if (reveal) this.sheetOpen = true;
    this.setQuery('');
    this.filter = { source: '', from: '', to: '' };
    this.research.clear();
    // Events sent before this answer arrived were for a library the window did not know yet.
    void this.refresh();
  }
}
