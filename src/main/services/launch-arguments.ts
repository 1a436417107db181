/** Reads Lectern's command line: a file or folder to open, and `--user-data DIR`. */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { AppCommand } from '../../shared/ipc';

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

/**
 * What a second launch asks of the running window: open its file, or its folder as a library.
 * One `stat` decides, so nothing can change between an existence check and a type check.
 */
export async function secondLaunchCommand(
  argv: string[],
  options: { packaged: boolean; cwd: string },
): Promise<AppCommand | null> {
  const { target } = readLaunchArguments(argv, options);
  if (!target) return null;
  const info = await stat(target).catch(() => null);
  if (info?.isDirectory()) return { type: 'open-folder-path', path: target };
  if (info?.isFile()) return { type: 'open-path', path: target };
  return null;
}
