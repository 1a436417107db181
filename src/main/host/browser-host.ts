/**
 * The browser host: the built renderer and the same services behind the same contract, over HTTP on
 * 127.0.0.1. Requests must carry the page's token and come from this origin, so other sites and
 * other local pages cannot drive it.
 */
import { randomBytes } from 'node:crypto';
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

const MAX_BODY = Math.ceil(MAX_ARTICLE_BYTES * 1.4) + 64 * 1024;
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
}

export interface RunningHost {
  url: string;
  close(): Promise<void>;
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<RunningHost> {
  const token = randomBytes(24).toString('hex');
  const indexHtml = await buildIndexHtml(options.rendererDir, token);
  let origin = '';

  const server = createServer((request, response) => {
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
    if (url.pathname === '/api/events') return handleEvents(request, response, url);
    if (url.pathname.startsWith('/api/')) return handleApi(request, response, url);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      return send(response, 200, 'text/html; charset=utf-8', indexHtml);
    }
    const file = await readStaticFile(options.rendererDir, url.pathname);
    if (!file) return send(response, 404, 'text/plain; charset=utf-8', 'Not found');
    return send(response, 200, file.type, file.body);
  }

  /** EventSource cannot send headers: the token comes in the query, checked like the API's. */
  function handleEvents(request: IncomingMessage, response: ServerResponse, url: URL) {
    const fetchSite = request.headers['sec-fetch-site'];
    const sameSite = fetchSite === undefined || fetchSite === 'same-origin';
    const sameOrigin = !request.headers.origin || request.headers.origin === origin;
    if (
      request.method !== 'GET' ||
      !sameSite ||
      !sameOrigin ||
      url.searchParams.get('token') !== token
    ) {
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
    request.on('close', () => unsubscribe?.());
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, url: URL) {
    const json = 'application/json; charset=utf-8';
    const sameOrigin = !request.headers.origin || request.headers.origin === origin;
    if (request.method !== 'POST' || !sameOrigin || request.headers['x-lectern-token'] !== token) {
      return send(response, 403, json, encodeWire(fail('not-allowed', 'Request refused.')));
    }
    const body = await readBody(request);
    if (body === null) {
      return send(
        response,
        413,
        json,
        encodeWire(fail('too-large', 'That file is too large to open.')),
      );
    }
    let args: unknown;
    try {
      args = decodeWire(body);
    } catch {
      args = undefined;
    }
    const channel = decodeURIComponent(url.pathname.slice('/api/'.length));
    send(response, 200, json, encodeWire(await dispatch(options.handlers, channel, args)));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Event streams never end by themselves.
        server.closeAllConnections();
      }),
  };
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer) {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type });
  response.end(body);
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** The renderer's page plus the token and the browser preload, which defines `window.lectern` first. */
async function buildIndexHtml(rendererDir: string, token: string): Promise<string> {
  const html = await readFile(join(rendererDir, 'index.html'), 'utf8');
  const inject =
    `<meta name="lectern-token" content="${token}">\n` +
    '    <script type="module" src="./browser-preload.js"></script>\n    ';
  return html.replace('<script', `${inject}<script`);
}
