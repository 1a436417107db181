/**
 * Print, PDF and EPUB for the window. Printing lays out a print view of the open article, built
 * from its model (not from the reader's DOM, which may hold only the blocks on screen), for as long
 * as the print or PDF takes; the browser's own Print command gets it through `beforeprint`.
 */
import { flushSync, tick } from 'svelte';
import type { Annotation } from '../../../shared/annotation';
import type { Article } from '../../../shared/article';
import type { ExportProgress } from '../../../shared/export/export-job';
import { buildExportChapter, type ExportChapter } from '../../../shared/export/export-model';
import type { AppEvent, EpubRequest, LecternApi } from '../../../shared/ipc';

export interface PrintSource {
  article: Article | null;
  annotations: Annotation[];
}

export const BROWSER_PDF_HINT =
  'Your browser saves PDFs from its print dialog: choose “Save as PDF” as the printer.';

export class ExportState {
  /** What the print view shows; null when nothing is being printed. */
  printing = $state.raw<ExportChapter | null>(null);
  /** The EPUB export under way (or just ended), for the progress bar. */
  progress = $state.raw<ExportProgress | null>(null);
  /** The outcome of the last export, or a hint, said politely. */
  message = $state<string | null>(null);
  error = $state<string | null>(null);
  /** The window's host decides how a PDF is made; set once app.info answers. */
  host = $state<'electron' | 'browser'>('browser');
  readonly #api: LecternApi;
  readonly #source: () => PrintSource;

  constructor(api: LecternApi, source: () => PrintSource) {
    this.#api = api;
    this.#source = source;
  }

  get exporting(): boolean {
    return this.progress?.running ?? false;
  }

  dismiss = () => {
    this.message = null;
    this.error = null;
  };

  /** Applies a pushed event; returns nothing so it can be a listener directly. */
  onEvent = (event: AppEvent) => {
    if (event.type === 'export-progress') this.progress = event.progress;
  };

  print = () => this.#withPrintView(async () => void (await this.#api.print()));

  exportPdf = () =>
    this.#withPrintView(async (chapter) => {
      if (this.host === 'browser') {
        // Said before the dialog opens: the page behind it shows the hint while the user chooses.
        this.message = BROWSER_PDF_HINT;
        await nextFrame();
        return void (await this.#api.print());
      }
      const result = await this.#api.exportPdf({ title: chapter.title });
      if (!result.ok) this.error = result.error.message;
      else if (result.value) this.message = `Saved as PDF: ${result.value}`;
    });

  /** The open article as a one-chapter EPUB. */
  exportArticleEpub = () => {
    const article = this.#source().article;
    if (article) void this.exportEpub({ articles: 'open', title: article.title });
  };

  exportEpub = async (request: EpubRequest) => {
    if (this.exporting) return;
    this.dismiss();
    const result = await this.#api.exportEpub(request);
    if (!result.ok) {
      this.error = result.error.message;
      return;
    }
    if (!result.value) return;
    const { saved, articles, skipped } = result.value;
    const count = articles === 1 ? '1 article' : `${articles} articles`;
    const left = skipped.length ? ` ${skipped.length} left out: ${skipped.join(' ')}` : '';
    this.message = `Saved ${count} as EPUB: ${saved}.${left}`;
  };

  cancel = () => void this.#api.call('export.cancel');

  /** Lays the print view out for the browser's own Print command (File ▸ Print, Ctrl+P). */
  beforePrint = () => {
    if (this.printing) return;
    const chapter = this.#chapter();
    if (!chapter) return;
    this.printing = chapter;
    // The browser lays the page out for print right after this event: render now, not later.
    flushSync();
  };

  afterPrint = () => {
    this.printing = null;
  };

  async #withPrintView(run: (chapter: ExportChapter) => Promise<void>) {
    const chapter = this.#chapter();
    if (!chapter) return;
    this.dismiss();
    this.printing = chapter;
    await tick();
    try {
      await run(chapter);
    } finally {
      this.printing = null;
    }
  }

  #chapter(): ExportChapter | null {
    const { article, annotations } = this.#source();
    return article ? buildExportChapter(article, annotations) : null;
  }
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
