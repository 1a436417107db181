/**
 * Quitting the browser host finishes the calls it is answering (a place saved as the window closed
 * is kept) and ends the event streams, which never end by themselves.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { startBrowserHost } from '../../../src/main/host/browser-host';
import { apiClient, servicesIn, signIn } from './host-client';

it('answers a call in flight when it is closed, and ends its event streams', async () => {
  const root = mkdtempSync(join(tmpdir(), 'lectern-host-close-'));
  mkdirSync(join(root, 'renderer'));
  writeFileSync(join(root, 'renderer', 'index.html'), '<html></html>');
  const handlers = servicesIn(root);
  let arrived = () => undefined as void;
  const callArrived = new Promise<void>((resolve) => (arrived = resolve));
  let letThrough = () => undefined as void;
  const held = new Promise<void>((resolve) => (letThrough = resolve));
  const host = await startBrowserHost({
    rendererDir: join(root, 'renderer'),
    handlers: {
      ...handlers,
      'position.set': async (...args) => {
        arrived();
        await held;
        return handlers['position.set'](...args);
      },
    },
    subscribe: () => () => undefined,
  });
  const cookie = await signIn(host.url);
  const events = await fetch(`${host.origin}/api/events`, { headers: { Cookie: cookie! } });
  const streamEnded = events.text();

  const saved = apiClient(host, cookie)('position.set', [
    'e51e31a3faca41e8',
    { block: 'b3', offset: 0, progress: 0.4 },
  ]);
  await callArrived;
  const closed = host.close();
  letThrough();
  expect(await saved).toMatchObject({ status: 200, body: { ok: true } });
  await closed;
  await expect(streamEnded).resolves.toContain(': connected');
});
