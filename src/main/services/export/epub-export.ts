/**
 * Exports articles as one EPUB: each article is read, its highlights placed, and laid out as a
 * chapter (one at a time, so the main thread stays free), then the book is packed off-thread.
 * Progress is reported as it goes; Stop ends the run at once and nothing is written.
 */
import type { Annotation } from '../../../shared/annotation';
import type { Article } from '../../../shared/article';
import { buildExportChapter } from '../../../shared/export/export-model';
import type { ExportProgress } from '../../../shared/export/export-job';
import { formatArticleDate } from '../../../shared/article-date-format';
import { AppFailure } from '../../../shared/result';
import { packBook, StoppedError } from './book-runner';
import type { BookChapter } from './epub-book';
import { chapterXhtml } from './xhtml-chapter';

export interface EpubExporterDeps {
  /** The stored highlights of an article (none when it has none). */
  annotationsOf(article: Article): Promise<Annotation[]>;
  onProgress(progress: ExportProgress): void;
  /** The built packing thread; absent in unit tests, which pack in this thread. */
  workerFile?: string;
}

export interface BuiltBook {
  bytes: Uint8Array;
  articles: number;
  skipped: string[];
}

/** Progress is sent at most this often: 500 quick articles must not mean 500 repaints. */
const PROGRESS_EVERY_MS = 100;
/** The one date format; main has no window to ask, so the system's locale (as Node reports it). */
const formatDate = (iso: string) => formatArticleDate(iso);

export class EpubExporter {
  #running: AbortController | null = null;
  readonly #deps: EpubExporterDeps;

  constructor(deps: EpubExporterDeps) {
    this.#deps = deps;
  }

  get running(): boolean {
    return this.#running !== null;
  }

  /** Stops the export under way, if any. */
  cancel = () => this.#running?.abort();

  /** Claims the one export slot before the Save dialog, so a second request is refused at once. */
  claim(): AbortSignal {
    if (this.#running) {
      throw new AppFailure(
        'unavailable',
        'An export is already under way. Wait for it, or stop it.',
      );
    }
    this.#running = new AbortController();
    return this.#running.signal;
  }

  release() {
    this.#running = null;
  }

  /** Reads `loaders` in order into chapters and packs them; throws StoppedError after Stop. */
  async build(
    loaders: (() => Promise<Article>)[],
    title: string,
    signal: AbortSignal,
  ): Promise<BuiltBook> {
    const total = loaders.length;
    const report = throttle(this.#deps.onProgress);
    const chapters: BookChapter[] = [];
    const authors = new Set<string>();
    const skipped: string[] = [];
    try {
      report({ phase: 'reading', done: 0, total, running: true }, true);
      for (const [index, load] of loaders.entries()) {
        if (signal.aborted) throw new StoppedError();
        try {
          const article = await load();
          const chapter = buildExportChapter(article, await this.#deps.annotationsOf(article));
          chapters.push({ title: chapter.title, xhtml: chapterXhtml(chapter, formatDate) });
          if (chapter.source) authors.add(chapter.source);
        } catch (error) {
          if (!(error instanceof AppFailure)) throw error;
          skipped.push(error.message);
        }
        report({ phase: 'reading', done: index + 1, total, running: true });
      }
      if (chapters.length === 0) {
        throw new AppFailure(
          'empty',
          `None of the articles could be read, so there is no book to write. ${skipped[0] ?? ''}`.trim(),
        );
      }
      report({ phase: 'packing', done: total, total, running: true }, true);
      const book = { title, authors: [...authors].slice(0, 5), chapters };
      const bytes = await packBook(book, signal, this.#deps.workerFile);
      return { bytes, articles: chapters.length, skipped };
    } finally {
      report({ phase: 'packing', done: chapters.length, total, running: false }, true);
    }
  }
}

function throttle(send: (progress: ExportProgress) => void) {
  let last = 0;
  return (progress: ExportProgress, now = false) => {
    const time = performance.now();
    if (!now && time - last < PROGRESS_EVERY_MS) return;
    last = time;
    send(progress);
  };
}

export { StoppedError };
