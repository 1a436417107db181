// `npm run bench:search`: keystroke → count + visible highlights, per article size, against a
// plain whole-document mark.js pass on the same page. Prints figures; asserts nothing.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ensureBuilt } from './ensure-built.mjs';
import { CHROMIUM_ARGS, findChromium, HOW_TO_GET_CHROMIUM } from './find-chromium.mjs';

const SIZES = [
  ['5 KB', 5_000],
  ['200 KB', 200_000],
  ['2 MB', 2_000_000],
];
const RARE = 'zaporizhzhia';
const COMMON = 'the';
const PAUSE_MS = 60; // a fast typist's gap between keys
const ROUNDS = 3; // each word typed three times, so p95 is not just the slowest keystroke

// Same shape as test/support/generate-articles.ts (kept here so the script runs on plain Node).
const WORDS = (
  'the of and to in a is that for on said with as was by it at from his be have an are has not ' +
  'government minister region forces talks week city president people officials Kyiv Moscow ' +
  'ceasefire agreement border military economy report Tuesday Sunday statement council meeting ' +
  'Élysée Dnipró café naïve résumé coöperation attack village capital industrial offensive'
).split(' ');

function generate(bytes) {
  let state = 7;
  const random = () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const parts = ['# A Generated Article', 'By [Agence Test](#)', 'June 08, 2025', 'A caption.'];
  let size = 0;
  for (let n = 0; size < bytes; n++) {
    const words = Array.from({ length: 40 + Math.floor(random() * 60) }, () => {
      return WORDS[Math.floor(random() * WORDS.length)];
    });
    // The rare word: a handful of times in the whole article.
    if (n % 997 === 3) words[3] = 'Zaporizhzhia';
    const text = n % 9 === 8 ? `## Section ${n}` : `${words.join(' ')}.`;
    parts.push(text);
    size += text.length + 2;
  }
  return `${parts.join('\n\n')}\n`;
}

function startHost(file, userData) {
  const child = spawn(process.execPath, [
    'out/main/browser-host.js',
    file,
    '--user-data',
    userData,
  ]);
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk) => {
      output += chunk;
      const match = /serving on (http:\/\/127\.0\.0\.1:\d+\/\?key=[0-9a-f]+)/.exec(output);
      if (match) resolve({ url: match[1], child });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`host exited with ${code}: ${output}`)));
  });
}

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
};
const ms = (value) => `${value.toFixed(1)} ms`;

// Installed before the app loads: keystroke times, "settled" marks and long tasks.
function instrument() {
  window.__bench = { keys: [], settled: [], longTasks: [] };
  addEventListener('keydown', (event) => window.__bench.keys.push(event.timeStamp), true);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === 'lectern-find-settled') window.__bench.settled.push(entry.startTime);
    }
  }).observe({ type: 'mark' });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__bench.longTasks.push(entry.duration);
  }).observe({ type: 'longtask' });
}

async function typeWord(page, word) {
  const latencies = [];
  for (const letter of word) {
    const before = await page.evaluate(() => window.__bench.settled.length);
    await page.keyboard.press(letter);
    await page.waitForFunction((n) => window.__bench.settled.length > n, before, {
      polling: 'raf',
    });
    latencies.push(
      await page.evaluate(() => window.__bench.settled.at(-1) - window.__bench.keys.at(-1)),
    );
    await page.waitForTimeout(PAUSE_MS);
  }
  return latencies;
}

// The naive way: unmark and mark the whole article again for every prefix typed.
function baselinePasses(word) {
  const instance = new window.Mark(document.querySelector('article'));
  const times = [];
  let count = 0;
  for (let i = 1; i <= word.length; i++) {
    const started = performance.now();
    instance.unmark();
    instance.mark(word.slice(0, i), { separateWordSearch: false, done: (n) => (count = n) });
    times.push(performance.now() - started);
  }
  instance.unmark();
  return { times, count };
}

async function benchSize(browser, label, bytes) {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-bench-'));
  const file = join(dir, 'article.txt');
  writeFileSync(file, generate(bytes));
  const host = await startHost(file, join(dir, 'user-data'));
  const context = await browser.newContext({
    bypassCSP: true,
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  try {
    await page.addInitScript(instrument);
    await page.goto(host.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const openStarted = Date.now();
    await page.getByRole('main', { name: 'Article' }).focus();
    await page.keyboard.press('Control+f');
    const box = page.getByRole('searchbox', { name: 'Find in article' });
    await box.waitFor();
    const openMs = Date.now() - openStarted;
    // Typing starts once the reader has had time to reach the keys (the text is folded by then).
    await page.waitForTimeout(500);
    await page.evaluate(() => (window.__bench.longTasks = []));
    const words = {};
    for (let round = 0; round < ROUNDS; round++) {
      for (const word of [RARE, COMMON]) {
        await box.fill('');
        await page.waitForTimeout(200);
        const latencies = await typeWord(page, word);
        const status = await page.getByRole('search').getByRole('status').textContent();
        words[word] = { latencies: [...(words[word]?.latencies ?? []), ...latencies], status };
      }
    }
    const longest = await page.evaluate(() => Math.max(0, ...window.__bench.longTasks));
    await box.press('Escape');
    await page.addScriptTag({ path: 'node_modules/mark.js/dist/mark.min.js' });
    for (const word of [RARE, COMMON]) {
      words[word].baseline = await page.evaluate(baselinePasses, word);
    }
    return { label, words, longest, openMs };
  } finally {
    await context.close();
    host.child.kill();
  }
}

const executablePath = process.env.CHROME_PATH ?? findChromium({ install: false });
if (!executablePath) {
  console.error(HOW_TO_GET_CHROMIUM);
  process.exit(1);
}
ensureBuilt();
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
console.log(
  `Typing "${RARE}" then "${COMMON}" letter by letter (${PAUSE_MS} ms apart), ${ROUNDS} times.\n`,
);
for (const [label, bytes] of SIZES) {
  const r = await benchSize(browser, label, bytes);
  console.log(
    `${label}  (longest task while typing: ${ms(r.longest)}; opening the bar: ${r.openMs} ms)`,
  );
  const all = [];
  const allBaseline = [];
  for (const [word, { latencies, status, baseline }] of Object.entries(r.words)) {
    all.push(...latencies);
    allBaseline.push(...baseline.times);
    console.log(`  "${word}" (${status}; mark.js: ${baseline.count} marks)`);
    console.log(`    per keystroke, ours:     ${latencies.map((v) => v.toFixed(1)).join(' ')}`);
    console.log(
      `    per keystroke, baseline: ${baseline.times.map((v) => v.toFixed(1)).join(' ')}`,
    );
  }
  const ours = { median: quantile(all, 0.5), p95: quantile(all, 0.95) };
  const base = { median: quantile(allBaseline, 0.5), p95: quantile(allBaseline, 0.95) };
  console.log(
    `  keystroke → count + visible highlights: median ${ms(ours.median)}, p95 ${ms(ours.p95)}`,
  );
  console.log(
    `  baseline (whole-document mark.js pass): median ${ms(base.median)}, p95 ${ms(base.p95)}`,
  );
  console.log(
    `  speed-up: ${(base.median / ours.median).toFixed(1)}× at the median, ${(base.p95 / ours.p95).toFixed(1)}× at p95\n`,
  );
}
await browser.close();
