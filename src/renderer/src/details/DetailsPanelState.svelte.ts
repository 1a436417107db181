/**
 * The details panel: whether it is open, its width (kept by main in `panel.json`, given at
 * start-up), and the details of the article on screen, asked for by its key.
 */
import type { ArticleDetails } from '../../../shared/article-details';
import type { LecternApi } from '../../../shared/ipc';
import { PANEL_MAX_WIDTH, PANEL_MIN_WIDTH, type PanelLayout } from '../../../shared/panel-layout';
import type { ShownArticle } from '../../../shared/startup';

export const clampWidth = (width: number) =>
  Math.round(Math.min(PANEL_MAX_WIDTH, Math.max(PANEL_MIN_WIDTH, width)));

export class DetailsPanelState {
  open = $state(false);
  width = $state(320);
  /** Replaced whole for each article. */
  details = $state.raw<ArticleDetails | null>(null);
  error = $state<string | null>(null);
  loading = $state(false);
  readonly #api: LecternApi;
  #ticket = 0;
  #touched = false;
  #detailsKey: string | null = null;

  constructor(api: LecternApi) {
    this.#api = api;
  }

  /** The stored layout, from the start-up answer; a toggle or resize made before it wins. */
  take(layout: PanelLayout) {
    if (this.#touched) return;
    this.open = layout.open;
    this.width = clampWidth(layout.width);
  }

  toggle = () => {
    this.open = !this.open;
    this.#save();
  };

  /** Called while dragging; `commit` saves once the drag or key press is done. */
  resize = (width: number, commit = true) => {
    this.width = clampWidth(width);
    if (commit) this.#save();
  };

  /** Fetches the details of the article now on screen, by its key (main computes them once). */
  async load(shown: ShownArticle | null) {
    const ticket = ++this.#ticket;
    if (!shown) {
      this.loading = false;
      this.details = null;
      return;
    }
    this.loading = true;
    if (this.#detailsKey !== shown.key) this.details = null;
    const result = await this.#api.call('reader.details', shown.key);
    if (ticket !== this.#ticket) return;
    this.loading = false;
    if (!result.ok) {
      this.error = result.error.message;
      return;
    }
    this.error = null;
    this.details = result.value;
    this.#detailsKey = shown.key;
  }

  #save() {
    this.#touched = true;
    void this.#api.call('ui.setPanel', { open: this.open, width: this.width });
  }
}
