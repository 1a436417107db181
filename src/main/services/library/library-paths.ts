/**
 * The one check every path into a library goes through: the scan, the watcher's updates, indexing,
 * search snippets and opening. A library is its real folder and nothing else: symbolic links are
 * never followed. A link that leads outside is listed as such and never read; one that stays
 * inside is skipped, since what it points to is listed under its own name.
 */
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readlinkSync,
  realpathSync,
  statSync,
  type Stats,
} from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { basename, extname, isAbsolute, join, relative, sep } from 'node:path';
import { AppFailure } from '../../../shared/result';
import { checkRegularFile, describeFsError } from '../article-file';

/** Shown under Couldn't open for a link whose real path leaves the library's folder. */
export const LINK_OUTSIDE_REASON = 'Not read: it links outside the library.';
export const FOLDER_DENIED_REASON =
  'Lectern is not allowed to open this folder (permission denied), so its articles are not listed.';

const ARTICLE_EXTENSIONS = new Set(['.txt', '.md', '.markdown']);
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

/** Articles are text files; hidden files and everything else in the folder are ignored. */
export function isArticleName(name: string): boolean {
  return !name.startsWith('.') && ARTICLE_EXTENSIONS.has(extname(name).toLowerCase());
}

/** A path inside the library with `/` separators, as the index keeps it. */
export function toRel(root: string, absolute: string): string {
  return relative(root, absolute).split(sep).join('/');
}

/** True when `real` (a real path) is the root itself or below it. */
export function isInside(root: string, real: string): boolean {
  return real === root || real.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** True when `path` names something below `root`, by its name alone (links not looked at). */
export function isUnder(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * The library's rules for a path the window asks to open: inside the folder (before any link is
 * looked at), no hidden file or folder on the way (`.git/config`, `.env`), an article's extension.
 * Returns the path relative to the root, or throws why not.
 */
export function articleRelOf(root: string, path: string): string {
  const rel = relative(root, path);
  const refuse = (why: string) => new AppFailure('not-allowed', why);
  if (!isUnder(root, path)) {
    throw refuse('That file is not inside the open library folder, so Lectern will not open it.');
  }
  const parts = rel.split(sep);
  if (parts.some((part) => part.startsWith('.')) || !isArticleName(basename(rel))) {
    throw refuse(
      `Lectern opens only the library’s articles (.txt, .md and .markdown files, not hidden ones): “${basename(rel)}” is not one.`,
    );
  }
  return parts.join('/');
}

/** A path (with `/` separators) the library never looks at: hidden on the way, or leaving by `..`. */
export function isHiddenRel(rel: string): boolean {
  return rel.split('/').some((part) => part === '' || part.startsWith('.'));
}

export interface FileStamp {
  /** Path relative to the library folder, with `/` separators. */
  rel: string;
  size: number;
  mtimeMs: number;
  /** Set for an entry that must not be read (a link out of the library): why, for the list. */
  refused?: string;
}

export type PathKind =
  | { kind: 'article'; stamp: FileStamp }
  | { kind: 'folder' }
  /** A link on the way out of the library, listed under its own path; never read. */
  | { kind: 'refused'; stamp: FileStamp }
  /** Gone, not an article, or a link that stays inside. */
  | { kind: 'none' };

/** A file's (or folder's) stamp as the list keeps it; `refused` says why it is not read. */
export const stampOf = (rel: string, info: Stats, refused?: string): FileStamp => ({
  rel,
  size: info.size,
  mtimeMs: Math.trunc(info.mtimeMs),
  ...(refused ? { refused } : {}),
});

/**
 * What a link found at `rel` is to the library: refused when its real path leaves the folder and
 * it would otherwise have been read (a folder, or a file with an article's name), else nothing.
 */
export function classifyLink(root: string, rel: string, info: Stats): PathKind {
  const path = join(root, rel);
  let real: string;
  let target: Stats;
  try {
    real = realpathSync.native(path);
    target = statSync(real);
  } catch {
    return { kind: 'none' }; // Dangling or a loop: nothing to read either way.
  }
  if (isInside(root, real)) return { kind: 'none' };
  const wouldRead = target.isDirectory() || (target.isFile() && isArticleName(basename(rel)));
  return wouldRead
    ? { kind: 'refused', stamp: stampOf(rel, info, LINK_OUTSIDE_REASON) }
    : { kind: 'none' };
}

/**
 * What a path the watcher reported is now. Each part of it is looked at without following links;
 * the first link on the way decides (so `dirlink/fresh.md` is the link `dirlink`).
 */
export function classifyPath(root: string, rel: string): PathKind {
  if (isHiddenRel(rel)) return { kind: 'none' };
  const parts = rel.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const partRel = parts.slice(0, i).join('/');
    let info: Stats;
    try {
      info = lstatSync(join(root, partRel));
    } catch {
      return { kind: 'none' };
    }
    if (info.isSymbolicLink()) return classifyLink(root, partRel, info);
    if (i < parts.length) {
      if (!info.isDirectory()) return { kind: 'none' };
    } else if (info.isDirectory()) return { kind: 'folder' };
    else if (info.isFile() && isArticleName(parts[i - 1]!)) {
      return { kind: 'article', stamp: stampOf(rel, info) };
    }
  }
  return { kind: 'none' };
}

/**
 * The real path of an open descriptor. Linux names it in /proc; elsewhere the path's real path is
 * trusted only when it is the very file that is open (same device and inode).
 */
function realPathOfDescriptor(fd: number, path: string): string {
  if (process.platform === 'linux') {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`).replace(/ \(deleted\)$/, '');
    } catch {
      // No /proc mounted: the portable check below.
    }
  }
  const real = realpathSync.native(path);
  const opened = fstatSync(fd);
  const named = statSync(real);
  if (opened.dev !== named.dev || opened.ino !== named.ino) {
    throw new AppFailure('not-allowed', `“${basename(path)}” changed while it was being opened.`);
  }
  return real;
}

/** Why a path that could not be opened as a plain file inside the library was refused. */
function linkFailure(root: string, path: string, name: string): AppFailure {
  let real: string | null = null;
  try {
    real = realpathSync.native(path);
  } catch {
    // Dangling: said below.
  }
  if (real !== null && !isInside(root, real))
    return new AppFailure('not-allowed', LINK_OUTSIDE_REASON);
  return new AppFailure(
    'not-allowed',
    `“${name}” is a link; the library reads files only under their own names.`,
  );
}

/** Checks an open descriptor: inside the library after every link, and a regular file. */
function checkOpened(root: string, fd: number, path: string, name: string): Stats {
  if (!isInside(root, realPathOfDescriptor(fd, path))) {
    throw new AppFailure('not-allowed', LINK_OUTSIDE_REASON);
  }
  const info = fstatSync(fd);
  checkRegularFile(info, name);
  return info;
}

/**
 * Opens a library file for reading, or throws why not. The last part is opened without following
 * a link (O_NOFOLLOW), and the descriptor's own real path is checked after opening, so a link put
 * anywhere on the path between a check and the read is caught. Non-blocking: a pipe swapped in
 * cannot hang the caller.
 */
export function openInLibrary(root: string, rel: string): { fd: number; size: number } {
  const path = join(root, rel);
  const name = basename(rel);
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    throw (error as NodeJS.ErrnoException).code === 'ELOOP'
      ? linkFailure(root, path, name)
      : describeFsError(error, name);
  }
  try {
    return { fd, size: checkOpened(root, fd, path, name).size };
  } catch (error) {
    closeSync(fd);
    throw error instanceof AppFailure ? error : describeFsError(error, name);
  }
}

/** The same, for the async reader (opening an article in the window). */
export async function openInLibraryAsync(root: string, rel: string): Promise<FileHandle> {
  const path = join(root, ...rel.split('/'));
  const name = basename(rel);
  const handle = await open(path, OPEN_FLAGS).catch((error: unknown) => {
    throw (error as NodeJS.ErrnoException).code === 'ELOOP'
      ? linkFailure(root, path, name)
      : describeFsError(error, name);
  });
  try {
    checkOpened(root, handle.fd, path, name);
    return handle;
  } catch (error) {
    await handle.close();
    throw error instanceof AppFailure ? error : describeFsError(error, name);
  }
}
