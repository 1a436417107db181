/** The contract's `export.*` calls: print, PDF and EPUB, for both hosts. */
import type { Article } from '../../../shared/article';
import { exportFileName } from '../../../shared/export/export-job';
import type { EpubRequest, Handlers } from '../../../shared/ipc';
import { AppFailure } from '../../../shared/result';
import { EpubExporter, StoppedError, type BuiltBook } from './epub-export';
import { writeExportFile } from './export-file';
import type { ShowSaveDialog } from './save-dialog';

type ExportChannel = Extract<keyof Handlers, `export.${string}`>;

export interface ExportHandlerDeps {
  exporter: EpubExporter;
  /** The article the window shows (the one opened last). */
  openArticle: () => Article | null;
  /** Whether a path is inside the open library's folder. */
  inLibrary: (path: string) => Promise<boolean>;
  /** Reads an article of the open library by its rules (no link out of it is followed). */
  readLibraryArticle: (path: string) => Promise<Article>;
  showSaveDialog?: ShowSaveDialog;
  /** The window's print view as PDF (Electron's printToPDF). */
  printToPdf?: () => Promise<Uint8Array>;
  /** The system print dialog for the window (Electron's webContents.print). */
  print?: () => Promise<void>;
}

export function createExportHandlers(deps: ExportHandlerDeps): Pick<Handlers, ExportChannel> {
  const { exporter } = deps;

  function loadersFor(request: EpubRequest): (() => Promise<Article>)[] {
    if (request.articles === 'open') {
      const article = deps.openArticle();
      if (!article) throw new AppFailure('not-found', 'Open an article first, then export it.');
      return [async () => article];
    }
    return request.articles.map((path) => async () => {
      if (!(await deps.inLibrary(path))) {
        throw new AppFailure(
          'not-allowed',
          `${path} is not inside the open library, so it was left out.`,
        );
      }
      return deps.readLibraryArticle(path);
    });
  }

  /** Runs one export in the one slot; Stop becomes a plain “cancelled” answer. */
  async function run(
    request: EpubRequest,
    before: () => Promise<string | null | undefined>,
    after: (book: BuiltBook, target: string | undefined) => Promise<void>,
  ) {
    const signal = exporter.claim();
    try {
      const loaders = loadersFor(request);
      const target = await before();
      if (target === null) return null;
      const book = await exporter.build(loaders, request.title, signal);
      await after(book, target);
      return book;
    } catch (error) {
      if (error instanceof StoppedError) {
        throw new AppFailure('cancelled', 'Export stopped. Nothing was written.');
      }
      throw error;
    } finally {
      exporter.release();
    }
  }

  return {
    'export.print': async () => {
      if (!deps.print) throw new AppFailure('unavailable', 'Use the browser’s own Print command.');
      await deps.print();
    },
    'export.pdf': async ({ title }) => {
      if (!deps.printToPdf || !deps.showSaveDialog) {
        throw new AppFailure('unavailable', 'Choose “Save as PDF” in the print dialog instead.');
      }
      const path = await deps.showSaveDialog({
        suggestedName: exportFileName(title, 'pdf'),
        title: 'Export as PDF',
        filter: { name: 'PDF', extensions: ['pdf'] },
      });
      if (!path) return null;
      await writeExportFile(path, await deps.printToPdf());
      return path;
    },
    'export.epub': async (request) => {
      const dialog = deps.showSaveDialog;
      if (!dialog) throw new AppFailure('unavailable', 'This host has no Save dialog.');
      let saved = '';
      const book = await run(
        request,
        () =>
          dialog({
            suggestedName: exportFileName(request.title, 'epub'),
            title: 'Export as EPUB',
            filter: { name: 'EPUB', extensions: ['epub'] },
          }),
        async (built, path) => {
          saved = path!;
          await writeExportFile(saved, built.bytes);
        },
      );
      return book && { saved, articles: book.articles, skipped: book.skipped };
    },
    'export.epubBytes': async (request) => {
      const book = await run(
        request,
        async () => undefined,
        async () => undefined,
      );
      if (!book) throw new AppFailure('cancelled', 'Export stopped. Nothing was written.');
      const { bytes, articles, skipped } = book;
      return { name: exportFileName(request.title, 'epub'), bytes, articles, skipped };
    },
    'export.cancel': async () => exporter.cancel(),
  };
}
