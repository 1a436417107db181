/**
 * What the list shows and filters beyond title, source and date: each article's reading status,
 * its copies, and the articles naming someone. Main sends these facts whole (they are small); the
 * list is filtered here (research-filters), with the source and date filters.
 */
import type { LecternApi } from '../../../shared/ipc';
import type { LibraryEntry } from '../../../shared/library';
import {
  articleToContinue,
  readingStatus,
  type AnalysisProgress,
  type LibraryFacts,
  type ReadingRecord,
  type ReadingStatus,
} from '../../../shared/library-research';
import { isoNow } from '../shell/iso-now';
import { AllHighlightsState } from './AllHighlightsState.svelte';
import { PeopleState } from './PeopleState.svelte';
import {
  copiesById,
  idSet,
  keepEntries,
  NO_RECORDS,
  recordsById,
  sameShown,
  withRecord,
  type StatusFilter,
} from './research-filters';

/** Facts are asked again at most this often while the analysis runs. */
const REFRESH_MS = 1000;

export class ResearchState {
  facts = $state.raw<LibraryFacts | null>(null);
  /** How far the articles read in this window were read, ahead of the next facts from main. */
  #readHere = $state.raw<ReadonlyMap<number, ReadingRecord>>(NO_RECORDS);
  status = $state<StatusFilter>('');
  duplicatesOnly = $state(false);
  /** The list narrowed to the articles naming someone (People and places, details panel). */
  named = $state.raw<{ name: string; ids: ReadonlySet<number> } | null>(null);
  analysis = $state.raw<AnalysisProgress | null>(null);
  error = $state<string | null>(null);
  /** For the details panel: in how many other articles each of its names appears. */
  elsewhere = $state.raw<Record<string, number> | null>(null);

  readonly records = $derived(recordsById(this.facts, this.#readHere));
  readonly copies = $derived(copiesById(this.facts));
  /** The entry to continue, from what main remembers and what was read here since. */
  readonly continueId = $derived(articleToContinue(this.records));
  readonly active = $derived(Boolean(this.status || this.duplicatesOnly || this.named));

  readonly #apiOf: () => LecternApi;
  #ticket = 0;
  #elsewhereTicket = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** The API is asked for when first needed: the library state makes this before it has it. */
  constructor(api: LecternApi | (() => LecternApi)) {
    this.#apiOf = typeof api === 'function' ? api : () => api;
  }

  get #api(): LecternApi {
    return this.#apiOf();
  }

  /** A fresh "All highlights" view, loading. */
  highlightsView(): AllHighlightsState {
    const view = new AllHighlightsState(this.#api);
    void view.load();
    return view;
  }

  /** A fresh "People and places" view, loading. */
  peopleView(): PeopleState {
    const view = new PeopleState(this.#api);
    void view.load();
    return view;
  }

  statusOf = (id: number): ReadingStatus => readingStatus(this.records.get(id));
  copiesOf = (id: number): number => this.copies.get(id)?.size ?? 0;

  async refresh() {
    const ticket = ++this.#ticket;
    const result = await this.#api.call('research.facts');
    if (ticket !== this.#ticket) return;
    if (!result.ok) {
      this.error = result.error.message;
      return;
    }
    this.error = null;
    this.facts = result.value;
    this.#readHere = NO_RECORDS;
    if (result.value?.analysis) this.analysis = result.value.analysis;
  }

  /** The analysis moved on: new copies and keys arrive with the next facts. */
  onAnalysis = (progress: AnalysisProgress) => {
    this.analysis = progress;
    if (!progress.running) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      void this.refresh();
    } else {
      this.#timer ??= setTimeout(() => {
        this.#timer = undefined;
        void this.refresh();
      }, REFRESH_MS);
    }
  };

  /** The article `id` was scrolled to `progress` here (main saves the same position). */
  noteReading(id: number, progress: number) {
    const old = this.records.get(id);
    const record = { progress, furthest: Math.max(progress, old?.furthest ?? 0), at: isoNow() };
    if (!sameShown(old, record)) this.#readHere = withRecord(this.#readHere, id, record);
  }

  /**
   * The article marked last from the list: the Reading filter keeps showing it until the list's
   * keyboard place moves on, so a second M undoes the first instead of marking the next row (mail
   * apps keep a message just marked read in an Unread view the same way). Another filter lets it go.
   */
  justMarked = $state<{ id: number; under: StatusFilter } | null>(null);

  /** Set by the app: saves a place scrolled to moments ago, so a mark is made on what was read. */
  beforeMark: () => Promise<void> = async () => undefined;

  markRead = async (ids: number[], read: boolean) => {
    if (ids.length === 0) return;
    await this.beforeMark();
    const result = await this.#api.call('research.markRead', ids, read);
    if (!result.ok) this.error = result.error.message;
    await this.refresh();
  };

  /** Narrows the list to the articles that name `name`. */
  showNamed = async (name: string) => {
    const result = await this.#api.call('research.mentioning', name);
    if (!result.ok) {
      this.error = result.error.message;
      return;
    }
    this.named = { name, ids: idSet(result.value) };
  };

  /** Counts, for the article at `path` (null: not from a file), of its names elsewhere. */
  async loadElsewhere(path: string | null, names: string[]) {
    const ticket = ++this.#elsewhereTicket;
    const result = await this.#api.call('research.otherMentions', path, names.slice(0, 1000));
    if (ticket === this.#elsewhereTicket) this.elsewhere = result.ok ? result.value : null;
  }

  clear = () => {
    this.justMarked = null;
    this.status = '';
    this.duplicatesOnly = false;
    this.named = null;
  };

  /** The entries these filters keep, in the order given (copies together with Duplicates). */
  keep(entries: LibraryEntry[]): LibraryEntry[] {
    if (!this.active) return entries;
    const filter = {
      status: this.status,
      duplicatesOnly: this.duplicatesOnly,
      named: this.named?.ids ?? null,
      kept: this.justMarked?.under === this.status ? this.justMarked.id : null,
    };
    return keepEntries(entries, filter, this.records, this.copies);
  }
}
