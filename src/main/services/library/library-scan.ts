/** Walks a library folder and its subfolders for article files, with their sizes and times. */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

export interface FileStamp {
  /** Path relative to the library folder, with `/` separators. */
  rel: string;
  size: number;
  mtimeMs: number;
}

const ARTICLE_EXTENSIONS = new Set(['.txt', '.md', '.markdown']);

/** Articles are text files; hidden files and everything else in the folder are ignored. */
export function isArticleName(name: string): boolean {
  return !name.startsWith('.') && ARTICLE_EXTENSIONS.has(extname(name).toLowerCase());
}

export function toRel(root: string, absolute: string): string {
  return relative(root, absolute).split(sep).join('/');
}

/**
 * Every article under `folder`; unreadable subfolders are skipped rather than stopping the scan.
 * Synchronous calls on purpose (it runs in the indexing worker): 50 000 stat calls through the
 * thread pool's promises cost several times more. It yields between folders.
 */
export async function scanFolder(root: string, folder = root): Promise<FileStamp[]> {
  const found: FileStamp[] = [];
  const pending = [folder];
  while (pending.length) {
    const dir = pending.pop()!;
    let entries: Dirent[] = [];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      // Unreadable or gone: skipped.
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      // Symbolic links are not followed: a library never reaches outside its folder.
      if (entry.isDirectory()) pending.push(join(dir, entry.name));
      else if (entry.isFile() && isArticleName(entry.name)) {
        const stamp = safeStamp(root, join(dir, entry.name));
        if (stamp) found.push(stamp);
      }
    }
    if (pending.length) await new Promise((resolve) => setImmediate(resolve));
  }
  return found;
}

function stampOfSync(root: string, file: string): FileStamp | null {
  const info = statSync(file, { throwIfNoEntry: false });
  if (!info?.isFile()) return null;
  return { rel: toRel(root, file), size: info.size, mtimeMs: Math.trunc(info.mtimeMs) };
}

function safeStamp(root: string, file: string): FileStamp | null {
  try {
    return stampOfSync(root, file);
  } catch {
    return null;
  }
}

export async function stampOf(root: string, file: string): Promise<FileStamp | null> {
  return safeStamp(root, file);
}
