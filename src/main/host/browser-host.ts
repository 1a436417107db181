/**
 * The browser host: the built renderer and the same services behind the same contract, over HTTP on
 * 127.0.0.1. Every request needs the session cookie that the printed link's one-time secret buys
 * (see host-session), and API calls must come from this origin, so neither other sites nor other
 * local processes can drive it.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';
import { MAX_ARTICLE_BYTES } from '../../shared/article';
import { fail } from '../../shared/result';
import { decodeWire, encodeWire } from '../../shared/wire-codec';
import { dispatch } from '../services/dispatch';
import type { Handlers } from '../../shared/ipc';
import type { AppEvent } from '../../shared/library';
import { readStaticFile } from '../services/static-files';
import { HostSession, refusalPage } from './host-session';

/** An article's bytes travel as base64 (4/3 of their size) in JSON. */
const MAX_BODY = Math.ceil(MAX_ARTICLE_BYTES * 1.4) + 64 * 1024;
/** A body over the limit is still read (and dropped) up to this, so its 413 reaches the page. */
const MAX_DRAINED = 4 * MAX_BODY;
/** How long quitting waits for a call still being answered (a 20 MB open takes a few seconds). */
const CLOSE_GRACE_MS = 5000;
const HTML = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';
const SECURITY_HEADERS = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
  'Cache-Control': 'no-store',
};

export interface BrowserHostOptions {
  rendererDir: string;
  handlers: Handlers;
  port?: number;
  /** The services' event channel, streamed to the page as Server-Sent Events. */
  subscribe?: (listener: (event: AppEvent) => void) => () => void;
  /** Told the next link once one has let a browser in (the CLI prints it). */
  onLinkUsed?: (nextLink: string) => void;
}

export interface RunningHost {
  /** The link to print: one browser gets in with it, once. */
  url: string;
  origin: string;
  close(): Promise<void>;
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<RunningHost> {
  const indexHtml = await buildIndexHtml(options.rendererDir);
  let origin = '';
  const session = new HostSession();

  const eventStreams = new Set<ServerResponse>();
  /** Responses not yet sent: when quitting, their connections close once they are. */
  const answering = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    answering.add(response);
    response.once('close', () => answering.delete(response));
    handle(request, response).catch((error: unknown) => {
      console.error('[lectern] host request failed:', error);
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Internal error');
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', origin);
    if (request.headers.host !== new URL(origin).host) {
      return send(response, 421, 'text/plain; charset=utf-8', 'Wrong host');
    }
    const isPage = url.pathname === '/' || url.pathname === '/index.html';
    if (isPage && request.method === 'GET' && url.searchParams.has('key')) {
      const cookie = session.exchange(url.searchParams.get('key'));
      // The page drops the secret from the address bar (history.replaceState in the preload).
      if (cookie) {
        options.onLinkUsed?.(session.link);
        return send(response, 200, HTML, indexHtml, { 'Set-Cookie': cookie });
      }
    }
    if (!session.admits(request.headers.cookie)) {
      if (url.pathname.startsWith('/api/')) {
        return send(response, 403, JSON_TYPE, encodeWire(fail('not-allowed', 'Request refused.')));
      }
      return send(response, 403, HTML, refusalPage(origin));
    }
    if (url.pathname === '/api/events') return handleEvents(request, response);
    if (url.pathname.startsWith('/api/')) return handleApi(request, response, url);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    }
    if (isPage) return send(response, 200, HTML, indexHtml);
    const file = await readStaticFile(options.rendererDir, url.pathname);
    if (!file) return send(response, 404, 'text/plain; charset=utf-8', 'Not found');
    return send(response, 200, file.type, file.body);
  }

  /** The page's own EventSource sends the cookie like any same-origin request. */
  function handleEvents(request: IncomingMessage, response: ServerResponse) {
    const fetchSite = request.headers['sec-fetch-site'];
    const sameSite = fetchSite === undefined || fetchSite === 'same-origin';
    const sameOrigin = !request.headers.origin || request.headers.origin === origin;
    if (request.method !== 'GET' || !sameSite || !sameOrigin) {
      return send(response, 403, 'text/plain; charset=utf-8', 'Request refused.');
    }
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      Connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    const unsubscribe = options.subscribe?.((event) => {
      response.write(`data: ${JSON.stringify(event)}\n\n`);
    });
    eventStreams.add(response);
    request.on('close', () => {
      unsubscribe?.();
      eventStreams.delete(response);
    });
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, url: URL) {
    const sameOrigin = !request.headers.origin || request.headers.origin === origin;
    if (request.method !== 'POST' || !sameOrigin) {
      return send(response, 403, JSON_TYPE, encodeWire(fail('not-allowed', 'Request refused.')));
    }
    const body = await readBody(request);
    if (body === null) {
      const limit = `${MAX_ARTICLE_BYTES / 1024 / 1024} MB`;
      // Sent once the body has been read to its end (and dropped); then the connection closes.
      return send(
        response,
        413,
        JSON_TYPE,
        encodeWire(fail('too-large', `That file is too large to open (the limit is ${limit}).`)),
        { Connection: 'close' },
      );
    }
    let args: unknown;
    try {
      args = decodeWire(body);
    } catch {
      args = undefined;
    }
    const channel = decodeURIComponent(url.pathname.slice('/api/'.length));
    send(response, 200, JSON_TYPE, encodeWire(await dispatch(options.handlers, channel, args)));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  session.origin = origin;
  return {
    get url() {
      return session.link;
    },
    origin,
    // Calls being answered are finished first: a place saved as the window closed is kept. Event
    // streams never end by themselves, so they are ended; a connection still open after a moment
    // (a client that never reads) is cut, so quitting never hangs.
    close: () =>
      new Promise((resolve) => {
        const cut = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
        server.close(() => {
          clearTimeout(cut);
          resolve();
        });
        server.closeIdleConnections();
        for (const response of answering) {
          if (!response.headersSent) response.setHeader('Connection', 'close');
        }
        for (const stream of eventStreams) stream.end(() => stream.socket?.end());
      }),
  };
}

function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, ...headers });
  response.end(body);
}

/**
 * The body as text, or null when it is over the limit. Such a body is still read to its end and
 * dropped (up to a cap), so the 413 is sent to a browser that has finished sending: closing the
 * connection under it would lose the answer.
 */
function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    if (Number(request.headers['content-length']) > MAX_DRAINED) return resolve(null);
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_DRAINED) {
        resolve(null);
        request.destroy();
      } else if (size <= MAX_BODY) chunks.push(chunk);
    });
    request.on('end', () =>
      resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')),
    );
    request.on('error', reject);
  });
}

/** The renderer's page plus the browser preload, which defines `window.lectern` first. No secret. */
async function buildIndexHtml(rendererDir: string): Promise<string> {
  const html = await readFile(join(rendererDir, 'index.html'), 'utf8');
  const inject = '<script type="module" src="./browser-preload.js"></script>\n    ';
  return html.replace('<script', `${inject}<script`);
}
