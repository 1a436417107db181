/** Electron entry: wires the services into a hardened window. All real work lives in ./services. */
import { app, BrowserWindow, dialog, shell } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_EVENT, COMMAND_EVENT, type AppCommand } from '../shared/ipc';
import { buildAppMenu } from './electron/app-menu';
import { registerAppScheme, serveRenderer } from './electron/app-protocol';
import { registerIpc } from './electron/ipc-registration';
import { createMainWindow } from './electron/main-window';
import { hardenSession, hardenWebContents } from './electron/security';
import { SAMPLE_ARTICLE } from './services/app-locations';
import { createServices } from './services/lectern-handlers';
import { readLaunchArguments, secondLaunchCommand } from './services/launch-arguments';
import { largeFolderQuestion } from '../shared/library';
import { settleWrites } from './services/pending-writes';

/** Page size and margins come from the print stylesheet's @page rule, page numbers included. */
const PDF_OPTIONS: Electron.PrintToPDFOptions = {
  printBackground: true,
  preferCSSPageSize: true,
  generateTaggedPDF: true,
  generateDocumentOutline: true,
};

const outDir = fileURLToPath(new URL('..', import.meta.url));
const resourcesDir = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources');

const launch = (argv: string[], cwd: string) =>
  readLaunchArguments(argv, { packaged: app.isPackaged, cwd });

const { userData } = launch(process.argv, process.cwd());
if (userData) app.setPath('userData', userData);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  hardenWebContents();
  void app.whenReady().then(start);
}

async function start() {
  hardenSession();
  serveRenderer(join(outDir, 'renderer'));
  const startupFile = launch(process.argv, process.cwd()).target;
  let window: BrowserWindow | null = null;
  const { handlers, grants, events, library } = createServices({
    info: { host: 'electron', version: app.getVersion(), nativeMenu: true },
    startupPath: startupFile ?? join(resourcesDir, SAMPLE_ARTICLE),
    startupIsSample: !startupFile,
    userDataDir: app.getPath('userData'),
    showOpenDialog: async () => {
      const options: Electron.OpenDialogOptions = {
        title: 'Open an article',
        properties: ['openFile'],
        filters: [
          { name: 'Saved articles', extensions: ['txt', 'md', 'markdown'] },
          { name: 'All files', extensions: ['*'] },
        ],
      };
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    openExternal: (url) => shell.openExternal(url),
    showSaveDialog: async ({ suggestedName, title, filter }) => {
      const options: Electron.SaveDialogOptions = {
        title,
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters: [filter],
      };
      const result = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
    // The window has laid out its print view (print media) before asking for either.
    printToPdf: async () => {
      if (!window) throw new Error('No window to print.');
      return new Uint8Array(await window.webContents.printToPDF(PDF_OPTIONS));
    },
    print: () =>
      new Promise<void>((resolve) => {
        if (!window) return resolve();
        window.webContents.print({ printBackground: true }, () => resolve());
      }),
    showFolderDialog: async () => {
      const options: Electron.OpenDialogOptions = {
        title: 'Open a folder of articles',
        properties: ['openDirectory'],
      };
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    libraryWorkerFile: join(outDir, 'main', 'library-worker.js'),
    articleWorkerFile: join(outDir, 'main', 'article-worker.js'),
    epubWorkerFile: join(outDir, 'main', 'epub-worker.js'),
    entityWorkerFile: join(outDir, 'main', 'entity-worker.js'),
  });
  registerIpc(handlers);
  events.subscribe((event) => window?.webContents.send(APP_EVENT, event));
  app.on('will-quit', () => void library.close());
  // Quitting waits for the last change to reach the disk (a setting changed just before closing).
  let settled = false;
  app.on('before-quit', (event) => {
    if (settled) return;
    event.preventDefault();
    void settleWrites().finally(() => {
      settled = true;
      app.quit();
    });
  });

  const send = (command: AppCommand) => window?.webContents.send(COMMAND_EVENT, command);
  const refreshMenu = async () => {
    if (window) buildAppMenu(window, await handlers['recent.list'](), (p) => grants.grant(p));
  };

  /** A big folder named by a second launch opens only once the user says so. */
  const confirmFolder = async (path: string) => {
    const question = { type: 'question' as const, defaultId: 1, cancelId: 1 };
    const options = { ...largeFolderQuestion(path), ...question };
    const answer = window
      ? await dialog.showMessageBox(window, options)
      : await dialog.showMessageBox(options);
    return answer.response === 0;
  };

  // A second launch hands its file to this window instead of opening another app.
  app.on('second-instance', (_event, argv, cwd) => {
    void secondLaunchCommand(argv, { packaged: app.isPackaged, cwd }).then(async (command) => {
      if (!command) return;
      const ask = command.type === 'ask-folder-path' && !(await library.isKnown(command.path));
      if (ask && !(await confirmFolder(command.path))) return;
      const type = command.type === 'open-path' ? 'open-path' : 'open-folder-path';
      send({ type, path: grants.grant(command.path) });
    });
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('window-all-closed', () => app.quit());

  window = createMainWindow(join(outDir, 'preload'));
  window.on('focus', () => void refreshMenu());
  await refreshMenu();
}
