/** Only the browser that opens the printed link gets in; the served page gives nothing away. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type RunningHost } from '../../../src/main/host/browser-host';
import { apiClient, servicesIn, signIn } from './host-client';

const root = mkdtempSync(join(tmpdir(), 'lectern-access-'));
let host: RunningHost;
const nextLinks: string[] = [];

beforeAll(async () => {
  const rendererDir = join(root, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<html><head><script src="./a.js"></script>');
  writeFileSync(join(rendererDir, 'a.js'), 'console.log(1)');
  const handlers = servicesIn(root, 'a.txt');
  host = await startBrowserHost({
    rendererDir,
    handlers,
    onLinkUsed: (next) => nextLinks.push(next),
  });
});
afterAll(async () => {
  await host.close();
  rmSync(root, { recursive: true, force: true });
});

/** Every run of 16 or more letters and digits in a text: anything that could be a secret. */
const secretLike = (text: string) => text.match(/[A-Za-z0-9_-]{16,}/g) ?? [];

/** Opens the event stream and reports its status as soon as the answer starts. */
function eventsStatus(query: string, cookie: string | null): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${host.origin}/api/events${query}`, {
      headers: cookie ? { Cookie: cookie } : {},
    });
    req.on('response', (res) => {
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', reject);
    req.end();
  });
}

describe('access to the browser host', () => {
  it('a process that fetches the page and scrapes it gets nothing the API accepts', async () => {
    const scraped: string[] = [];
    for (const path of ['/', '/index.html', '/a.js', '/?key=', '/?key=0']) {
      const response = await fetch(`${host.origin}${path}`);
      expect(response.status, path).toBe(403);
      expect(response.headers.get('set-cookie'), path).toBeNull();
      const text = await response.text();
      expect(text).toContain('Use the link printed in the terminal');
      scraped.push(...secretLike(text));
    }
    const cookieName = `lectern-${new URL(host.origin).port}`;
    for (const candidate of scraped) {
      const asCookie = apiClient(host, `${cookieName}=${candidate}`);
      expect((await asCookie('app.start', [])).status).toBe(403);
      const asHeader = apiClient(host, null);
      expect((await asHeader('app.start', [], { 'X-Lectern-Token': candidate })).status).toBe(403);
      expect(await eventsStatus(`?token=${candidate}`, null)).toBe(403);
    }
  });

  it('lets in the browser that opens the link, once, and prints a new link for another', async () => {
    const link = host.url;
    const cookie = await signIn(link);
    expect(cookie).toMatch(/^lectern-\d+=[0-9a-f]{64}$/);
    expect((await apiClient(host, cookie)('app.start', [])).body).toMatchObject({ ok: true });
    expect(await eventsStatus('', cookie)).toBe(200);

    // The same link a second time (another browser, or someone who saw it): refused.
    const again = await fetch(link);
    expect(again.status).toBe(403);
    expect(again.headers.get('set-cookie')).toBeNull();
    expect(nextLinks.at(-1)).toBe(host.url);
    expect(host.url).not.toBe(link);
    const second = await signIn(host.url);
    expect(second).not.toBeNull();
    expect(second).not.toBe(cookie);
  });

  it('sets the cookie HttpOnly, SameSite=Strict and for this host only', async () => {
    const response = await fetch(host.url);
    const header = response.headers.get('set-cookie')!;
    expect(header).toMatch(/; HttpOnly/);
    expect(header).toMatch(/; SameSite=Strict/);
    expect(header).toMatch(/; Path=\//);
    expect(header).not.toMatch(/Domain=/i);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });

  it('refuses the event stream without the cookie, whatever the query says', async () => {
    expect(await eventsStatus('', null)).toBe(403);
    expect(await eventsStatus(`?key=${host.url.split('key=')[1]}`, null)).toBe(403);
  });
});
