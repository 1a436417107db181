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
    const result = await this.#api.call('research.names', this.filter);
    if (ticket !== this.#ticket) return;
    this.error = result.ok ? null : result.error.message;
    if (result.ok) this.list = result.value;
  }
}
