/** Earlier searches, recalled with ↑/↓ in the search box like a shell's history. */

/** Where the list lives: memory for now; the settings store can implement this to persist it. */
export interface SearchHistoryStore {
  load(): string[];
  save(list: string[]): void;
}

export function memoryHistoryStore(initial: string[] = []): SearchHistoryStore {
  let list = [...initial];
  return {
    load: () => [...list],
    save: (next) => (list = [...next]),
  };
}

const LIMIT = 50;

export class SearchHistory {
  readonly #store: SearchHistoryStore;
  #entries: string[];
  /** Position while recalling; `entries.length` means "the text being typed". */
  #cursor: number;
  #draft = '';

  constructor(store: SearchHistoryStore = memoryHistoryStore()) {
    this.#store = store;
    this.#entries = store.load().slice(-LIMIT);
    this.#cursor = this.#entries.length;
  }

  /** Remembers a search (most recent last, no duplicates) and ends any recall. */
  remember(query: string): void {
    if (query.trim() !== '') {
      this.#entries = [...this.#entries.filter((entry) => entry !== query), query].slice(-LIMIT);
      this.#store.save(this.#entries);
    }
    this.#cursor = this.#entries.length;
  }

  /** Puts searches kept from earlier sessions before this session's, once they have loaded. */
  restore(earlier: string[]): void {
    const session = this.#entries;
    // They may arrive while the reader is recalling: the cursor stays on the same entry.
    const fromEnd = session.length - this.#cursor;
    this.#entries = [...earlier.filter((entry) => !session.includes(entry)), ...session].slice(
      -LIMIT,
    );
    this.#cursor = Math.max(0, this.#entries.length - fromEnd);
  }

  /** The search before the one shown, or undefined at the oldest. */
  previous(shown: string): string | undefined {
    if (this.#cursor === this.#entries.length) this.#draft = shown;
    let cursor = this.#cursor - 1;
    // Skip an entry equal to what is already in the box.
    if (cursor >= 0 && this.#entries[cursor] === shown) cursor--;
    if (cursor < 0) return undefined;
    this.#cursor = cursor;
    return this.#entries[cursor];
  }

  /** The search after the one shown, then the text that was being typed. */
  next(): string | undefined {
    if (this.#cursor >= this.#entries.length) return undefined;
    this.#cursor++;
    return this.#cursor === this.#entries.length ? this.#draft : this.#entries[this.#cursor];
  }
}
