/** Talks to a browser host as its page does: signed in once through the printed link's secret. */
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import type { RunningHost } from '../../../src/main/host/browser-host';
import { createServices } from '../../../src/main/services/lectern-handlers';
import { decodeWire, encodeWire } from '../../../src/shared/wire-codec';

export interface ApiAnswer {
  status: number;
  body: { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

/** Opens the printed link and returns the session cookie (`name=value`) it set, or null. */
export async function signIn(link: string): Promise<string | null> {
  const response = await fetch(link);
  await response.arrayBuffer();
  return response.headers.get('set-cookie')?.split(';')[0] ?? null;
}

export function apiClient(host: RunningHost, cookie: string | null) {
  return (channel: string, args: unknown[], headers: Record<string, string> = {}) =>
    fetch(`${host.origin}/api/${channel}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(cookie ? { Cookie: cookie } : {}),
        ...headers,
      },
      body: encodeWire(args),
    }).then(async (r): Promise<ApiAnswer> => ({
      status: r.status,
      body: decodeWire(await r.text()) as ApiAnswer['body'],
    }));
}

/**
 * A call on a connection of its own (node:http, no keep-alive pool): a big body takes long enough
 * to encode, in this same process, that a pooled connection may be closed under it meanwhile.
 */
export function apiOnNewConnection(
  host: RunningHost,
  cookie: string | null,
  channel: string,
  args: unknown[],
): Promise<ApiAnswer> {
  const body = encodeWire(args);
  return new Promise((resolve, reject) => {
    const req = request(
      `${host.origin}/api/${channel}`,
      {
        method: 'POST',
        agent: false,
        headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: decodeWire(text) as ApiAnswer['body'] }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The app's real services, started on an article "Chosen" written in `root`, data beside it. */
export function servicesIn(root: string, articleName = '001_00000000000000aa.txt') {
  const article = join(root, articleName);
  writeFileSync(article, '# Chosen\n\nBody.');
  return createServices({
    info: { host: 'browser', version: 'test', nativeMenu: false },
    startupPath: article,
    startupIsSample: false,
    userDataDir: join(root, 'data'),
    openExternal: async () => undefined,
  }).handlers;
}
