/**
 * Opening long and hostile articles, for `npm run bench:open`: for each, the time from the article's
 * answer reaching the window to its title painted and to the whole article in the page (scrollable
 * to its end), the host's parse time, its answers to other calls meanwhile, long tasks in the
 * window, and memory; or the refusal shown and how long it took. Prints figures; asserts nothing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startHost } from '../e2e/support/lectern-app';
import { generateRealisticArticle } from '../support/generate-articles';
import { ms, quantile, verdict } from './bench-report';
import { apiTimings, installOpenProbe, jumpToEnd } from './open-probe';

interface OpenCase {
  label: string;
  make: () => string;
  /** The limit the issue sets for the title to be painted, from the user's request. */
  titleFromRequest?: number;
  /** The limit for refusing it (or opening it) at all, from the user's request. */
  settleWithin?: number;
  /** The limit for the whole article to be scrollable to its end, from its answer reaching the window. */
  completeFromResponse?: number;
}

const TITLE_FROM_RESPONSE = 300;
const PING_LIMIT = 100;
const MEMORY_LIMIT_MB = 1024;
const TIMEOUT_MS = 60_000;

const tiny = (count: number) => `# Tiny paragraphs\n\n${'a\n\n'.repeat(count)}`;
export const OPEN_CASES: OpenCase[] = [
  { label: '200 KB realistic', make: () => generateRealisticArticle(200_000, 5) },
  {
    label: '2 MB realistic',
    make: () => generateRealisticArticle(2_000_000, 5),
    completeFromResponse: 1_000,
  },
  { label: '20 MB realistic', make: () => generateRealisticArticle(20_000_000, 5) },
  { label: '350 000 tiny paragraphs', make: () => tiny(350_000), titleFromRequest: 2_000 },
  { label: '20 MB of tiny paragraphs', make: () => tiny(6_900_000), settleWithin: 10_000 },
  {
    label: '20 MB, one paragraph of 10 million lines',
    make: () => `# One long paragraph\n\n${'a\n'.repeat(10_000_000)}`,
    settleWithin: 10_000,
  },
];

/** Peak resident memory of a process (threads included), in MB. */
function peakMb(pid: number | undefined): number {
  const status = pid ? readFileSync(`/proc/${pid}/status`, 'utf8') : '';
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

async function openOnce(browser: Browser, dir: string, item: OpenCase) {
  const file = join(dir, 'article.txt');
  writeFileSync(file, item.make());
  const host = await startHost([file, '--user-data', mkdtempSync(join(dir, 'ud-'))]);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await page.addInitScript(installOpenProbe);
    await page.goto(host.url);
    await page.evaluate((timeout) => {
      return Promise.race([
        window.__open.whenDone(),
        new Promise((resolve) => setTimeout(resolve, timeout)),
      ]);
    }, TIMEOUT_MS);
    const probe = await page.evaluate(() => {
      const { title, complete, alert, longTasks } = window.__open;
      return { title, complete, alert, longTasks };
    });
    const api = await page.evaluate(apiTimings);
    const end = probe.complete ? await page.evaluate(jumpToEnd) : null;
    const heap = await page.evaluate(
      () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory,
    );
    const opening = probe.longTasks.filter((t) => t.startTime >= api.request);
    const pings = api.pings.filter((p) => p.at >= api.request && p.at <= api.response);
    return {
      ...probe,
      ...api,
      end,
      hostPeakMb: peakMb(host.process.pid),
      rendererHeapMb: (heap?.usedJSHeapSize ?? NaN) / 1024 / 1024,
      longestTask: Math.max(0, ...opening.map((t) => t.duration)),
      pings: pings.map((p) => p.took),
    };
  } finally {
    await page.close();
    host.process.kill();
  }
}

export async function benchOpenLarge(browser: Browser, cases = OPEN_CASES): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-bench-large-'));
  let allMet = true;
  console.log(
    '\nLong and hostile articles (one run each; times from the page’s request for the article):',
  );
  try {
    for (const item of cases) {
      const r = await openOnce(browser, dir, item);
      const checks: string[] = [];
      const fromResponse = (t: number | null) => (t === null ? NaN : t - r.response);
      const ping = r.pings.length
        ? `${r.pings.length} other calls answered meanwhile, p95 ${ms(quantile(r.pings, 0.95))}, max ${ms(Math.max(...r.pings))}`
        : 'no other call made meanwhile';
      console.log(`  ${item.label}`);
      if (r.alert) {
        const took = (r.complete ?? performance.now()) && r.response - r.request;
        console.log(`    refused in ${ms(took)}: “${r.alert}”`);
        if (item.settleWithin)
          checks.push(verdict(took <= item.settleWithin, `refused within ${item.settleWithin} ms`));
      } else if (r.title === null) {
        console.log(`    neither opened nor refused within ${TIMEOUT_MS / 1000} s`);
        checks.push(verdict(false, 'opens or is refused'));
      } else {
        console.log(
          `    request → answer in the window ${ms(r.response - r.request)} (${(r.bytes / 1e6).toFixed(1)} MB) · ` +
            `answer → title painted ${ms(fromResponse(r.title))} · answer → whole article in the page ${ms(fromResponse(r.complete))}` +
            ` · jump to the end ${r.end ? `${ms(r.end.at)}${r.end.shown ? '' : ' (end NOT shown)'}` : '—'}`,
        );
        console.log(
          `    request → title painted ${ms(r.title - r.request)} · longest task in the window ${ms(r.longestTask)}`,
        );
        checks.push(
          verdict(
            fromResponse(r.title) <= TITLE_FROM_RESPONSE,
            `title painted within ${TITLE_FROM_RESPONSE} ms of the answer`,
          ),
        );
        if (item.titleFromRequest)
          checks.push(
            verdict(
              r.title - r.request <= item.titleFromRequest,
              `title within ${item.titleFromRequest} ms of the request`,
            ),
          );
        if (item.completeFromResponse)
          checks.push(
            verdict(
              fromResponse(r.complete) + (r.end?.at ?? Infinity) <= item.completeFromResponse &&
                !!r.end?.shown,
              `scrollable to its end within ${item.completeFromResponse} ms of the answer`,
            ),
          );
        if (item.settleWithin)
          checks.push(
            verdict(
              r.title - r.request <= item.settleWithin,
              `opened within ${item.settleWithin} ms`,
            ),
          );
      }
      console.log(
        `    host: ${ping}; peak memory ${r.hostPeakMb.toFixed(0)} MB · window JS heap ${r.rendererHeapMb.toFixed(0)} MB`,
      );
      checks.push(
        verdict(
          r.pings.length === 0 || Math.max(...r.pings) <= PING_LIMIT,
          `host answers other calls within ${PING_LIMIT} ms`,
        ),
      );
      if (item.settleWithin)
        checks.push(
          verdict(r.hostPeakMb + r.rendererHeapMb < MEMORY_LIMIT_MB, `under ${MEMORY_LIMIT_MB} MB`),
        );
      console.log(checks.join('\n'));
      allMet &&= checks.every((line) => line.includes('✓'));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return allMet;
}
