/** The contract's handlers, shared by the Electron layer and the browser host. */
import { realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { articleKey } from '../../shared/article-key';
import type { AppInfo } from '../../shared/app-info';
import type { Handlers } from '../../shared/ipc';
import { AppFailure } from '../../shared/result';
import type { OpenedArticle, ShownArticle, ShownPiece } from '../../shared/startup';
import { ArticleThread } from './article-thread';
import type { ArticleSource } from './article-shelf';
import { EventHub } from './event-hub';
import { EpubExporter } from './export/epub-export';
import { createExportHandlers } from './export/export-handlers';
import type { ShowSaveDialog } from './export/save-dialog';
import { checkExternalUrl } from './external-url';
import { createLibraryHandlers } from './library/library-handlers';
import { isInside } from './library/library-paths';
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
  /** The built article worker, which parses what the window opens; absent: parsed in-thread. */
  articleWorkerFile?: string;
  /**
   * The built details thread (names in an article), started by the article worker; absent in unit
   * tests, which find them inline.
   */
  entityWorkerFile?: string;
}

export interface LecternServices {
  handlers: Handlers;
  grants: PathGrants;
  events: EventHub;
  library: LibraryService;
  articles: ArticleThread;
}

export function createServices(env: HostEnvironment): LecternServices {
  const grants = new PathGrants();
  const remembered = new RememberedStore(env.userDataDir);
  const articles = new ArticleThread(env.articleWorkerFile, env.entityWorkerFile);
  // Started now, so the first article does not wait for the thread to load its code (the thread
  // starts the details thread, which loads its tagger, once it has answered the first article).
  articles.warmUp();
  const opened = new OpenedArticles(articles);
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

  /**
   * The article with what is remembered about it: all the window needs to show it at once. Read
   * and parsed in the article thread (a long one's head first), then kept by its key.
   */
  async function shown(source: ArticleSource): Promise<ShownArticle> {
    const shelved = await articles.open(source);
    opened.remember(shelved);
    return { article: shelved.article, key: shelved.key, ...(await rememberedUnder(shelved.key)) };
  }

  async function rememberedUnder(key: string | null) {
    const [position, highlights] = await Promise.all([
      key ? remembered.position(key) : null,
      key ? remembered.highlights(key) : { title: '', annotations: [] },
    ]);
    return { position, highlights };
  }

  /** A piece of a long article's body; the last brings its key and what is kept under it. */
  async function bodyPiece(id: string, index: number): Promise<ShownPiece> {
    const piece = await articles.piece(id, index);
    if (!piece.end) return { ...piece, remembered: null };
    opened.keyed(id, piece.end.key);
    return {
      ...piece,
      remembered: { key: piece.end.key, ...(await rememberedUnder(piece.end.key)) },
    };
  }

  /** `listed` is set for an article the user opened from disk: it goes on the Recent list. */
  async function answer(source: ArticleSource, listed: string | null): Promise<OpenedArticle> {
    const article = await shown(source);
    // Remembered in memory now and written in the background: the answer does not wait for fsync.
    const recent = listed
      ? await remembered.opened(listed, article.article.title)
      : await remembered.recent();
    return { ...article, recent, notices: remembered.takeNotices() };
  }

  async function openGranted(path: string): Promise<OpenedArticle> {
    return answer({ path }, path);
  }

  /**
   * With no file named at launch, the article read last is reopened (if it is still there). A
   * folder named at launch opens as a library, with the article read last reopened if it is in
   * that folder (null: none chosen yet).
   */
  async function openAtLaunch(): Promise<ShownArticle | null> {
    if (!env.startupIsSample && (await stat(env.startupPath).catch(() => null))?.isDirectory()) {
      return lastArticleIn(env.startupPath);
    }
    const last = env.startupIsSample ? await remembered.lastArticle().catch(() => null) : null;
    const article = last ? await shown({ path: last }).catch(() => null) : null;
    if (last && article) {
      grants.grant(last);
      return article;
    }
    const path = grants.grant(env.startupPath);
    const named = await shown({ path });
    // The bundled sample is not something the user opened: it stays off the Recent list.
    if (!env.startupIsSample) await remembered.opened(path, named.article.title);
    return named;
  }

  async function lastArticleIn(folder: string): Promise<ShownArticle | null> {
    const last = await remembered.lastArticle().catch(() => null);
    const [root, real] = await Promise.all(
      [folder, last].map((path) => (path ? realpath(path).catch(() => null) : null)),
    );
    if (!last || !root || !real || !isInside(root, real)) return null;
    const article = await shown({ path: last }).catch(() => null);
    if (article) grants.grant(last);
    return article;
  }

  const handlers: Handlers = {
    'app.start': async () => {
      return startUp({
        info: env.info,
        remembered,
        openArticle: openAtLaunch,
        openLibrary: openLibraryAtLaunch,
      });
    },
    'reader.openPath': async (path) => {
      if (grants.has(path)) return openGranted(path);
      // Inside the open library, its own rules decide, whatever was opened there before.
      if (library.holds(path)) return answer(await library.readArticle(path), path);
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
    'reader.openBytes': async ({ name, bytes }) => answer({ name, bytes }, null),
    'reader.openDropped': async (path) => openGranted(grants.grant(path)),
    'reader.bodyPiece': bodyPiece,
    'recent.list': () => remembered.recent(),
    'reader.details': (key) => opened.details(key),
    'shell.openExternal': async (url) => env.openExternal(checkExternalUrl(url)),
    'file.saveText': (request) => saveTextFile(request, env.showSaveDialog),
    ...rememberedHandlers(remembered),
    ...libraryHandlers,
    ...exportHandlers,
    ...researchHandlers(library, remembered),
    // Opened from the library, an article is not added to the Recent list, but is the one the
    // next launch reopens.
    'library.openArticle': async (path) => {
      const opened = await answer(await readLibraryArticle(path), null);
      await remembered.setLastArticle(resolve(path));
      return opened;
    },
  };
  return { handlers, grants, events, library, articles };
}
