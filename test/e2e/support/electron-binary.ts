import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const electronDir = join(process.cwd(), 'node_modules', 'electron');

/** Electron's binary when it is installed; Electron 45 downloads it lazily, which fails offline. */
export function electronBinary(): { path: string } | { missing: string } {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      missing: 'the electron package has no binary (node_modules/electron/path.txt is absent)',
    };
  }
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) {
    return {
      missing: `Electron's binary was never downloaded (${binary} is absent; this machine cannot reach its download host)`,
    };
  }
  return { path: binary };
}
