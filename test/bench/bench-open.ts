/**
 * `npm run bench:open`: time from starting the browser host to the sample's title on screen, and the
 * time to open and render generated 200 KB and 2 MB articles (medians over several runs), first
 * paint, then long and hostile articles up to 20 MB against their targets (open-large.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium, HOW_TO_GET_CHROMIUM } from '../../scripts/find-chromium.mjs';
import { startHost } from '../e2e/support/lectern-app';
import { generateArticle } from '../support/generate-articles';
import { printFirstPaint } from './first-paint';
import { benchOpenLarge, OPEN_CASES } from './open-large';

const RUNS = 5;
const executablePath = findChromium();
if (!executablePath) throw new Error(HOW_TO_GET_CHROMIUM);
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
const dir = mkdtempSync(join(tmpdir(), 'lectern-bench-open-'));

async function timeOpen(path: string | null, expectedTitle: string) {
  const started = performance.now();
  const host = await startHost([
    ...(path ? [path] : []),
    '--user-data',
    mkdtempSync(join(dir, 'ud-')),
  ]);
  const hostReady = performance.now();
  const page = await browser.newPage();
  try {
    await page.goto(host.url);
    await page.getByRole('heading', { level: 1, name: expectedTitle }).waitFor();
    await page.locator('article footer').waitFor({ state: 'attached' });
    const visible = performance.now();
    const blocks = await page.locator('[data-block]').count();
    return {
      total: visible - started,
      host: hostReady - started,
      page: visible - hostReady,
      blocks,
    };
  } finally {
    // A failed run leaves no host behind.
    await page.close();
    host.process.kill();
  }
}

try {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const cases: Array<[string, string | null, string]> = [
    ['sample (8 KB)', null, "Russia Says Pushing Offensive Into Ukraine's Dnipropetrovsk Region"],
  ];
  for (const [label, size] of [
    ['200 KB', 200 * 1024],
    ['2 MB', 2 * 1024 * 1024],
  ] as const) {
    const path = join(dir, `bench-${size}.txt`);
    writeFileSync(path, generateArticle(size, 11, `Bench ${label}`));
    cases.push([label, path, `Bench ${label}`]);
  }

  // `npm run bench:open -- --large [name,name…]`: the long and hostile articles alone (those whose
  // label holds one of the names).
  const largeOnly = process.argv.includes('--large');
  const only = process.argv[process.argv.indexOf('--large') + 1];
  if (!largeOnly) {
    console.log(`Open-to-title times, median of ${RUNS} runs (headless Chromium, this machine):`);
  }
  for (const [label, path, title] of largeOnly ? [] : cases) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await timeOpen(path, title));
    console.log(
      `  ${label.padEnd(14)} host start → title visible: ${median(runs.map((r) => r.total)).toFixed(0)} ms` +
        ` (host up ${median(runs.map((r) => r.host)).toFixed(0)} ms, page load + render ${median(runs.map((r) => r.page)).toFixed(0)} ms, ${runs[0]!.blocks} blocks)`,
    );
  }
  // Long and hostile articles (issue 13): title, end, host answers and memory, with their targets.
  await benchOpenLarge(
    browser,
    OPEN_CASES.filter(
      (item) => !largeOnly || !only || only.split(',').some((name) => item.label.includes(name)),
    ),
  );
  if (!largeOnly) await printFirstPaint(browser, dir);
} finally {
  // The generated articles and every user-data folder go, whether the bench finished or not.
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
