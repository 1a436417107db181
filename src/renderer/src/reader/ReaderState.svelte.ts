/** The open article and the last error; every way of opening goes through `#show`, latest wins. */
import type { Article } from '../../../shared/article';
import type { LecternApi } from '../../../shared/ipc';
import type { RecentEntry } from '../../../shared/recent';
import type { AppError, Result } from '../../../shared/result';
import { streamOf } from './ArticleStream.svelte';

export class ReaderState {
  /** Replaced whole on every open, so it is not made deeply reactive. */
  article = $state.raw<Article | null>(null);
  error = $state<AppError | null>(null);
  busy = $state(false);
  recent = $state.raw<RecentEntry[]>([]);
  readonly #api: LecternApi;
  #latest = 0;

  constructor(api: LecternApi) {
    this.#api = api;
  }

  openStartup = () => this.#show(this.#api.call('reader.openStartup'));
  openWithPicker = () => this.#show(this.#api.openWithPicker());
  openPath = (path: string) => this.#show(this.#api.call('reader.openPath', path));
  openDropped = (file: File) => this.#show(this.#api.openDroppedFile(file));
  /** An article from the open library (checked in main to be inside its folder). */
  openFromLibrary = (path: string) => this.#show(this.#api.call('library.openArticle', path));
  dismissError = () => (this.error = null);

  async refreshRecent() {
    const result = await this.#api.call('recent.list');
    if (result.ok) this.recent = result.value;
  }

  async openExternal(url: string) {
    const result = await this.#api.call('shell.openExternal', url);
    if (!result.ok) this.error = result.error;
  }

  async #show(pending: Promise<Result<Article | null>>) {
    const ticket = ++this.#latest;
    this.busy = true;
    const result = await pending;
    if (ticket !== this.#latest) return;
    this.busy = false;
    if (!result.ok) {
      this.error = result.error;
      return;
    }
    if (!result.value) return;
    this.article = result.value;
    this.error = null;
    void this.refreshRecent();
    // A long article came with the head of its body: the rest follows, while it is still shown.
    const stream = streamOf(result.value);
    await stream.load(this.#api, () => ticket === this.#latest);
    if (stream.failure && ticket === this.#latest)
      this.error = { code: 'internal', message: stream.failure };
  }
}
