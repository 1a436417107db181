/** One chunk of an article's body: a run of top-level blocks ArticleBody renders as one element. */
import type { mount } from 'svelte';
import { sizeClass } from './chunk-sizes';

export class BodyChunk {
  /** Set when ArticleView renders it (at once for the chunks there when the body is made). */
  element: HTMLElement = null!;
  /** Its blocks' components, once mounted. */
  mounted: ReturnType<typeof mount> | null = null;
  /** `chunk` and its size class: the estimated height it stands in at until first laid out. */
  readonly className: string;
  /**
   * `first` to `end` (exclusive) are its top-level blocks; `lines` its estimated height in lines
   * of text.
   */
  constructor(
    readonly first: number,
    readonly end: number,
    readonly lines: number,
  ) {
    this.className = `chunk ${sizeClass(lines)}`;
  }

  get filled(): boolean {
    return this.mounted !== null;
  }
}
