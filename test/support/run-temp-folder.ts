/**
 * One temporary folder for a whole test run: every temp folder a test, a host or a browser makes
 * goes under it (TMPDIR is pointed there before any worker starts), and it is removed when the
 * run ends, whether the tests passed or failed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function useRunTempFolder(prefix: string): () => void {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  process.env.TMPDIR = folder;
  return () => rmSync(folder, { recursive: true, force: true });
}
