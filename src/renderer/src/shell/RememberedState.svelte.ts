/**
 * What Lectern remembers for the window: settings, the reading position, highlights, and notices
 * about its own saved state. App creates one and calls `articleShown`.
 */
import { untrack } from 'svelte';
import type { Article } from '../../../shared/article';
import type { LecternApi } from '../../../shared/ipc';
import { articleKey } from '../../../shared/article-key';
import { HighlightsState } from '../highlights/HighlightsState.svelte';
import { ReadingPositionState } from '../reader/ReadingPositionState.svelte';
import { SettingsState } from '../appearance/SettingsState.svelte';

export class RememberedState {
  readonly settings: SettingsState;
  readonly position: ReadingPositionState;
  readonly highlights: HighlightsState;
  highlightsOpen = $state(false);
  /** Resolves once the article shown last has its position and highlights back. */
  settled: Promise<void> = Promise.resolve();
  #notices = $state<string[]>([]);
  #shown: Article | null = null;
  readonly #api: LecternApi;

  constructor(api: LecternApi) {
    this.#api = api;
    this.settings = new SettingsState(api);
    this.position = new ReadingPositionState(api);
    this.highlights = new HighlightsState(api);
  }

  /** Set-aside files since launch, and a settings save that failed. */
  get notices(): string[] {
    return this.settings.saveError ? [...this.#notices, this.settings.saveError] : this.#notices;
  }

  dismissNotices = () => {
    this.#notices = [];
    this.settings.saveError = null;
  };

  /** The article is in the DOM: restore its position and highlights. Safe to call in an effect. */
  articleShown(article: Article, scroller: HTMLElement) {
    this.#shown = article;
    // Detaching reads and clears the highlights; an effect calling this must not depend on them.
    untrack(() => this.highlights.detach());
    this.settled = articleKey(article).then(async (key) => {
      const root = scroller.querySelector<HTMLElement>('article');
      if (this.#shown !== article || !root) return;
      await Promise.all([
        this.position.restore(key, scroller),
        this.highlights.load(key, article.title, root),
      ]);
      const result = await this.#api.call('storage.notices');
      if (result.ok && result.value.length) this.#notices = [...this.#notices, ...result.value];
    });
  }
}
