/**
 * Pings the browser host over the window's own contract while an article opens, for
 * `npm run bench:open`: a cheap call (`library.snapshot`, null with no library open) sent with the
 * window's session cookie every 20 ms, each timed from send to answer. A baseline is taken on the
 * same host with nothing opening, so the machine's share of a slow answer shows beside the host's.
 */
import type { Page } from 'playwright-core';

const EVERY_MS = 20;

export interface Ping {
  /** Wall-clock start (ms since the epoch, as the page's `timeOrigin + now()`), and its latency. */
  at: number;
  took: number;
}

/** Starts pinging as soon as the window has its session cookie; stop() returns every ping. */
export function pingHost(page: Page, origin: string) {
  const pings: Ping[] = [];
  let running = true;
  const cookie = async () => {
    for (;;) {
      const found = (await page.context().cookies(origin)).find((c) =>
        c.name.startsWith('lectern-'),
      );
      if (found || !running) return found ? `${found.name}=${found.value}` : null;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  const loop = async () => {
    const header = await cookie();
    while (running && header) {
      const at = performance.timeOrigin + performance.now();
      const started = performance.now();
      await fetch(`${origin}/api/library.snapshot`, {
        method: 'POST',
        headers: { cookie: header, 'content-type': 'application/json' },
        body: '[]',
      })
        .then((response) => response.arrayBuffer())
        .catch(() => undefined);
      pings.push({ at, took: performance.now() - started });
      await new Promise((resolve) => setTimeout(resolve, EVERY_MS));
    }
  };
  const done = loop();
  return async (): Promise<Ping[]> => {
    running = false;
    await done;
    return pings;
  };
}

/** Pings for `ms` with nothing else asked of the host: the same run's baseline. */
export async function pingBaseline(page: Page, origin: string, ms = 1_500): Promise<number[]> {
  const stop = pingHost(page, origin);
  await new Promise((resolve) => setTimeout(resolve, ms));
  return (await stop()).map((ping) => ping.took);
}
