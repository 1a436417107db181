/** Serves the built renderer as app://lectern/, so the window never runs from file://. */
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';
import { readStaticFile } from '../services/static-files';

export const APP_SCHEME = 'app';

/** Must run before `app` is ready. */
export function registerAppScheme() {
  protocol.registerSchemesAsPrivileged([
    // codeCache: V8 keeps the compiled renderer between launches, so start-up does not compile it
    // again (Electron enables it for custom schemes only when asked, and only with `standard`).
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: false, codeCache: true },
    },
  ]);
}

export function serveRenderer(rendererDir: string) {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'lectern') return new Response('Not found', { status: 404 });
    const path = url.pathname === '/' ? '/index.html' : url.pathname;
    const file = await readStaticFile(rendererDir, path);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: {
        'Content-Type': file.type,
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}
