/** Exposes the contract to the sandboxed window; no Electron object crosses the bridge. */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { EpubExport } from '../shared/export/export-job';
import type { OpenedArticle } from '../shared/startup';
import type { AppEvent, LibrarySnapshot } from '../shared/library';
import {
  APP_EVENT,
  COMMAND_EVENT,
  IPC_PREFIX,
  isExposedChannel,
  type AppCommand,
  type LecternApi,
} from '../shared/ipc';
import { fail, type Result } from '../shared/result';

const invoke = (channel: string, args: unknown[]) =>
  ipcRenderer.invoke(IPC_PREFIX + channel, args) as Promise<Result<never>>;

// The window's start-up call goes now, while the app's own script is still loading and compiling;
// the app's first `app.start` takes this answer.
let startup: Promise<Result<never>> | null = invoke('app.start', []);

const api: LecternApi = {
  call: (channel, ...args) => {
    if (!isExposedChannel(channel))
      return Promise.resolve(fail('invalid-request', 'Unknown request.'));
    if (channel === 'app.start' && startup) {
      const early = startup;
      startup = null;
      return early;
    }
    return invoke(channel, args);
  },
  openDroppedFile: async (file) => {
    const path = file instanceof File ? webUtils.getPathForFile(file) : '';
    if (!path) return fail('not-allowed', 'Only files from your disk can be opened.');
    return invoke('reader.openDropped', [path]) as Promise<Result<OpenedArticle>>;
  },
  openWithPicker: () => invoke('reader.openDialog', []) as Promise<Result<OpenedArticle | null>>,
  saveTextFile: (request) => invoke('file.saveText', [request]) as Promise<Result<string | null>>,
  print: () => invoke('export.print', []) as Promise<Result<void>>,
  exportPdf: (request) => invoke('export.pdf', [request]) as Promise<Result<string | null>>,
  exportEpub: (request) => invoke('export.epub', [request]) as Promise<Result<EpubExport | null>>,
  onCommand: (listener) => {
    const handler = (_event: unknown, command: AppCommand) => listener(command);
    ipcRenderer.on(COMMAND_EVENT, handler);
    return () => ipcRenderer.off(COMMAND_EVENT, handler);
  },
  openDroppedFolder: async (file) => {
    const path = file instanceof File ? webUtils.getPathForFile(file) : '';
    if (!path) return fail('not-allowed', 'Only folders from your disk can be opened.');
    return invoke('library.openDropped', [path]) as Promise<Result<LibrarySnapshot>>;
  },
  onEvent: (listener) => {
    const handler = (_event: unknown, event: AppEvent) => listener(event);
    ipcRenderer.on(APP_EVENT, handler);
    return () => ipcRenderer.off(APP_EVENT, handler);
  },
};

contextBridge.exposeInMainWorld('lectern', api);
