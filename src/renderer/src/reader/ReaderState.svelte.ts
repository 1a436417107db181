/** The open article and the last error; every way of opening goes through `#show`, latest wins. */
import type { LecternApi } from '../../../shared/ipc';
import type { RecentEntry } from '../../../shared/recent';
import type { AppError, Result } from '../../../shared/result';
import type { OpenedArticle, ShownArticle } from '../../../shared/startup';
import { streamOf } from './ArticleStream.svelte';

export class ReaderState {
  /** The article on screen with its key, position and highlights; replaced whole on every open. */
  shown = $state.raw<ShownArticle | null>(null);
  readonly article = $derived(this.shown?.article ?? null);
  error = $state<AppError | null>(null);
  /** True from the start until the first answer, and while an article is being opened. */
  busy = $state(true);
  recent = $state.raw<RecentEntry[]>([]);
  /** Set by the app: storage notices that came with an answer. */
  onNotices: (messages: string[]) => void = () => undefined;
  /** Set by the app: called just before the article on screen is replaced, still in the DOM. */
  beforeReplace: () => void = () => undefined;
  /** Set by the app: what must be ready before the article is put on screen (its fonts). */
  beforeShow: (shown: ShownArticle) => Promise<void> = async () => undefined;
  readonly #api: LecternApi;
  #latest = 0;

  constructor(api: LecternApi) {
    this.#api = api;
  }

  openWithPicker = () => this.#show(this.#api.openWithPicker());
  openPath = (path: string) => this.#show(this.#api.call('reader.openPath', path));
  openDropped = (file: File) => this.#show(this.#api.openDroppedFile(file));
  /** An article from the open library (checked in main to be inside its folder). */
  openFromLibrary = (path: string) => this.#show(this.#api.call('library.openArticle', path));
  dismissError = () => (this.error = null);

  /** The article (or the reason there is none) from the start-up answer. */
  async start(article: ShownArticle | null, error: AppError | null, recent: RecentEntry[]) {
    const ticket = ++this.#latest;
    this.recent = recent;
    this.error = error;
    if (article) await this.#present(article, ticket);
    else if (ticket === this.#latest) this.busy = false;
  }

  async openExternal(url: string) {
    const result = await this.#api.call('shell.openExternal', url);
    if (!result.ok) this.error = result.error;
  }

  async #show(pending: Promise<Result<OpenedArticle | null>>) {
    const ticket = ++this.#latest;
    this.busy = true;
    const result = await pending;
    if (ticket !== this.#latest) return;
    if (!result.ok || !result.value) {
      this.busy = false;
      if (!result.ok) this.error = result.error;
      return;
    }
    const { recent, notices, ...shown } = result.value;
    this.recent = recent;
    this.onNotices(notices);
    await this.#present(shown, ticket);
  }

  async #present(shown: ShownArticle, ticket: number) {
    await this.beforeShow(shown);
    if (ticket !== this.#latest) return;
    this.beforeReplace();
    this.shown = shown;
    this.error = null;
    this.busy = false;
    // A long article came with the head of its body: the rest follows while it is still shown,
    // the last piece with its key, position and highlights (of the whole text).
    const stream = streamOf(shown.article);
    await stream.load(this.#api, () => ticket === this.#latest);
    if (ticket !== this.#latest) return;
    if (stream.failure) this.error = { code: 'internal', message: stream.failure };
    if (stream.remembered) this.shown = { ...shown, ...stream.remembered };
  }
}
