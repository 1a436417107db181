/**
 * What Lectern remembers for the window: settings, the reading position, highlights, and notices
 * about its own saved state. Everything arrives with the answers to `app.start` and to each open;
 * App calls `articleShown` when an article is in the DOM.
 */
import { untrack } from 'svelte';
import type { LecternApi } from '../../../shared/ipc';
import type { ShownArticle } from '../../../shared/startup';
import { streamOf } from '../reader/ArticleStream.svelte';
import { HighlightsState } from '../highlights/HighlightsState.svelte';
import { ReadingPositionState } from '../reader/ReadingPositionState.svelte';
import { SettingsState } from '../appearance/SettingsState.svelte';
import { afterPaint } from './after-paint';

export class RememberedState {
  readonly settings: SettingsState;
  readonly position: ReadingPositionState;
  readonly highlights: HighlightsState;
  highlightsOpen = $state(false);
  /** Resolves once the article shown last has its highlights placed (or was replaced first). */
  settled: Promise<void> = Promise.resolve();
  #notices = $state<string[]>([]);
  #shown: ShownArticle | null = null;

  constructor(api: LecternApi) {
    this.settings = new SettingsState(api);
    this.position = new ReadingPositionState(api);
    this.highlights = new HighlightsState(api);
    this.settings.keepingPlace = this.position.keepPlace;
  }

  /** Set-aside files and failed saves reported by main, and a settings save that failed. */
  get notices(): string[] {
    return this.settings.saveError ? [...this.#notices, this.settings.saveError] : this.#notices;
  }

  addNotices = (messages: string[]) => {
    const fresh = messages.filter((message) => !this.#notices.includes(message));
    if (fresh.length) this.#notices = [...this.#notices, ...fresh];
  };

  dismissNotices = () => {
    this.#notices = [];
    this.settings.saveError = null;
  };

  /**
   * The article is in the DOM and its frame not yet painted: the position is restored now, so the
   * article first appears where the reader left it; highlights are placed just after that frame
   * (they change no layout). Safe to call in an effect. True for a new article; false for the same
   * one shown again (a long one, with its key once its last piece is in), where the place and the
   * focus the reader has given it since are kept.
   */
  articleShown(shown: ShownArticle, scroller: HTMLElement): boolean {
    const again = this.#shown?.article === shown.article;
    this.#shown = shown;
    const root = scroller.querySelector<HTMLElement>('article');
    // A long article's position and highlights are of its whole text: ReaderState shows it again
    // with them once its last piece is in.
    const { key } = shown;
    const whole = streamOf(shown.article).complete;
    untrack(() => {
      // Detaching reads and clears the highlights; an effect calling this must not depend on them.
      this.highlights.detach();
      if (key && whole) this.position.restore(key, shown.position, scroller, again);
      else this.position.showUnkeyed(scroller);
    });
    // Settled at once for a long article still arriving: its highlights come with its last piece.
    if (!key || !whole) {
      this.settled = Promise.resolve();
      return !again;
    }
    this.settled = new Promise((resolve) =>
      afterPaint(() => {
        resolve();
        if (this.#shown !== shown || !root?.isConnected) return;
        const { article, highlights } = shown;
        this.highlights.show(key, article.title, root, highlights.annotations);
      }),
    );
    return !again;
  }
}
