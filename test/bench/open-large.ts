/**
 * Opening long and hostile articles, for `npm run bench:open`: for each, from the window's request
 * for the article, the answer's arrival, the title painted and the whole article in the page
 * (scrollable to its end), or the refusal shown; meanwhile the host's answers to a cheap call of
 * the window's contract (host-pings.ts, against a baseline taken after, on the same host), the
 * window's long tasks while the article arrives, and memory. Prints; asserts nothing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startHost } from '../e2e/support/lectern-app';
import { generateRealisticArticle } from '../support/generate-articles';
import { HOSTILE_SHAPES } from '../support/pathological-markdown';
import { ms, quantile, verdict } from './bench-report';
import { pingBaseline, pingHost } from './host-pings';
import { measureOpen, windowTasksWhile, type OpenMeasure } from './open-measure';
import { installOpenProbe } from './open-probe';

interface OpenCase {
  label: string;
  make: () => string;
  /** Limits from the issue, where it sets them (the title's 300 ms holds for every case). */
  titleFromRequest?: number;
  settleWithin?: number;
  endFromAnswer?: number;
  /** No window task over 50 ms while the rest of the article arrives. */
  responsive?: boolean;
}

const TITLE_FROM_REQUEST = 300;
const LONG_TASK_LIMIT = 50;
const PING_LIMIT = 100;
const MEMORY_LIMIT_MB = 1024;

const shape = (name: string) => HOSTILE_SHAPES[name]!.make;
export const OPEN_CASES: OpenCase[] = [
  // The same run's floor: what any article costs, starting the app included.
  {
    label: '8 KB realistic (an ordinary article, for comparison)',
    make: () => generateRealisticArticle(8_000, 5),
  },
  { label: '200 KB realistic', make: () => generateRealisticArticle(200_000, 5) },
  {
    label: '2 MB realistic',
    make: () => generateRealisticArticle(2_000_000, 5),
    endFromAnswer: 1_000,
  },
  { label: '20 MB realistic', make: () => generateRealisticArticle(20_000_000, 5) },
  {
    label: '350 000 tiny paragraphs',
    make: shape('350 000 tiny paragraphs'),
    titleFromRequest: 2_000,
    responsive: true,
  },
  {
    label: '20 MB of tiny paragraphs',
    make: shape('20 MB of tiny paragraphs'),
    settleWithin: 10_000,
  },
  {
    label: '20 MB, one paragraph of 10 million lines',
    make: shape('20 MB, one paragraph of 10 million lines'),
    settleWithin: 10_000,
  },
  {
    label: 'deep nesting: 40 000 quotes deep, twice',
    make: shape('40 000 nested quotes, 2 000 times'),
  },
  {
    label: 'many inline pieces: 600 000 in one paragraph',
    make: shape('200 000 inline pieces in one paragraph'),
  },
];

/** Peak resident memory of a process (its threads included), in MB. */
function peakMb(pid: number | undefined): number {
  const status = pid ? readFileSync(`/proc/${pid}/status`, 'utf8') : '';
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1024 / 1024;
}

const SHORT = '# A short one\n\nBy [Agency](#)\n\nA paragraph.\n';

/**
 * The article opened at launch (named on the command line), then, after a short one, again from
 * Recent in the running window: the first includes the app starting, the second is the opening
 * alone.
 */
async function openTwice(browser: Browser, dir: string, item: OpenCase) {
  const file = join(dir, 'article.txt');
  writeFileSync(file, item.make());
  const host = await startHost([file, '--user-data', mkdtempSync(join(dir, 'ud-'))]);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const origin = new URL(host.url).origin;
  const pinging: (() => Promise<unknown>)[] = [];
  const ping = () => {
    const stop = pingHost(page, origin);
    pinging.push(stop);
    return stop;
  };
  try {
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await page.addInitScript(installOpenProbe);
    const stopAtLaunch = ping();
    await page.goto(host.url);
    const atLaunch = await measureOpen(page, 0, stopAtLaunch);
    let again: OpenMeasure | null = null;
    let tasks: Awaited<ReturnType<typeof windowTasksWhile>> | null = null;
    if (atLaunch.alert === null) {
      // Another, short article in between: the long one is then opened, not replaced by itself.
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Open…', exact: true }).click();
      const short = { name: 'short.txt', mimeType: 'text/plain', buffer: Buffer.from(SHORT) };
      await (await chooser).setFiles(short);
      await page.getByRole('heading', { level: 1, name: 'A short one' }).waitFor();
      await page.evaluate(() => window.__open.rearm());
      await page.getByRole('button', { name: 'Recent', exact: true }).click();
      const since = await page.evaluate(() => performance.now());
      const stopAgain = ping();
      const reopen = async () => {
        await page
          .getByRole('list', { name: 'Recent articles' })
          .getByRole('button')
          .first()
          .click();
        again = await measureOpen(page, since, stopAgain);
      };
      // Where the window's tasks are checked, a trace gives their CPU time beside the clock's.
      if (item.responsive) tasks = await windowTasksWhile(browser, page, reopen);
      else await reopen();
    }
    const windowHeapMb = await heapMb(page);
    const baseline = await pingBaseline(page, origin);
    return {
      atLaunch,
      again: again as OpenMeasure | null,
      tasks,
      baseline,
      windowHeapMb,
      hostPeakMb: peakMb(host.process.pid),
    };
  } finally {
    for (const stop of pinging) await stop();
    await page.close();
    host.process.kill();
  }
}

/** Prints one opening and adds its checks; returns the title's time from the request. */
function report(
  r: OpenMeasure,
  item: OpenCase,
  floor: number | null,
  into: string[],
  when: string,
): number {
  const checks = { push: (line: string) => into.push(line.replace(/(met {2})/, `$1${when}: `)) };
  const fromAnswer = (t: number | null) => (t === null ? NaN : t - r.response);
  if (r.alert !== null) {
    const took = (r.alertAt ?? NaN) - r.request;
    console.log(`    refused, shown ${ms(took)} after the request: “${r.alert}”`);
    if (item.settleWithin) {
      checks.push(verdict(took <= item.settleWithin, `refused within ${item.settleWithin} ms`));
    }
  } else if (r.title === null || r.complete === null || r.filled === null) {
    console.log('    not open in time');
    checks.push(verdict(false, 'opens or is refused'));
  } else {
    const title = r.title - r.request;
    const endTime = fromAnswer(Math.max(r.complete, r.title)) + (r.end?.at ?? NaN);
    console.log(
      `    answer in the window after ${ms(r.response - r.request)} (${(r.bytes / 1e6).toFixed(1)} MB of JSON with ${r.pieces} more pieces)` +
        ` · title painted ${ms(fromAnswer(r.title))} after it (${ms(title)} after the request${floor === null ? '' : `; the 8 KB article's: ${ms(floor)}`})` +
        ` · last piece in ${ms(fromAnswer(r.complete))} after it, End then shows the end in ${ms(r.end?.at ?? NaN)}${r.end?.shown ? '' : ' (NOT shown)'} (${r.end?.jumps ?? 0} jumps)` +
        ` · body no longer busy ${ms(fromAnswer(r.filled))} after it` +
        ` · window: longest task from the answer on ${ms(r.longestTask)} (${r.longTasks} over ${LONG_TASK_LIMIT} ms; before it ${ms(r.longestBeforeAnswer)})`,
    );
    const limit = Math.max(TITLE_FROM_REQUEST, item.titleFromRequest ?? 0);
    checks.push(
      verdict(
        title <= TITLE_FROM_REQUEST,
        `title painted within ${TITLE_FROM_REQUEST} ms of the request (${ms(title)})`,
      ),
    );
    if (limit > TITLE_FROM_REQUEST) {
      checks.push(verdict(title <= limit, `title painted within ${limit} ms of the request`));
    }
    if (item.responsive) {
      checks.push(
        verdict(
          r.longestTask <= LONG_TASK_LIMIT,
          `no window task over ${LONG_TASK_LIMIT} ms while it arrives (${ms(r.longestTask)})`,
        ),
      );
    }
    if (item.endFromAnswer) {
      checks.push(
        verdict(
          endTime <= item.endFromAnswer && !!r.end?.shown,
          `scrollable to its end within ${item.endFromAnswer} ms of the answer (${ms(endTime)})`,
        ),
      );
    }
  }
  const ping = r.pings.length ? Math.max(...r.pings) : NaN;
  console.log(
    `    host: ${r.pings.length} pings (library.snapshot) while it parsed and arrived, p95 ${ms(quantile(r.pings, 0.95))}, max ${ms(ping)} (sent ${ms(r.slowestAt)} after the request)`,
  );
  if (r.pings.length) {
    checks.push(
      verdict(
        ping <= PING_LIMIT,
        `host answers other calls within ${PING_LIMIT} ms while it parses (max ${ms(ping)})`,
      ),
    );
  }
  return r.title === null ? NaN : r.title - r.request;
}

export async function benchOpenLarge(browser: Browser, cases = OPEN_CASES): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-bench-large-'));
  let allMet = true;
  /** The ordinary article's title from the request, in this run: at launch, and opened again. */
  let floor: [number, number] | null = null;
  console.log(
    '\nLong and hostile articles, one run each, timed from the window’s request: named at launch' +
      ' (the app starting with it), then opened again from Recent in the running window:',
  );
  try {
    for (const item of cases) {
      const r = await openTwice(browser, dir, item);
      const checks: string[] = [];
      console.log(`  ${item.label}`);
      console.log('   at launch:');
      const launchTitle = report(r.atLaunch, item, floor?.[0] ?? null, checks, 'at launch');
      let againTitle = NaN;
      if (r.again) {
        console.log('   opened again from Recent in the running window:');
        againTitle = report(r.again, item, floor?.[1] ?? null, checks, 'again');
      }
      if (r.tasks) {
        console.log(
          `    traced while it opened again, to its last piece: longest window task ${ms(r.tasks.wall)} by the clock, ${ms(r.tasks.cpu)} of CPU time; ${r.tasks.overCpu50} tasks over 50 ms of CPU`,
        );
      }
      if (item.label.startsWith('8 KB')) floor = [launchTitle, againTitle];
      console.log(
        `    baseline pings, same host with nothing opening: p95 ${ms(quantile(r.baseline, 0.95))}, max ${ms(Math.max(...r.baseline))}` +
          ` · host peak memory ${r.hostPeakMb.toFixed(0)} MB · window JS heap ${r.windowHeapMb.toFixed(0)} MB`,
      );
      if (item.settleWithin) {
        const total = r.hostPeakMb + r.windowHeapMb;
        checks.push(
          verdict(total < MEMORY_LIMIT_MB, `under ${MEMORY_LIMIT_MB} MB (${total.toFixed(0)} MB)`),
        );
      }
      console.log(checks.join('\n'));
      allMet &&= checks.every((line) => line.includes('✓'));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return allMet;
}
