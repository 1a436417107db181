/**
 * The details panel: whether it is open, its width, and the details of the article on screen.
 * The layout is kept through a `PanelLayoutPort`, so a settings store can take it over later.
 */
import type { Article } from '../../../shared/article';
import type { ArticleDetails } from '../../../shared/article-details';
import type { LecternApi } from '../../../shared/ipc';
import { PANEL_MAX_WIDTH, PANEL_MIN_WIDTH, type PanelLayout } from '../../../shared/panel-layout';

export interface PanelLayoutPort {
  load(): Promise<PanelLayout | null>;
  save(layout: PanelLayout): Promise<void>;
}

/** The panel layout kept by main in `panel.json` (contract calls `ui.getPanel` / `ui.setPanel`). */
export function apiLayoutPort(api: LecternApi): PanelLayoutPort {
  return {
    load: async () => {
      const result = await api.call('ui.getPanel');
      return result.ok ? result.value : null;
    },
    save: async (layout) => void (await api.call('ui.setPanel', layout)),
  };
}

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
  readonly #port: PanelLayoutPort;
  #ticket = 0;
  #touched = false;

  constructor(api: LecternApi, port: PanelLayoutPort = apiLayoutPort(api)) {
    this.#api = api;
    this.#port = port;
  }

  async restore() {
    const layout = await this.#port.load();
    // A toggle or resize made while the layout was loading wins over the saved one.
    if (layout && !this.#touched) {
      this.open = layout.open;
      this.width = clampWidth(layout.width);
    }
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

  /** Fetches the details of the article now on screen (main computed them when it was opened). */
  async load(article: Article | null) {
    const ticket = ++this.#ticket;
    if (!article) {
      this.loading = false;
      this.details = null;
      return;
    }
    this.loading = true;
    if (this.details?.file.name !== article.source.name) this.details = null;
    const result = await this.#api.call('reader.details');
    if (ticket !== this.#ticket) return;
    this.loading = false;
    if (!result.ok) {
      this.error = result.error.message;
      return;
    }
    this.error = null;
    // Main answers for the article it opened last; a different one means a newer open is under way.
    const current = result.value?.file.name === article.source.name;
    this.details = current ? result.value : null;
  }

  #save() {
    this.#touched = true;
    void this.#port.save({ open: this.open, width: this.width });
  }
}
