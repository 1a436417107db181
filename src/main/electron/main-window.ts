/** The reading window: sandboxed, isolated, no Node, loaded from app://. */
import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { APP_PAGE } from './security';

export function createMainWindow(preloadDir: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1100,
    height: 860,
    minWidth: 480,
    minHeight: 400,
    show: false,
    title: 'Lectern',
    autoHideMenuBar: false,
    webPreferences: {
      preload: join(preloadDir, 'index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click must not open anything; links open only through a checked, explicit click.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_PAGE);
  return window;
}
