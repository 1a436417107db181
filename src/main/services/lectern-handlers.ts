/** The contract's handlers, shared by the Electron layer and the browser host. */
import { stat } from 'node:fs/promises';
import type { Article } from '../../shared/article';
import { articleKey } from '../../shared/article-key';
import type { AppInfo } from '../../shared/app-info';
import type { Handlers } from '../../shared/ipc';
import { AppFailure } from '../../shared/result';
import type { OpenedArticle, ShownArticle } from '../../shared/startup';
import { articleFromBytes, loadArticleFile } from './article-file';
import { entityFinder } from './entity-thread';
import { EventHub } from './event-hub';
import { EpubExporter } from './export/epub-export';
import { createExportHandlers } from './export/export-handlers';
import type { ShowSaveDialog } from './export/save-dialog';
import { checkExternalUrl } from './external-url';
import { createLibraryHandlers } from './library/library-handlers';
import { LibraryService } from './library/library-service';
import { researchHandlers } from './library/research-handlers';
import { OpenedArticles } from './opened-articles';
import { PathGrants } from './path-grants';
import { rememberedHandlers } from './remembered-handlers';
import { RememberedStore } from './remembered-store';
import { saveTextFile } from './save-text-file';
import { startUp } from './startup';

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
  /** The command that started the browser host ("npm start --"), named where a folder is needed. */
  startCommand?: string;
  /** The built library indexing worker; absent in unit tests, which index in-thread. */
  libraryWorkerFile?: string;
  /** The built EPUB packing worker; absent in unit tests, which pack in-thread. */
  epubWorkerFile?: string;
  /** The built details thread (names in an article); absent in unit tests, which find them inline. */
  entityWorkerFile?: string;
}

export interface LecternServices {
  handlers: Handlers;
  grants: PathGrants;
  events: EventHub;
  library: LibraryService;
}

export function createServices(env: HostEnvironment): LecternServices {
  const grants = new PathGrants();
  const remembered = new RememberedStore(env.userDataDir);
  const entities = entityFinder(env.entityWorkerFile);
  const opened = new OpenedArticles(entities.find);
  const events = new EventHub();
  const library = new LibraryService({
    userDataDir: env.userDataDir,
    workerFile: env.libraryWorkerFile,
    emit: events.emit,
  });

  const {
    'library.openStartup': openLibraryAtLaunch,
    'library.openArticle': readLibraryArticle,
    ...libraryHandlers
  } = createLibraryHandlers({
    library,
    grants,
    startupPath: env.startupIsSample ? null : env.startupPath,
    showFolderDialog: env.showFolderDialog,
    startCommand: env.startCommand,
    lastFolder: env.startupIsSample ? () => remembered.lastFolder() : undefined,
    rememberFolder: (path) => remembered.setLastFolder(path),
  });

  const exportHandlers = createExportHandlers({
    exporter: new EpubExporter({
      annotationsOf: async (article) =>
        (await remembered.highlights(await articleKey(article))).annotations,
      onProgress: (progress) => events.emit({ type: 'export-progress', progress }),
      workerFile: env.epubWorkerFile,
    }),
    openArticle: () => opened.latest(),
    inLibrary: async (path) => library.holds(path),
    readLibraryArticle: (path) => library.openArticle(path),
    showSaveDialog: env.showSaveDialog,
    printToPdf: env.printToPdf,
    print: env.print,
  });

  /** The article with what is remembered about it: all the window needs to show it at once. */
  async function shown(article: Article): Promise<ShownArticle> {
    const key = await opened.remember(article);
    const [position, highlights] = await Promise.all([
      remembered.position(key),
      remembered.highlights(key),
    ]);
    return { article, key, position, highlights };
  }

  /** `path` is set for an article the user opened from disk: it goes on the Recent list. */
  async function answer(article: Article, path: string | null): Promise<OpenedArticle> {
    // Remembered in memory now and written in the background: the answer does not wait for fsync.
    const recent = path ? await remembered.opened(path, article.title) : await remembered.recent();
    return { ...(await shown(article)), recent, notices: remembered.takeNotices() };
  }

  async function openGranted(path: string): Promise<OpenedArticle> {
    return answer(await loadArticleFile(path), path);
  }

  /** With no file named at launch, the article read last is reopened (if it is still there). */
  /** Null when a folder was named at launch: it opens as a library, with no article chosen yet. */
  async function openAtLaunch(): Promise<ShownArticle | null> {
    if (!env.startupIsSample && (await stat(env.startupPath).catch(() => null))?.isDirectory()) {
      return null;
    }
    const last = env.startupIsSample ? await remembered.lastArticle().catch(() => null) : null;
    const article = last ? await loadArticleFile(last).catch(() => null) : null;
    if (last && article) {
      grants.grant(last);
      return shown(article);
    }
    const path = grants.grant(env.startupPath);
    const named = await loadArticleFile(path);
    // The bundled sample is not something the user opened: it stays off the Recent list.
    if (!env.startupIsSample) await remembered.opened(path, named.title);
    return shown(named);
  }

  const handlers: Handlers = {
    'app.start': async () => {
      const answer = await startUp({
        info: env.info,
        remembered,
        openArticle: openAtLaunch,
        openLibrary: openLibraryAtLaunch,
      });
      // The details thread loads its tagger once the window has its answer and a library opened
      // at start has finished its first pass: both need the machine's cores first.
      void library.whenIdle().then(() => entities.warmUp());
      return answer;
    },
    'reader.openPath': async (path) => {
      if (grants.has(path)) return openGranted(path);
      // Inside the open library, its own rules decide, whatever was opened there before.
      if (library.holds(path)) return answer(await library.openArticle(path), path);
      if ((await remembered.recent()).some((entry) => entry.path === path)) {
        return openGranted(grants.grant(path));
      }
      throw new AppFailure(
        'not-allowed',
        'Lectern only opens files you chose. Use Open… to pick it.',
      );
    },
    'reader.openDialog': async () => {
      if (!env.showOpenDialog) throw new AppFailure('unavailable', 'This host has no Open dialog.');
      const path = await env.showOpenDialog();
      return path ? openGranted(grants.grant(path)) : null;
    },
    'reader.openBytes': async ({ name, bytes }) =>
      answer(articleFromBytes(bytes, { name, path: null, modified: null }), null),
    'reader.openDropped': async (path) => openGranted(grants.grant(path)),
    'recent.list': () => remembered.recent(),
    'reader.details': (key) => opened.details(key),
    'shell.openExternal': async (url) => env.openExternal(checkExternalUrl(url)),
    'file.saveText': (request) => saveTextFile(request, env.showSaveDialog),
    ...rememberedHandlers(remembered),
    ...libraryHandlers,
    ...exportHandlers,
    ...researchHandlers(library, remembered),
    // Opened from the library, an article is not added to the Recent list.
    'library.openArticle': async (path) => answer(await readLibraryArticle(path), null),
  };
  return { handlers, grants, events, library };
}
