/**
 * First paint, for `npm run bench:open`: in the page, from the navigation response's end to the
 * first frame with the article's title, with a remembered position to restore (the middle block);
 * beside it, in the same run and from the same host, a static HTML copy of the same rendered
 * article (no script), as the floor. Also reports how far the restored text moved after its first
 * frame (the "jump").
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SAMPLE_ARTICLE } from '../../src/main/services/app-locations';
import { loadArticleFile } from '../../src/main/services/article-file';
import { RememberedStore } from '../../src/main/services/remembered-store';
import { settleWrites } from '../../src/main/services/pending-writes';
import {
  installFirstPaintProbe,
  readFirstPaint,
  type FirstPaint,
} from '../e2e/support/first-paint-probe';
import { startHost } from '../e2e/support/lectern-app';
import { generateArticle } from '../support/generate-articles';
import { startupCallCost } from './startup-call-cost';

const RUNS = 7;
const RENDERER_DIR = resolve('out', 'renderer');

interface Case {
  label: string;
  file: string;
  /** Given on the command line; the sample is what opens when nothing is. */
  named: boolean;
  key: string;
  title: string;
}

function cases(dir: string): Case[] {
  const sample = resolve('resources', SAMPLE_ARTICLE);
  const list: Case[] = [
    {
      label: 'sample (8 KB)',
      file: sample,
      named: false,
      key: 'e51e31a3faca41e8',
      title: "Russia Says Pushing Offensive Into Ukraine's Dnipropetrovsk Region",
    },
  ];
  for (const [label, bytes, key] of [
    ['200 KB', 200 * 1024, '00000000000200aa'],
    ['2 MB', 2 * 1024 * 1024, '00000000002000aa'],
  ] as const) {
    const file = join(dir, `001_${key}.txt`);
    writeFileSync(file, generateArticle(bytes, 11, `First paint ${label}`));
    list.push({ label, file, named: true, key, title: `First paint ${label}` });
  }
  return list;
}

/** A user-data folder that remembers the middle of the article as where the reader was. */
async function rememberMiddle(userData: string, item: Case): Promise<string> {
  const article = await loadArticleFile(item.file);
  const middle = article.body[Math.floor(article.body.length / 2)]!.id;
  await new RememberedStore(userData).setPosition(item.key, {
    block: middle,
    offset: 0,
    progress: 0.5,
  });
  await settleWrites();
  return middle;
}

type Cookies = Parameters<BrowserContext['addCookies']>[0];

/**
 * The host's session cookie, bought with its printed one-time link in a context of its own, so
 * that every measured load starts from a cold cache with the cookie already held, as a reload of
 * the admitted page would.
 */
async function admit(browser: Browser, link: string): Promise<Cookies> {
  const context = await browser.newContext();
  try {
    await (await context.newPage()).goto(link);
    return await context.cookies();
  } finally {
    await context.close();
  }
}

async function load(
  browser: Browser,
  cookies: Cookies,
  url: string,
  title: string,
  anchor: string | null,
) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addCookies(cookies);
    const page = await context.newPage();
    await installFirstPaintProbe(page, { title, anchor });
    await page.goto(url);
    return { page: await readFirstPaint(page), html: await staticCopy(page) };
  } finally {
    await context.close();
  }
}

/** The rendered page without its scripts: what a static page of the same article would be. */
function staticCopy(page: Page): Promise<string> {
  return page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    copy
      .querySelectorAll('script, link[rel="modulepreload"], meta[name="lectern-token"]')
      .forEach((e) => e.remove());
    copy.removeAttribute('style');
    return `<!doctype html>\n${copy.outerHTML}`;
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const range = (xs: number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;

export async function printFirstPaint(browser: Browser, dir: string): Promise<void> {
  console.log(
    `\nFirst paint, in the page: navigation response end → first frame with the title ` +
      `(median of ${RUNS}, range), a remembered position restored; the static floor is the same ` +
      `rendered article as a plain HTML page from the same host, in the same runs:`,
  );
  const staticName = `first-paint-static-${process.pid}.html`;
  const staticFile = join(RENDERER_DIR, staticName);
  try {
    for (const item of cases(dir)) {
      const app: FirstPaint[] = [];
      const floor: FirstPaint[] = [];
      let html: string | null = null;
      for (let run = 0; run < RUNS + 1; run++) {
        const userData = mkdtempSync(join(dir, 'ud-'));
        const anchor = await rememberMiddle(userData, item);
        const host = await startHost([...(item.named ? [item.file] : []), '--user-data', userData]);
        try {
          const { origin } = new URL(host.url);
          const cookies = await admit(browser, host.url);
          const openApp = () => load(browser, cookies, `${origin}/`, item.title, anchor);
          const openStatic = () =>
            load(browser, cookies, `${origin}/${staticName}`, item.title, null);
          if (!html) {
            // A first, unmeasured load makes the static copy (and warms the disk cache for both).
            html = (await openApp()).html;
            writeFileSync(staticFile, html);
            continue;
          }
          // Alternate which goes first, so neither always gets the warmer machine.
          const order = run % 2 ? [openApp, openStatic] : [openStatic, openApp];
          for (const open of order) {
            const result = await open();
            (open === openApp ? app : floor).push(result.page);
          }
        } finally {
          const exited = new Promise((done) => host.process.once('exit', done));
          host.process.kill();
          await exited;
          rmSync(userData, { recursive: true, force: true });
        }
      }
      const appMs = app.map((r) => r.titleMs);
      const floorMs = floor.map((r) => r.titleMs);
      const jumps = app.map((r) => r.jump);
      const firstTops = app.map((r) => r.anchorTop ?? Number.NaN);
      const costDir = mkdtempSync(join(dir, 'ud-'));
      await rememberMiddle(costDir, item);
      const cost = await startupCallCost(item.file, item.named, costDir);
      rmSync(costDir, { recursive: true, force: true });
      console.log(
        `  ${item.label.padEnd(14)} app ${median(appMs).toFixed(0)} ms (${range(appMs)})` +
          ` · static floor ${median(floorMs).toFixed(0)} ms (${range(floorMs)})` +
          ` · ratio ${(median(appMs) / median(floorMs)).toFixed(1)}×` +
          ` · restored block's top in the first frame ${range(firstTops)} px` +
          ` · largest move after it ${Math.max(...jumps).toFixed(0)} px` +
          ` · calls answered before it: ${[...new Set(app.map((r) => r.callsBefore.join(' + ')))].join(' | ')}`,
      );
      console.log(
        `  ${''.padEnd(14)} app.start in Node ${cost.handlerMs.toFixed(1)} ms` +
          ` + structured clone (Electron IPC) ${cost.structuredCloneMs.toFixed(1)} ms` +
          ` of ${(cost.cloneBytes / 1024).toFixed(0)} KB; the browser host's JSON ${cost.jsonMs.toFixed(1)} ms`,
      );
    }
  } finally {
    rmSync(staticFile, { force: true });
  }
}
