/**
 * Launches the real app for a test: the browser host (its real services, in Chromium) or, where its
 * binary exists, Electron through Playwright's `_electron`, with the same specs.
 */
import { test as base, _electron, type Browser, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronBinary } from './electron-binary';

export interface LaunchOptions {
  /** A file or folder passed on the command line; the bundled sample when absent. */
  path?: string;
  /** The user-data folder; a fresh temporary one when absent. */
  userData?: string;
  colorScheme?: 'light' | 'dark';
}

export interface LecternApp {
  page: Page;
  userData: string;
  /** Requests that tried to leave the app (all were blocked). */
  externalRequests: string[];
  close(): Promise<void>;
}

export const HOST_SCRIPT = join(process.cwd(), 'out', 'main', 'browser-host.js');

export function startHost(
  args: string[],
): Promise<{ url: string; process: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [HOST_SCRIPT, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 10_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
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

async function launchBrowserHost(browser: Browser, options: LaunchOptions, userData: string) {
  const host = await startHost([...(options.path ? [options.path] : []), '--user-data', userData]);
  const context = await browser.newContext({ colorScheme: options.colorScheme ?? 'light' });
  const externalRequests: string[] = [];
  const origin = new URL(host.url).origin;
  // Lectern is offline: anything not for its own origin is recorded and refused.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:')) return route.continue();
    externalRequests.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  await page.goto(host.url);
  return {
    page,
    userData,
    externalRequests,
    // Like quitting the app: the host finishes its writes, then exits; the next launch sees them.
    close: async () => {
      await context.close();
      if (host.process.exitCode !== null) return;
      const exited = new Promise((resolve) => host.process.once('exit', resolve));
      host.process.kill('SIGTERM');
      await exited;
    },
  };
}

async function launchElectron(binary: string, options: LaunchOptions, userData: string) {
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
  const page = await app.firstWindow();
  return { page, userData, externalRequests: [], close: () => app.close() };
}

export const test = base.extend<{ launch: (options?: LaunchOptions) => Promise<LecternApp> }>({
  launch: async ({ browser }, use, testInfo) => {
    const electron = electronBinary();
    if (testInfo.project.name === 'electron' && 'missing' in electron) {
      testInfo.skip(true, `Skipped on Electron: ${electron.missing}.`);
    }
    const running: LecternApp[] = [];
    await use(async (options = {}) => {
      const userData = options.userData ?? mkdtempSync(join(tmpdir(), 'lectern-e2e-'));
      const app =
        testInfo.project.name === 'electron' && 'path' in electron
          ? await launchElectron(electron.path, options, userData)
          : await launchBrowserHost(browser, options, userData);
      running.push(app);
      return app;
    });
    for (const app of running) await app.close();
  },
});

export { expect } from '@playwright/test';
