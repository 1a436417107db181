/** The "All highlights" view: every stored highlight, searched and filtered by colour here. */
import type { HighlightColour } from '../../../shared/annotation';
import type { LecternApi } from '../../../shared/ipc';
import type { HighlightEntry } from '../../../shared/library-research';
import { allHighlightsMarkdown, filterHighlights, foldedHighlight } from './all-highlights';

export class AllHighlightsState {
  /** Replaced whole on each load; thousands of entries are not made deeply reactive. */
  entries = $state.raw<HighlightEntry[]>([]);
  #folded: string[] = [];
  loaded = $state(false);
  query = $state('');
  colour = $state<HighlightColour | ''>('');
  message = $state<string | null>(null);
  readonly shown = $derived(filterHighlights(this.entries, this.#folded, this.colour, this.query));
  readonly #api: LecternApi;

  constructor(api: LecternApi) {
    this.#api = api;
  }

  #ticket = 0;

  /** Loads (again: the list follows the library as it is indexed); the last answer wins. */
  async load() {
    const ticket = ++this.#ticket;
    const result = await this.#api.call('highlights.all');
    if (ticket !== this.#ticket) return;
    if (!result.ok) {
      this.message = result.error.message;
      return;
    }
    this.#folded = result.value.map(foldedHighlight);
    this.entries = result.value;
    this.loaded = true;
  }

  exportAll = async () => {
    const text = allHighlightsMarkdown(this.entries);
    const result = await this.#api.saveTextFile({ suggestedName: 'all-highlights.md', text });
    if (!result.ok) this.message = result.error.message;
    else if (result.value) this.message = `All highlights exported to ${result.value}.`;
  };
}
