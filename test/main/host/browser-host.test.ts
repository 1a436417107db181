import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type RunningHost } from '../../../src/main/host/browser-host';
import { createServices } from '../../../src/main/services/lectern-handlers';
import { MAX_ARTICLE_BYTES } from '../../../src/shared/article';
import { encodeWire } from '../../../src/shared/wire-codec';
import { apiClient, apiOnNewConnection, signIn } from './host-client';

const root = mkdtempSync(join(tmpdir(), 'lectern-host-'));
const rendererDir = join(root, 'renderer');
const secret = join(root, 'secret.txt');
let host: RunningHost;
let cookie: string | null = null;
let api: ReturnType<typeof apiClient>;

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
  cookie = await signIn(host.url);
  api = apiClient(host, cookie);
});
afterAll(() => host.close());

/** A GET as the signed-in page makes it. */
const get = (path: string) =>
  fetch(new URL(path, host.origin).href, { headers: { Cookie: cookie! } });

describe('browser host', () => {
  it('serves the page with the preload and a strict CSP', async () => {
    const response = await get('/');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();
    expect(html.indexOf('browser-preload.js')).toBeLessThan(html.indexOf('./a.js'));
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?key=[0-9a-f]{64}$/);
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/link.js',
    '/assets/%00.js',
  ])('refuses %s', async (path) => {
    const response = await get(path);
    expect(response.status).toBe(404);
  });

  it('serves files inside the renderer folder', async () => {
    const response = await get('/assets/app.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/javascript');
  });

  it('answers calls with the session cookie, in the result envelope', async () => {
    const { status, body } = await api('app.start', []);
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, value: { article: { article: { title: 'Chosen' } } } });
  });

  it('refuses calls without the cookie, with a wrong one, or from another origin', async () => {
    expect((await apiClient(host, null)('app.start', [])).status).toBe(403);
    const wrong = `${cookie!.split('=')[0]}=${'0'.repeat(64)}`;
    expect((await apiClient(host, wrong)('app.start', [])).status).toBe(403);
    expect((await api('app.start', [], { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await api('app.start', [], { Origin: 'http://127.0.0.1:1' })).status).toBe(403);
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
      const req = request(
        host.origin,
        { headers: { Host: 'evil.example', Cookie: cookie! } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.end();
    });
    expect(status).toBe(421);
  });

  it('answers a body over the limit with 413, sent after the body is read, not a reset', async () => {
    // 25 MB of article as the page sends it (base64 in JSON): well over the host's body limit.
    const bytes = new Uint8Array(25 * 1024 * 1024).fill(0x61);
    const { status, body } = await apiOnNewConnection(host, cookie, 'reader.openBytes', [
      { name: 'big.txt', bytes },
    ]);
    expect(status).toBe(413);
    expect(body).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(body.error!.message).toContain(`${MAX_ARTICLE_BYTES / 1024 / 1024} MB`);
  });

  it('refuses a 21 MB file with its size and the limit, not a schema error', async () => {
    const bytes = new Uint8Array(21 * 1024 * 1024).fill(0x61);
    const { body } = await apiOnNewConnection(host, cookie, 'reader.openBytes', [
      { name: 'big.txt', bytes },
    ]);
    expect(body).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(body.error!.message).toBe(
      '“big.txt” is 21.0 MB, too large to be a saved article (the limit is 20 MB).',
    );
    expect(encodeWire(body)).not.toContain('Uint8Array');
  });
});
