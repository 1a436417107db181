/** Walks a library folder and its subfolders for article files, with their sizes and times. */
import { lstatSync, readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  classifyLink,
  FOLDER_DENIED_REASON,
  isArticleName,
  stampOf,
  toRel,
  type FileStamp,
} from './library-paths';

export type { FileStamp };

/**
 * Every article under `folder`; a subfolder Lectern may not open is returned refused, with why,
 * to be listed under Couldn't open, and the scan goes on.
 * Links are not followed (see library-paths): one leading out of the library is returned refused,
 * to be listed as such. Synchronous calls on purpose (it runs in the indexing worker): 50 000 stat
 * calls through the thread pool's promises cost several times more. It yields between folders.
 */
export async function scanFolder(root: string, folder = root): Promise<FileStamp[]> {
  const found: FileStamp[] = [];
  const pending = [folder];
  while (pending.length) {
    const dir = pending.pop()!;
    let entries: Dirent[] = [];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      // Gone meanwhile: skipped. Not allowed in: listed with why, so its articles are not missed.
      const code = (error as NodeJS.ErrnoException).code;
      const info = (code === 'EACCES' || code === 'EPERM') && dir !== root && safeLstat(dir);
      if (info) found.push(stampOf(toRel(root, dir), info, FOLDER_DENIED_REASON));
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (entry.isSymbolicLink()) {
        const link = safeLstat(path);
        const kind = link && classifyLink(root, toRel(root, path), link);
        if (kind?.kind === 'refused') found.push(kind.stamp);
      } else if (entry.isFile() && isArticleName(entry.name)) {
        // lstat, not stat: a link swapped in since readdir is stamped as itself, and refused on read.
        const info = safeLstat(path);
        if (info?.isFile() || info?.isSymbolicLink()) found.push(stampOf(toRel(root, path), info));
      }
    }
    if (pending.length) await nextTurn();
  }
  return found;
}

function safeLstat(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}
