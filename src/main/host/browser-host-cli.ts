/**
 * `npm run browser -- [file|folder] [--port N] [--user-data DIR] [--open]`: Lectern in any browser,
 * on 127.0.0.1. It prints the link that lets a browser in (and with --open hands it to the desktop).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createServices } from '../services/lectern-handlers';
import { defaultUserDataDir, SAMPLE_ARTICLE } from '../services/app-locations';
import { settleWrites } from '../services/pending-writes';
import { startBrowserHost } from './browser-host';
import { openInBrowser } from './open-in-browser';

const appRoot = fileURLToPath(new URL('../..', import.meta.url));

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string' },
    'user-data': { type: 'string' },
    open: { type: 'boolean' },
  },
});

const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`lectern: --port must be a number from 0 to 65535, not “${values.port}”.`);
  process.exit(2);
}
const userDataDir = resolve(values['user-data'] ?? defaultUserDataDir());
mkdirSync(userDataDir, { recursive: true });
const startupArg = positionals[0];

const { handlers, events, library } = createServices({
  info: { host: 'browser', version: process.env.npm_package_version ?? '0.1.0', nativeMenu: false },
  startupPath: startupArg ? resolve(startupArg) : resolve(appRoot, 'resources', SAMPLE_ARTICLE),
  startupIsSample: !startupArg,
  userDataDir,
  openExternal: async () => undefined,
  libraryWorkerFile: resolve(appRoot, 'out', 'main', 'library-worker.js'),
  epubWorkerFile: resolve(appRoot, 'out', 'main', 'epub-worker.js'),
  entityWorkerFile: resolve(appRoot, 'out', 'main', 'entity-worker.js'),
  // Set by scripts/start.mjs and scripts/browser.mjs, so the page names the command actually used.
  startCommand: process.env.LECTERN_START_COMMAND || 'npm run browser --',
});

const host = await startBrowserHost({
  rendererDir: resolve(appRoot, 'out', 'renderer'),
  handlers,
  port,
  subscribe: events.subscribe,
  onLinkUsed: (next) =>
    console.log(`That link has been used. To open Lectern in another browser, use ${next}`),
});
console.log(`Lectern is serving on ${host.url}`);
console.log(
  'Open that link in your browser: it works once, and only the browser that opens it gets in.',
);
if (values.open) void openInBrowser(host.url);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(
    signal,
    () =>
      void Promise.all([host.close(), library.close()])
        .then(settleWrites)
        .then(() => process.exit(0)),
  );
}
