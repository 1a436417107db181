/** The "People and places" view: names across the library, filtered in main as you type. */
import type { LecternApi } from '../../../shared/ipc';
import type { NameList } from '../../../shared/library-research';

const FILTER_DELAY_MS = 100;

export class PeopleState {
  filter = $state('');
  list = $state.raw<NameList | null>(null);
  error = $state<string | null>(null);
  readonly #api: LecternApi;
  #ticket = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** The filter `list` answers; behind `filter` while typing. */
  #listedFor: string | null = null;

  constructor(api: LecternApi) {
    this.#api = api;
  }

  setFilter = (filter: string) => {
    this.filter = filter;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.load(), FILTER_DELAY_MS);
  };

  async load() {
    const ticket = ++this.#ticket;
    const filter = this.filter;
    const result = await this.#api.call('research.names', filter);
    if (ticket !== this.#ticket) return;
    this.error = result.ok ? null : result.error.message;
    if (!result.ok) return;
    this.list = result.value;
    this.#listedFor = filter;
  }

  /** The most named match for what is typed now (Enter in the filter), asked for if not listed. */
  async best(): Promise<string | null> {
    const filter = this.filter;
    if (this.#listedFor !== filter) {
      clearTimeout(this.#timer);
      await this.load();
    }
    // Typing on while it was asked for: this Enter was for a filter no longer there.
    return this.#listedFor === filter ? (this.list?.names[0]?.name ?? null) : null;
  }
}
