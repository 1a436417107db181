/**
 * The browser host's preload: the same `window.lectern` as Electron's, built over HTTP to the host
 * on this origin. Files come from the browser's own picker and drops, as bytes. Requests carry the
 * host's HttpOnly session cookie, which this script never sees.
 */
import { MAX_ARTICLE_BYTES, tooLargeMessage } from '../shared/article';
import type { EpubDownload } from '../shared/export/export-job';
import type { OpenedArticle } from '../shared/startup';
import type { AppEvent } from '../shared/library';
import { isExposedChannel, type LecternApi } from '../shared/ipc';
import { fail, type Result } from '../shared/result';
import { decodeWire, encodeWire } from '../shared/wire-codec';

// The link's one-time secret has been exchanged for the cookie: it leaves the address bar and history.
if (new URL(location.href).searchParams.has('key')) {
  history.replaceState(null, '', location.pathname + location.hash);
}

/**
 * Calls made as the page goes away (the reading position saved on close) must outlive it: a
 * keepalive request is finished by the browser. Only these small ones, since the browser allows
 * keepalive requests 64 KB of bodies in flight in all.
 */
const OUTLIVE_PAGE = new Set(['position.set']);

async function post(channel: string, args: unknown[]): Promise<Result<never>> {
  try {
    const response = await fetch(`./api/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: encodeWire(args),
      keepalive: OUTLIVE_PAGE.has(channel),
    });
    if (response.status === 413) {
      const limit = `${MAX_ARTICLE_BYTES / 1024 / 1024} MB`;
      return fail('too-large', `That file is too large to open (the limit is ${limit}).`);
    }
    return decodeWire(await response.text()) as Result<never>;
  } catch {
    return fail('unavailable', 'Lectern’s host is not running. Start it again with npm start.');
  }
}

// The window's start-up call goes now, while the app's own script is still loading and compiling;
// the app's first `app.start` takes this answer.
let startup: Promise<Result<never>> | null = post('app.start', []);

async function openBytes(file: File): Promise<Result<OpenedArticle>> {
  // Refused before it is read or sent, with the same sentence the host would give.
  if (file.size > MAX_ARTICLE_BYTES)
    return fail('too-large', tooLargeMessage(file.name, file.size));
  const bytes = new Uint8Array(await file.arrayBuffer());
  return post('reader.openBytes', [{ name: file.name, bytes }]);
}

function pickFile(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.txt,.md,.markdown,text/plain,text/markdown';
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

/** A browser saves through its own downloads (which may ask where); a Blob URL never leaves the page. */
function download(name: string, data: string | Uint8Array<ArrayBuffer>, type: string): string {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

const eventListeners = new Set<(event: AppEvent) => void>();
let events: EventSource | null = null;

/** One Server-Sent Events stream for all listeners; it carries the session cookie like any request. */
function listen(listener: (event: AppEvent) => void): () => void {
  eventListeners.add(listener);
  events ??= new EventSource('./api/events');
  events.onmessage = (message: MessageEvent<string>) => {
    const event = JSON.parse(message.data) as AppEvent;
    for (const each of eventListeners) each(event);
  };
  return () => {
    eventListeners.delete(listener);
    if (eventListeners.size === 0) {
      events?.close();
      events = null;
    }
  };
}

const api: LecternApi = {
  call: async (channel, ...args) => {
    if (!isExposedChannel(channel)) return fail('invalid-request', 'Unknown request.');
    if (channel === 'app.start' && startup) {
      const early = startup;
      startup = null;
      return early;
    }
    const result = await post(channel, args);
    // The page is already in a browser: a checked external link opens in a new tab.
    if (channel === 'shell.openExternal' && result.ok) {
      window.open(String(args[0]), '_blank', 'noopener,noreferrer');
    }
    return result;
  },
  openDroppedFile: (file) => openBytes(file),
  openWithPicker: async () => {
    // A browser opens a file picker only right after a click or key press in the page (and a
    // shortcut it reserves, like Ctrl+O, may not count): say so rather than silently do nothing.
    if (navigator.userActivation && !navigator.userActivation.isActive) {
      return {
        ok: false,
        error: {
          code: 'not-allowed',
          message: 'The browser opens its file picker only right after a click: use Open… instead.',
        },
      };
    }
    const file = await pickFile();
    return file ? openBytes(file) : { ok: true, value: null };
  },
  onCommand: () => () => undefined,
  saveTextFile: async ({ suggestedName, text }) => ({
    ok: true,
    value: download(suggestedName, text, 'text/markdown;charset=utf-8'),
  }),
  // The browser's own print dialog prints the print view, and saves it as PDF too.
  print: async () => {
    window.print();
    return { ok: true, value: undefined };
  },
  exportPdf: async () =>
    fail('unavailable', 'Choose “Save as PDF” as the printer in the browser’s print dialog.'),
  exportEpub: async (request) => {
    const result = (await post('export.epubBytes', [request])) as Result<EpubDownload>;
    if (!result.ok) return result;
    const { name, bytes, articles, skipped } = result.value;
    const saved = download(name, bytes as Uint8Array<ArrayBuffer>, 'application/epub+zip');
    return { ok: true, value: { saved, articles, skipped } };
  },
  // A browser gives a page no paths, so a dropped folder cannot become a library here. The host
  // has no folder dialog either, and its refusal names the command that started it.
  openDroppedFolder: () => post('library.openDialog', []),
  onEvent: listen,
};

Object.defineProperty(window, 'lectern', { value: Object.freeze(api), writable: false });
