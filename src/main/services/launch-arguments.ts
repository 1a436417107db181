/** Reads Lectern's command line: a file or folder to open, and `--user-data DIR`. */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ASK_FROM_ENTRIES } from '../../shared/library';

export interface LaunchArguments {
  /** The file or folder to open, resolved against the launching shell's folder. */
  target: string | null;
  userData: string | null;
}

/**
 * `argv` is Electron's own: the executable, then (unpackaged) the app folder, then the user's
 * arguments. Chromium switches (`--foo`, `--foo=bar`) are skipped.
 */
export function readLaunchArguments(argv: string[], options: { packaged: boolean; cwd: string }) {
  const args = argv.slice(options.packaged ? 1 : 2);
  let userData: string | null = null;
  let target: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--user-data' && args[i + 1]) userData = resolve(options.cwd, args[++i]!);
    else if (arg.startsWith('--user-data=')) userData = resolve(options.cwd, arg.slice(12));
    else if (!arg.startsWith('-') && target === null) target = resolve(options.cwd, arg);
  }
  return { target, userData } satisfies LaunchArguments;
}

/** Counts a folder's entries as the library walks it, stopping at `limit`. */
export async function countEntries(folder: string, limit = ASK_FROM_ENTRIES): Promise<number> {
  let count = 0;
  const pending = [folder];
  while (pending.length && count < limit) {
    const dir = pending.pop()!;
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      if (++count >= limit) break;
      if (entry.isDirectory()) pending.push(join(dir, entry.name));
    }
  }
  return count;
}

export type LaunchRequest =
  | { type: 'open-path'; path: string }
  | { type: 'open-folder-path'; path: string }
  /** A big folder: ask the user before opening it as a library. */
  | { type: 'ask-folder-path'; path: string };

/**
 * What a second launch asks of the running window: open its file, or its folder as a library, or
 * first ask about a big folder. One `stat` decides, so nothing can change between an existence
 * check and a type check.
 */
export async function secondLaunchCommand(
  argv: string[],
  options: { packaged: boolean; cwd: string },
): Promise<LaunchRequest | null> {
  const { target } = readLaunchArguments(argv, options);
  if (!target) return null;
  const info = await stat(target).catch(() => null);
  if (info?.isFile()) return { type: 'open-path', path: target };
  if (!info?.isDirectory()) return null;
  const big = (await countEntries(target)) >= ASK_FROM_ENTRIES;
  return { type: big ? 'ask-folder-path' : 'open-folder-path', path: target };
}
