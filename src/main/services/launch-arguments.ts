/** Reads Lectern's command line: a file or folder to open, and `--user-data DIR`. */
import { resolve } from 'node:path';

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
