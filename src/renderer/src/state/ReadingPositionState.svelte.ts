/** How far through the article the reader is, saved per article as block + offset, restored on open. */
import type { LecternApi } from '../../../shared/ipc';
import { positionAtTop, scrollToPosition } from './text-positions';

const SAVE_DELAY_MS = 400;

export class ReadingPositionState {
  /** 0–1 through the article. */
  progress = $state(0);
  readonly #api: LecternApi;
  #key: string | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(api: LecternApi) {
    this.#api = api;
  }

  /** Called once the article for `key` is in the DOM: jumps to where the reader left off. */
  async restore(key: string, scroller: HTMLElement) {
    clearTimeout(this.#timer);
    this.#key = key;
    // Web fonts change line breaks; the position is found once they are in.
    await document.fonts.ready;
    const result = await this.#api.call('position.get', key);
    if (this.#key !== key) return;
    if (result.ok && result.value?.block) {
      scrollToPosition(scroller, result.value.block, result.value.offset);
    }
    this.#measure(scroller);
  }

  onScroll = (scroller: HTMLElement) => {
    this.#measure(scroller);
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#save(scroller), SAVE_DELAY_MS);
  };

  #measure(scroller: HTMLElement) {
    const range = scroller.scrollHeight - scroller.clientHeight;
    this.progress = range > 0 ? Math.min(1, Math.max(0, scroller.scrollTop / range)) : 1;
  }

  #save(scroller: HTMLElement) {
    const key = this.#key;
    if (!key) return;
    const at = positionAtTop(scroller) ?? { block: '', offset: 0 };
    void this.#api.call('position.set', key, { ...at, progress: this.progress });
  }
}
