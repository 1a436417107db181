/**
 * The library list's selection, by key (an article's path): one item after a plain click or arrow
 * key, a range from the anchor with Shift, items added or removed one by one with Ctrl/Cmd. Keys
 * survive sorting and filtering; what is exported is the selection as the list shows it.
 */
import { SvelteSet } from 'svelte/reactivity';

export class ListSelection {
  readonly keys = new SvelteSet<string>();
  #anchor: string | null = null;

  get size(): number {
    return this.keys.size;
  }

  has = (key: string): boolean => this.keys.has(key);

  /** Only this item (a plain click, an arrow key); it becomes the anchor of later ranges. */
  only(key: string) {
    if (this.keys.size !== 1 || !this.keys.has(key)) this.#replace([key]);
    this.#anchor = key;
  }

  /** Adds or removes one item (Ctrl/Cmd+click, Ctrl+Space). */
  toggle(key: string) {
    if (!this.keys.delete(key)) this.keys.add(key);
    this.#anchor = key;
  }

  /** Every item from the anchor to `keys[index]`, in list order (Shift+click, Shift+arrows). */
  extend(keys: string[], index: number) {
    const anchorAt = this.#anchor === null ? -1 : keys.indexOf(this.#anchor);
    const from = anchorAt < 0 ? index : anchorAt;
    if (anchorAt < 0) this.#anchor = keys[index] ?? null;
    const [start, end] = from <= index ? [from, index] : [index, from];
    this.#replace(keys.slice(start, end + 1));
  }

  all(keys: string[]) {
    this.#replace(keys);
  }

  /** The selected items in the order the list shows them. */
  inOrder<T>(items: T[], keyOf: (item: T) => string): T[] {
    return this.keys.size === 0 ? [] : items.filter((item) => this.keys.has(keyOf(item)));
  }

  #replace(keys: string[]) {
    this.keys.clear();
    for (const key of keys) this.keys.add(key);
  }
}
