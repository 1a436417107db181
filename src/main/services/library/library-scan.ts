/** Walks a library folder and its subfolders for article files, with their sizes and times. */
import { readdir, stat } from 'node:fs/promises';
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

/** Every article under `folder`; unreadable subfolders are skipped rather than stopping the scan. */
export async function scanFolder(root: string, folder = root): Promise<FileStamp[]> {
  const found: FileStamp[] = [];
  const pending = [folder];
  while (pending.length) {
    const dir = pending.pop()!;
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    const files: string[] = [];
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      // Symbolic links are not followed: a library never reaches outside its folder.
      if (entry.isDirectory()) pending.push(join(dir, entry.name));
      else if (entry.isFile() && isArticleName(entry.name)) files.push(join(dir, entry.name));
    }
    const stamps = await Promise.all(files.map((file) => stampOf(root, file)));
    for (const stamp of stamps) if (stamp) found.push(stamp);
  }
  return found;
}

export async function stampOf(root: string, file: string): Promise<FileStamp | null> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return null;
  return { rel: toRel(root, file), size: info.size, mtimeMs: Math.trunc(info.mtimeMs) };
}
