/** The contract's handlers, shared by the Electron layer and the browser host. */
import { stat } from 'node:fs/promises';
import type { Article } from '../../shared/article';
import { articleKey } from '../../shared/article-key';
import type { AppInfo } from '../../shared/app-info';
import type { Handlers } from '../../shared/ipc';
import { AppFailure } from '../../shared/result';
import { LatestArticleDetails } from './article-details';
import { articleFromBytes, loadArticleFile } from './article-file';
import { warmUpEntities } from './entities';
import { comfortHandlers } from './comfort-handlers';
import { ComfortStore } from './comfort-store';
import { EventHub } from './event-hub';
import { checkExternalUrl } from './external-url';
import { PanelLayoutStore } from './panel-layout';
import { EpubExporter } from './export/epub-export';
import { createExportHandlers } from './export/export-handlers';
import type { ShowSaveDialog } from './export/save-dialog';
import { createLibraryHandlers } from './library/library-handlers';
import { LibraryService } from './library/library-service';
import { researchHandlers } from './library/research-handlers';
import { PathGrants } from './path-grants';
import { RecentFiles } from './recent-files';

export interface HostEnvironment {
  info: AppInfo;
  /** The file named at launch, or the bundled sample. */
  startupPath: string;
  /** True when startupPath is the bundled sample, which is not added to the recent list. */
  startupIsSample: boolean;
  userDataDir: string;
  /** The native Open dialog; absent where the host has none (the browser picks files itself). */
  showOpenDialog?: () => Promise<string | null>;
  /** Hands a checked URL to the system browser. */
  openExternal: (url: string) => Promise<void>;
  /** The native Save dialog; absent where the browser saves files itself. */
  showSaveDialog?: ShowSaveDialog;
  /** The window's print view as PDF, and the system print dialog (Electron only). */
  printToPdf?: () => Promise<Uint8Array>;
  print?: () => Promise<void>;
  /** The native Open Folder dialog; absent in the browser, which cannot give folder paths. */
  showFolderDialog?: () => Promise<string | null>;
  /** The built library indexing worker; absent in unit tests, which index in-thread. */
  libraryWorkerFile?: string;
  /** The built EPUB packing worker; absent in unit tests, which pack in-thread. */
  epubWorkerFile?: string;
}

export interface LecternServices {
  handlers: Handlers;
  grants: PathGrants;
  events: EventHub;
  library: LibraryService;
}

export function createServices(env: HostEnvironment): LecternServices {
  const grants = new PathGrants();
  const recent = new RecentFiles(env.userDataDir);
  const details = new LatestArticleDetails();
  warmUpEntities();
  const panel = new PanelLayoutStore(env.userDataDir);
  const comfort = new ComfortStore(env.userDataDir);
  const events = new EventHub();
  const library = new LibraryService({
    userDataDir: env.userDataDir,
    workerFile: env.libraryWorkerFile,
    emit: events.emit,
  });

  const libraryHandlers = createLibraryHandlers({
    library,
    grants,
    startupPath: env.startupIsSample ? null : env.startupPath,
    showFolderDialog: env.showFolderDialog,
    lastFolder: env.startupIsSample ? () => comfort.lastFolder() : undefined,
    rememberFolder: (path) => comfort.setLastFolder(path),
  });

  const exportHandlers = createExportHandlers({
    exporter: new EpubExporter({
      annotationsOf: async (article) =>
        (await comfort.highlights(await articleKey(article))).annotations,
      onProgress: (progress) => events.emit({ type: 'export-progress', progress }),
      workerFile: env.epubWorkerFile,
    }),
    openArticle: () => details.article(),
    inLibrary: (path) => library.contains(path),
    showSaveDialog: env.showSaveDialog,
    printToPdf: env.printToPdf,
    print: env.print,
  });
  const saveDialog = env.showSaveDialog;
  const saveMarkdown = saveDialog
    ? (suggestedName: string) =>
        saveDialog({
          suggestedName,
          title: 'Export highlights',
          filter: { name: 'Markdown', extensions: ['md'] },
        })
    : undefined;

  async function openGranted(path: string, remember = true): Promise<Article> {
    const article = await loadArticleFile(path);
    if (remember) await recent.add(path, article.title).catch(() => undefined);
    if (remember) await comfort.setLastArticle(path).catch(() => undefined);
    return details.remember(article);
  }

  /** With no file named at launch, the article read last is reopened (if it is still there). */
  /** Null when a folder was named at launch: it opens as a library, with no article chosen yet. */
  async function openAtLaunch(): Promise<Article | null> {
    if (!env.startupIsSample && (await stat(env.startupPath).catch(() => null))?.isDirectory()) {
      return null;
    }
    const last = env.startupIsSample ? await comfort.lastArticle().catch(() => null) : null;
    if (last) {
      const article = await loadArticleFile(last).catch(() => null);
      if (article) {
        grants.grant(last);
        return details.remember(article);
      }
    }
    return openGranted(grants.grant(env.startupPath), !env.startupIsSample);
  }

  const handlers: Handlers = {
    'app.info': async () => env.info,
    'reader.openStartup': openAtLaunch,
    'reader.openPath': async (path) => {
      const known = grants.has(path) || (await library.contains(path));
      if (!known && !(await recent.list()).some((entry) => entry.path === path)) {
        throw new AppFailure(
          'not-allowed',
          'Lectern only opens files you chose. Use Open… to pick it.',
        );
      }
      return openGranted(grants.grant(path));
    },
    'reader.openDialog': async () => {
      if (!env.showOpenDialog) throw new AppFailure('unavailable', 'This host has no Open dialog.');
      const path = await env.showOpenDialog();
      return path ? openGranted(grants.grant(path)) : null;
    },
    'reader.openBytes': async ({ name, bytes }) =>
      details.remember(articleFromBytes(bytes, { name, path: null, modified: null })),
    'reader.openDropped': async (path) => openGranted(grants.grant(path)),
    'recent.list': async () => recent.list(),
    'reader.details': async () => details.get(),
    'ui.getPanel': async () => panel.get(),
    'ui.setPanel': async (layout) => panel.set(layout),
    'shell.openExternal': async (url) => env.openExternal(checkExternalUrl(url)),
    ...comfortHandlers(comfort, saveMarkdown),
    ...libraryHandlers,
    ...exportHandlers,
    ...researchHandlers(library, comfort),
    // An article opened from the library is the one the details panel describes.
    'library.openArticle': async (path) =>
      details.remember(await libraryHandlers['library.openArticle'](path)),
  };
  return { handlers, grants, events, library };
}
