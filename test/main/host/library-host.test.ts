import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type RunningHost } from '../../../src/main/host/browser-host';
import { createServices, type LecternServices } from '../../../src/main/services/lectern-handlers';
import { apiClient, signIn } from './host-client';

const root = mkdtempSync(join(tmpdir(), 'lectern-libhost-'));
const rendererDir = join(root, 'renderer');
const folder = join(root, 'library');
const outside = join(root, 'outside.txt');
let host: RunningHost;
let services: LecternServices;
let cookie: string | null = null;

beforeAll(async () => {
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<html><head><script src="./a.js"></script>');
  mkdirSync(folder);
  writeFileSync(join(folder, '001_00000000000000aa.txt'), '# Inside\n\nBy [Desk](#)\n\nBody.');
  writeFileSync(outside, '# Outside\n\nNot in the library.');
  symlinkSync(outside, join(folder, 'escape.txt'));
  services = createServices({
    info: { host: 'browser', version: 'test', nativeMenu: false },
    startupPath: folder,
    startupIsSample: false,
    userDataDir: mkdtempSync(join(tmpdir(), 'lectern-libhost-data-')),
    openExternal: async () => undefined,
    startCommand: 'npm start --',
  });
  host = await startBrowserHost({
    rendererDir,
    handlers: services.handlers,
    subscribe: services.events.subscribe,
  });
  cookie = await signIn(host.url);
});
afterAll(async () => {
  await host.close();
  await services.library.close();
});

const api = async (channel: string, args: unknown[]) =>
  (await apiClient(host, cookie)(channel, args)).body as {
    ok: boolean;
    value?: {
      folder: string;
      entries: unknown[];
      library?: { folder: string };
      article?: { title: string };
    };
    error?: { code: string; message: string };
  };

interface EventStream {
  status: number;
  /** Resolves once the stream has carried `text`; rejects if it ends first. */
  carried(text: string): Promise<void>;
  close(): void;
}

/**
 * Opens the event stream. It resolves with the response's head, which the host sends after it has
 * subscribed the stream: events from then on arrive.
 */
function openEvents(headers: Record<string, string> = {}) {
  return new Promise<EventStream>((resolve, reject) => {
    const req = request(`${host.origin}/api/events`, { headers }, (res) => {
      let body = '';
      let ended = false;
      const waiting = new Set<() => void>();
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString();
        for (const check of [...waiting]) check();
      });
      res.on('close', () => {
        ended = true;
        for (const check of [...waiting]) check();
      });
      resolve({
        status: res.statusCode ?? 0,
        carried: (text) =>
          new Promise<void>((done, fail) => {
            const check = () => {
              if (body.includes(text)) done();
              else if (ended) fail(new Error(`the stream ended without ${text}:\n${body}`));
              else return;
              waiting.delete(check);
            };
            waiting.add(check);
            check();
          }),
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the library over the browser host', () => {
  it('opens the startup folder as a library and streams its progress as events', async () => {
    const events = await openEvents({ Cookie: cookie! });
    try {
      expect(events.status).toBe(200);
      const started = await api('app.start', []);
      expect(started.value?.library?.folder).toBe(folder);
      await events.carried('"type":"library-progress"');
      expect((await api('library.snapshot', [])).value?.entries).toHaveLength(1);
    } finally {
      events.close();
    }
  });

  it('refuses the event stream without the cookie or from another site', async () => {
    const statusOf = async (headers: Record<string, string>) => {
      const events = await openEvents(headers);
      events.close();
      return events.status;
    };
    expect(await statusOf({})).toBe(403);
    expect(await statusOf({ Cookie: cookie!, 'Sec-Fetch-Site': 'cross-site' })).toBe(403);
    expect(await statusOf({ Cookie: cookie!, 'Sec-Fetch-Site': 'same-site' })).toBe(403);
  });

  it('opens articles inside the folder and refuses links out of it', async () => {
    await api('app.start', []);
    const inside = await api('library.openArticle', [join(folder, '001_00000000000000aa.txt')]);
    expect(inside.value?.article?.title).toBe('Inside');
    const escape = await api('library.openArticle', [join(folder, 'escape.txt')]);
    expect(escape.error?.code).toBe('not-allowed');
    expect(escape.error?.message).toMatch(/links outside the library/);
    expect((await api('library.openArticle', [outside])).error?.code).toBe('not-allowed');
  });

  it('opens only folders the user chose, and explains why the browser has no folder dialog', async () => {
    expect((await api('library.openPath', [root])).error?.code).toBe('not-allowed');
    expect((await api('library.openDropped', [root])).error?.code).toBe('invalid-request');
    const dialog = await api('library.openDialog', []);
    // It names the command that started this host (scripts/start.mjs says `npm start`).
    expect(dialog.error?.message).toMatch(/start it with the folder: npm start -- <folder>$/);
  });

  it('searches for as many results as asked, within the contract’s bounds', async () => {
    await api('app.start', []);
    expect((await api('library.search', ['inside', 1])).error).toBeUndefined();
    expect((await api('library.search', ['inside', 500])).error).toBeUndefined();
    for (const limit of [undefined, 0, 501, 1.5, '50']) {
      const refused = await api(
        'library.search',
        limit === undefined ? ['inside'] : ['inside', limit],
      );
      expect(refused.error?.code, `limit ${String(limit)}`).toBe('invalid-request');
    }
  });
});
