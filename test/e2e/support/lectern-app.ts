/**
 * Launches the real app for a test: the browser host (its real services, in Chromium) or, where its
 * binary exists, Electron through Playwright's `_electron`, with the same specs.
 */
import {
  test as base,
  _electron,
  type Browser,
  type BrowserContext,
  type Page,
} from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronBinary } from './electron-binary';

export interface LaunchOptions {
  /** A file or folder passed on the command line; the bundled sample when absent. */
  path?: string;
  /** The user-data folder; a fresh temporary one when absent. */
  userData?: string;
  colorScheme?: 'light' | 'dark';
  /** Runs before the window loads (in Electron, before a reload), e.g. to install an init script. */
  beforeLoad?: (page: Page) => Promise<void>;
  /** Extra environment for the browser host (as scripts/start.mjs sets LECTERN_START_COMMAND). */
  env?: Record<string, string>;
}

export interface LecternApp {
  page: Page;
  /** The browser host's origin (no secret in it); null in Electron. */
  origin: string | null;
  /** The link the host printed, already used by `page`; null in Electron. */
  link: string | null;
  userData: string;
  /** Requests that tried to leave the app (all were blocked). */
  externalRequests: string[];
  /**
   * The arguments of the window's calls to `channel` answered so far (browser host only): how a
   * test knows a change made a moment after an action (a scroll's position) has reached the host.
   */
  answeredCalls(channel: string): Promise<unknown[][]>;
  /**
   * Closes the window as its user does, and resolves once it is gone. In the browser host the
   * window's `pagehide` is run first and what it sends is answered (the browser delivers that
   * request after the page has gone, which a test quitting at once could cut short); then the page
   * is closed, running its handlers again with nothing left to send.
   */
  closeWindow(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Runs in the page before its scripts: notes the window's calls to the host, so closing can wait
 * for those in flight, as a quitting app's window finishes its calls before the host settles its
 * writes. Without it, closing the page would drop a change the window had just sent.
 */
function noteCalls() {
  const inFlight = new Set<Promise<unknown>>();
  const answered: { channel: string; args: string }[] = [];
  const fetchFromHost = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    const reply = fetchFromHost(input, init);
    if (!url.pathname.startsWith('/api/')) return reply;
    const channel = decodeURIComponent(url.pathname.slice('/api/'.length));
    inFlight.add(reply);
    const done = () => inFlight.delete(reply);
    reply.then(() => {
      answered.push({ channel, args: typeof init?.body === 'string' ? init.body : 'null' });
      done();
    }, done);
    return reply;
  };
  Object.assign(window, {
    lecternCallsAnswered: async () => {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
    lecternAnsweredCalls: (channel: string) =>
      answered.filter((call) => call.channel === channel).map((call) => call.args),
  });
}

declare global {
  interface Window {
    lecternCallsAnswered?: () => Promise<void>;
    lecternAnsweredCalls?: (channel: string) => string[];
  }
}

export const HOST_SCRIPT = join(process.cwd(), 'out', 'main', 'browser-host.js');

/**
 * Starts the browser host as `npm run browser` does. `url` is the link it printed: it carries the
 * one-time secret that lets one browser in.
 */
export function startHost(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ url: string; process: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [HOST_SCRIPT, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let output = '';
  return new Promise((resolve, reject) => {
    // Generous: at a load average of 8 to 12 on two cores, a start took over 10 s.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`host did not start:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving on (http:\/\/127\.0\.0\.1:\d+\/\?key=[0-9a-f]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, process: child, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`host exited with ${code}:\n${output}`)));
  });
}

/** Ends a host like quitting the app: it finishes its writes, then exits. */
async function stopHost(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** `defer` registers clean-up at once, so a launch that fails half-way leaves nothing running. */
type Defer = (cleanUp: () => Promise<void>) => void;

async function launchBrowserHost(
  browser: Browser,
  options: LaunchOptions,
  userData: string,
  defer: Defer,
) {
  const host = await startHost(
    [...(options.path ? [options.path] : []), '--user-data', userData],
    options.env,
  );
  defer(() => stopHost(host.process));
  const context = await browser.newContext({ colorScheme: options.colorScheme ?? 'light' });
  defer(() => context.close());
  const externalRequests: string[] = [];
  const origin = new URL(host.url).origin;
  // Lectern is offline: anything not for its own origin is recorded and refused.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:')) return route.continue();
    externalRequests.push(url);
    return route.abort('blockedbyclient');
  });
  await context.addInitScript(noteCalls);
  const page = await context.newPage();
  await options.beforeLoad?.(page);
  // The printed link, in a fresh context: as a person opens it from the terminal.
  await page.goto(host.url);
  return {
    page,
    origin,
    link: host.url,
    userData,
    externalRequests,
    answeredCalls: async (channel: string) =>
      (await page.evaluate((c) => window.lecternAnsweredCalls?.(c) ?? [], channel)).map(
        (args) => JSON.parse(args) as unknown[],
      ),
    // Like quitting the app: the window's calls are answered, the host finishes its writes and
    // exits; the next launch sees them.
    close: async () => {
      // A page that has crashed or gone has nothing in flight.
      await page.evaluate(() => window.lecternCallsAnswered?.()).catch(() => undefined);
      await context.close();
      await stopHost(host.process);
    },
  };
}

async function launchElectron(
  binary: string,
  options: LaunchOptions,
  userData: string,
  defer: Defer,
) {
  const app = await _electron.launch({
    executablePath: binary,
    args: [
      join(process.cwd(), 'out', 'main', 'index.js'),
      ...(options.path ? [options.path] : []),
      '--user-data',
      userData,
    ],
    colorScheme: options.colorScheme ?? 'light',
  });
  defer(() => app.close());
  const page = await app.firstWindow();
  if (options.beforeLoad) {
    await options.beforeLoad(page);
    await page.reload();
  }
  return {
    page,
    origin: null,
    link: null,
    userData,
    externalRequests: [],
    answeredCalls: () => {
      throw new Error('Only the browser host notes the window’s calls.');
    },
    close: () => app.close(),
  };
}

async function closeWindow(page: Page, answersInPage: boolean) {
  if (answersInPage) {
    await page.evaluate(async () => {
      window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
      await window.lecternCallsAnswered?.();
    });
  }
  const closed = page.waitForEvent('close');
  await page.close({ runBeforeUnload: true });
  await closed;
}

const madeThisTest: string[] = [];

/** A fresh temporary folder, removed after the test that made it, whatever its outcome. */
export function tempFolder(prefix = 'lectern-e2e-'): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  madeThisTest.push(folder);
  return folder;
}

export const test = base.extend<{
  launch: (options?: LaunchOptions) => Promise<LecternApp>;
  /** A browser context of its own (another browser, say), closed after the test. */
  freshContext: () => Promise<BrowserContext>;
  defer: Defer;
  removeTempFolders: void;
}>({
  // Set up first, so torn down last: after every app using the folders has closed.
  removeTempFolders: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from this.
    async ({}, use) => {
      await use();
      for (const folder of madeThisTest.splice(0)) rmSync(folder, { recursive: true, force: true });
    },
    { auto: true },
  ],
  // Every host and context is registered here the moment it starts, so a test that fails half-way
  // leaves nothing running.
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from this.
  defer: async ({}, use) => {
    const cleanUps: (() => Promise<void>)[] = [];
    try {
      await use((cleanUp) => void cleanUps.push(cleanUp));
    } finally {
      // Newest first: a page's context before its host. Closing twice is harmless.
      for (const cleanUp of cleanUps.reverse()) await cleanUp().catch(() => undefined);
    }
  },
  launch: async ({ browser, defer }, use, testInfo) => {
    const electron = electronBinary();
    if (testInfo.project.name === 'electron' && 'missing' in electron) {
      testInfo.skip(true, `Skipped on Electron: ${electron.missing}.`);
    }
    await use(async (options = {}) => {
      const userData = options.userData ?? tempFolder();
      const app =
        testInfo.project.name === 'electron' && 'path' in electron
          ? await launchElectron(electron.path, options, userData, defer)
          : await launchBrowserHost(browser, options, userData, defer);
      return { ...app, closeWindow: () => closeWindow(app.page, app.link !== null) };
    });
  },
  freshContext: async ({ browser, defer }, use) => {
    await use(async () => {
      const context = await browser.newContext();
      defer(() => context.close());
      return context;
    });
  },
});

export { expect } from '@playwright/test';
