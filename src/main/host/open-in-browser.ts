/** Hands a link to the desktop's browser where an opener exists; never fails when none does. */
import { spawn } from 'node:child_process';

const OPENERS: Partial<Record<NodeJS.Platform, [string, string[]]>> = {
  linux: ['xdg-open', []],
  freebsd: ['xdg-open', []],
  openbsd: ['xdg-open', []],
  darwin: ['open', []],
  win32: ['rundll32', ['url.dll,FileProtocolHandler']],
};

/** Resolves true when the opener started, false when there is none (the link is printed anyway). */
export function openInBrowser(url: string, opener = OPENERS[process.platform]): Promise<boolean> {
  if (!opener) return Promise.resolve(false);
  return new Promise((resolve) => {
    const child = spawn(opener[0], [...opener[1], url], { stdio: 'ignore', detached: true });
    child.once('error', () => resolve(false));
    child.once('spawn', () => {
      child.unref();
      resolve(true);
    });
  });
}
