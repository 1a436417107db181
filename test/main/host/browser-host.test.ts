import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type RunningHost } from '../../../src/main/host/browser-host';
import { createServices } from '../../../src/main/services/lectern-handlers';
import { decodeWire, encodeWire } from '../../../src/shared/wire-codec';

const root = mkdtempSync(join(tmpdir(), 'lectern-host-'));
const rendererDir = join(root, 'renderer');
const secret = join(root, 'secret.txt');
let host: RunningHost;
let token = '';

beforeAll(async () => {
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<html><head><script type="module" src="./a.js"></script></head></html>',
  );
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(secret, '# Secret\n\nNot for the window.');
  symlinkSync(secret, join(rendererDir, 'assets', 'link.js'));
  const article = join(root, '001_00000000000000aa.txt');
  writeFileSync(article, '# Chosen\n\nBody.');
  const { handlers } = createServices({
    info: { host: 'browser', version: 'test', nativeMenu: false },
    startupPath: article,
    startupIsSample: false,
    userDataDir: mkdtempSync(join(tmpdir(), 'lectern-host-data-')),
    openExternal: async () => undefined,
  });
  host = await startBrowserHost({ rendererDir, handlers });
  const html = await (await fetch(host.url)).text();
  token = /name="lectern-token" content="([0-9a-f]+)"/.exec(html)![1]!;
});
afterAll(() => host.close());

const api = (channel: string, args: unknown[], headers: Record<string, string> = {}) =>
  fetch(`${host.url}api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Lectern-Token': token, ...headers },
    body: encodeWire(args),
  }).then(async (r) => ({
    status: r.status,
    body: decodeWire(await r.text()) as { ok: boolean; value?: unknown; error?: { code: string } },
  }));

describe('browser host', () => {
  it('serves the page with the preload, a token and a strict CSP', async () => {
    const response = await fetch(host.url);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();
    expect(html.indexOf('browser-preload.js')).toBeLessThan(html.indexOf('./a.js'));
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/link.js',
    '/assets/%00.js',
  ])('refuses %s', async (path) => {
    const response = await fetch(new URL(path, host.url).href);
    expect(response.status).toBe(404);
  });

  it('serves files inside the renderer folder', async () => {
    const response = await fetch(`${host.url}assets/app.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/javascript');
  });

  it('answers calls with the token, in the result envelope', async () => {
    const { status, body } = await api('app.start', []);
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, value: { article: { article: { title: 'Chosen' } } } });
  });

  it('refuses calls without the token or from another origin', async () => {
    expect((await api('app.start', [], { 'X-Lectern-Token': 'wrong' })).status).toBe(403);
    expect((await api('app.start', [], { Origin: 'https://evil.example' })).status).toBe(403);
  });

  it('validates payloads against the contract', async () => {
    expect((await api('reader.openPath', [42])).body).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect((await api('no.such.call', [])).body).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect((await api('reader.openDropped', [secret])).body).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });

  it('reads only files the user chose', async () => {
    expect((await api('reader.openPath', [secret])).body).toMatchObject({
      ok: false,
      error: { code: 'not-allowed' },
    });
  });

  it('opens handed-over bytes exactly', async () => {
    const bytes = new Uint8Array(Buffer.from('# Über\n\nBody.', 'utf8'));
    const { body } = await api('reader.openBytes', [{ name: 'x.txt', bytes }]);
    expect(body).toMatchObject({
      ok: true,
      value: { article: { title: 'Über', source: { path: null } } },
    });
  });

  it('checks external URLs before a tab is opened', async () => {
    expect((await api('shell.openExternal', ['https://example.com/'])).body).toMatchObject({
      ok: true,
    });
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,x',
      'not a url',
    ]) {
      expect((await api('shell.openExternal', [url])).body).toMatchObject({
        ok: false,
        error: { code: 'not-allowed' },
      });
    }
  });

  it('rejects requests for another Host (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const req = request(host.url, { headers: { Host: 'evil.example' } }, (res) =>
        resolve(res.statusCode ?? 0),
      );
      req.end();
    });
    expect(status).toBe(421);
  });
});
