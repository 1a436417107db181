/** How far through the article the reader is, saved per article as block + offset, restored on open. */
import type { LecternApi } from '../../../shared/ipc';
import type { ReadingPosition } from '../../../shared/settings';
import { positionAtTop, scrollToPosition } from '../highlights/text-positions';

const SAVE_DELAY_MS = 400;

export class ReadingPositionState {
  /** 0–1 through the article. */
  progress = $state(0);
  readonly #api: LecternApi;
  #key: string | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** The scroller whose position waits to be saved (SAVE_DELAY_MS after the last scroll). */
  #waiting: HTMLElement | null = null;
  /** Set by `holdUntilInput`: the app is moving the view, until the reader does something. */
  #held = false;
  /**
   * The article's scroller, and its scrollTop when last placed or saved: a scroll event that finds
   * it there (the one `restore` causes) is not the reader's.
   */
  #scroller: HTMLElement | null = null;
  #lastTop = 0;
  /** Whether the view moved since an article was shown without its key (a long one arriving). */
  #movedUnkeyed = false;

  constructor(api: LecternApi) {
    this.#api = api;
  }

  /**
   * Called once the article for `key` is in the DOM, before that frame is painted: the first frame
   * shows the article where the reader left it, so nothing jumps. `again`: the article was shown
   * before without its key (`showUnkeyed`), its rest arriving since.
   */
  restore(key: string, saved: ReadingPosition | null, scroller: HTMLElement, again: boolean) {
    // (A scroll's event comes with the next frame: one made just before may not have been seen.)
    const movedWhileArriving =
      again &&
      this.#key === null &&
      this.#scroller === scroller &&
      (this.#movedUnkeyed || Math.abs(scroller.scrollTop - this.#lastTop) > 1);
    clearTimeout(this.#timer);
    this.#waiting = null;
    this.#key = key;
    if (movedWhileArriving) {
      // The view moved while the rest arrived (the reader scrolled, or find went to a match):
      // it stays there, and a place the reader scrolled to is saved like any other.
      this.#lastTop = scroller.scrollTop;
      this.#measure(scroller);
      if (!this.#held) this.#schedule(scroller);
      return;
    }
    scroller.scrollTop = 0;
    if (saved?.block) scrollToPosition(scroller, saved.block, saved.offset);
    this.#scroller = scroller;
    this.#lastTop = scroller.scrollTop;
    this.#measure(scroller);
    if (!saved?.block) return;
    // A face that arrives later (another script's subset) changes line breaks: keep the same
    // words at the top, unless the reader has scrolled since.
    const placed = scroller.scrollTop;
    void document.fonts.ready.then(() => {
      if (this.#key !== key || Math.abs(scroller.scrollTop - placed) > 1) return;
      scrollToPosition(scroller, saved.block, saved.offset);
      this.#lastTop = scroller.scrollTop;
      this.#measure(scroller);
    });
  }

  /**
   * An article without its key (a long one whose rest is arriving, or one that has none) is shown
   * at its top. Nothing is saved until `restore` names it with its key, once its last piece is in.
   */
  showUnkeyed(scroller: HTMLElement) {
    clearTimeout(this.#timer);
    this.#waiting = null;
    this.#key = null;
    this.#scroller = scroller;
    scroller.scrollTop = 0;
    this.#lastTop = scroller.scrollTop;
    this.#movedUnkeyed = false;
    this.#measure(scroller);
  }

  /**
   * The scroller moved: the position is saved once it rests. False when the move was the app's,
   * placing an article just opened (at its top, or where it was left): that is not reading it.
   */
  onScroll = (scroller: HTMLElement): boolean => {
    this.#measure(scroller);
    const moved = Math.abs(scroller.scrollTop - this.#lastTop) > 1;
    if (moved && this.#key === null) this.#movedUnkeyed = true;
    if (this.#held || !moved) {
      this.#lastTop = scroller.scrollTop;
      return false;
    }
    this.#schedule(scroller);
    return true;
  };

  #schedule(scroller: HTMLElement) {
    clearTimeout(this.#timer);
    this.#waiting = scroller;
    this.#timer = setTimeout(() => void this.#save(scroller), SAVE_DELAY_MS);
  }

  /**
   * Runs a change that lays the article out again (a text size, a font, a line width), keeping the
   * words at the top of the view there, as a resize does; a face still loading moves them once more.
   * Not a scroll of the reader's: nothing is saved for it.
   */
  keepPlace = (change: () => void) => {
    const scroller = this.#scroller;
    const at = scroller?.isConnected ? positionAtTop(scroller) : null;
    change();
    if (!scroller || !at?.block) return;
    const place = () => {
      scrollToPosition(scroller, at.block, at.offset);
      this.#lastTop = scroller.scrollTop;
      this.#measure(scroller);
    };
    place();
    const placed = scroller.scrollTop;
    void document.fonts.ready.then(() => {
      if (Math.abs(scroller.scrollTop - placed) <= 1) place();
    });
  };

  /**
   * The app is about to move the view of an article just opened (to a search's first match, to a
   * highlight): that is not reading it, so scrolls are not saved until the reader next presses a
   * key, clicks, wheels or touches (`onInput`).
   */
  holdUntilInput() {
    this.#held = true;
  }

  onInput = () => {
    this.#held = false;
  };

  /**
   * Saves a position still waiting, now: the window is closing or hidden, or another article is
   * about to replace this one (its words are still in the DOM to be read).
   */
  flush = async (): Promise<void> => {
    clearTimeout(this.#timer);
    // A scroll's event comes with the next frame: one made just before may not have been seen.
    const scroller = this.#scroller;
    const moved = !!scroller && !this.#held && Math.abs(scroller.scrollTop - this.#lastTop) > 1;
    const waiting = this.#waiting ?? (moved ? scroller : null);
    if (waiting) await this.#save(waiting);
  };

  #measure(scroller: HTMLElement) {
    const range = scroller.scrollHeight - scroller.clientHeight;
    this.progress = range > 0 ? Math.min(1, Math.max(0, scroller.scrollTop / range)) : 1;
  }

  /** Sends the position; the promise settles once main has it (a failed save is not retried). */
  async #save(scroller: HTMLElement): Promise<void> {
    this.#waiting = null;
    this.#lastTop = scroller.scrollTop;
    this.#measure(scroller);
    const key = this.#key;
    if (!key) return;
    const at = positionAtTop(scroller) ?? { block: '', offset: 0 };
    await this.#api.call('position.set', key, { ...at, progress: this.progress });
  }
}
