/** Electron-wide hardening: no navigation, no new windows, no webviews, no permissions, no network. */
import { app, session, type Session } from 'electron';

export const APP_ORIGIN = 'app://lectern';
export const APP_PAGE = `${APP_ORIGIN}/index.html`;

/** Writing plain text to the clipboard, for the details panel's Copy buttons; reading stays denied. */
const CLIPBOARD_WRITE = 'clipboard-sanitized-write';

export function hardenSession(target: Session = session.defaultSession) {
  target.setPermissionRequestHandler((contents, permission, callback) =>
    callback(permission === CLIPBOARD_WRITE && isAppUrl(contents.getURL())),
  );
  target.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin) =>
      permission === CLIPBOARD_WRITE && isAppUrl(requestingOrigin),
  );
  // Lectern is offline: every request that is not for its own files is cancelled.
  target.webRequest.onBeforeRequest((details, callback) => {
    const allowed =
      details.url.startsWith(`${APP_ORIGIN}/`) || details.url.startsWith('devtools://');
    callback({ cancel: !allowed });
  });
}

export function hardenWebContents() {
  app.on('web-contents-created', (_event, contents) => {
    // The window only ever shows the app's own page; every other navigation is cancelled.
    contents.on('will-navigate', (event) => {
      if (event.url !== APP_PAGE) event.preventDefault();
    });
    contents.on('will-frame-navigate', (event) => {
      if (!event.isMainFrame || event.url !== APP_PAGE) event.preventDefault();
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/** Node's URL gives a custom scheme the origin "null", so the origin is rebuilt from its parts. */
function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** True when an IPC message comes from the app's own top frame. */
export function isTrustedSender(frame: Electron.WebFrameMain | null): boolean {
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}
