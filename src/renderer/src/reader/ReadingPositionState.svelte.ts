/** How far through the article the reader is, saved per article as block + offset, restored on open. */
import type { LecternApi } from '../../../shared/ipc';
import { positionAtTop, scrollToPosition } from '../highlights/text-positions';

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
    const result = await this.#api.call('position.get', key);
    if (this.#key !== key) return;
    const saved = result.ok ? result.value : null;
    // Web fonts change line breaks; the position is found once they are in. Laying the article
    // out first makes the page ask for every font subset its text needs: `fonts.ready` alone can
    // resolve before they are even requested, and the text then moves after the jump.
    for (let pass = 0; pass < 3; pass++) {
      void scroller.scrollHeight;
      await document.fonts.ready;
      if (this.#key !== key) return;
      if (!saved?.block) break;
      const before = scroller.scrollTop;
      scrollToPosition(scroller, saved.block, saved.offset);
      // Stop once a jump leaves the text where it was: nothing moved it since the last one.
      if (pass > 0 && Math.abs(scroller.scrollTop - before) < 1) break;
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
