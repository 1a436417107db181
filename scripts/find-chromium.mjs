// Finds a Chromium for end-to-end tests and benchmarks; installs Debian's where it can (root + apt-get).
import { existsSync } from 'node:fs';
import { installMissing } from './debian-packages.mjs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function findChromium({ install = true } = {}) {
  const found = [process.env.CHROME_PATH, ...CANDIDATES].find((p) => p && existsSync(p));
  if (found) return found;
  if (install) installMissing([['chromium', 'chromium']]);
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : null;
}

export const HOW_TO_GET_CHROMIUM =
  'lectern: no Chromium found. Install one (Debian: sudo apt-get install chromium) or set CHROME_PATH to a Chrome/Chromium binary.';
