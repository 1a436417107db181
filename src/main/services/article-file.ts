/** Opens an article from disk or from handed-over bytes, refusing what is not a readable text file. */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Article } from '../../shared/article';
import { MAX_ARTICLE_BYTES, tooLargeMessage } from '../../shared/article';
import { AppFailure } from '../../shared/result';
import { parseArticle } from './article-parser';
import { decodeText, refuseBinary, SNIFF_BYTES } from './decode-text';

const READ_CHUNK = 1024 * 1024;
const ARTICLE_ID = /^\d+_([0-9a-f]{16})\.[a-z0-9]+$/i;

export function articleIdFromName(name: string): string | null {
  return ARTICLE_ID.exec(name)?.[1]?.toLowerCase() ?? null;
}

/** Opens a file for reading without blocking: a pipe must not hang the open itself. */
const openPlain = (path: string) => open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));

/**
 * Reads an article. `openFile` lets the library open through its own containment check; what is
 * checked and read afterwards is the open descriptor, so nothing can be swapped in between.
 */
export async function loadArticleFile(
  path: string,
  openFile: (path: string) => Promise<FileHandle> = openPlain,
): Promise<Article> {
  const name = basename(path);
  const handle = await openFile(path).catch((error: unknown) => {
    throw error instanceof AppFailure ? error : describeFsError(error, name);
  });
  try {
    const info = await handle.stat();
    checkRegularFile(info, name);
    checkSize(info.size, name);
    const bytes = await readAtMost(handle, MAX_ARTICLE_BYTES + 1);
    // The file may have grown between stat and read; the byte count we hold is what counts.
    checkSize(bytes.byteLength, name);
    return articleFromBytes(bytes, { name, path, modified: info.mtime.toISOString() });
  } catch (error) {
    throw error instanceof AppFailure ? error : describeFsError(error, name);
  } finally {
    await handle.close();
  }
}

export function articleFromBytes(
  bytes: Uint8Array,
  file: { name: string; path: string | null; modified: string | null },
): Article {
  checkSize(bytes.byteLength, file.name);
  const decoded = decodeText(bytes);
  if (decoded.text.trim() === '') {
    throw new AppFailure(
      'empty',
      `“${file.name}” holds only blank space: there is nothing to read.`,
    );
  }
  return parseArticle(decoded.text, {
    name: file.name,
    path: file.path,
    articleId: articleIdFromName(file.name),
    size: bytes.byteLength,
    modified: file.modified,
    encoding: decoded.encoding,
    bom: decoded.bom,
    lineEndings: decoded.lineEndings,
    replacedBytes: decoded.replacedBytes,
    controlCharacters: decoded.controlCharacters,
  });
}

/** Folders, devices, pipes and sockets are refused before any read (a pipe would block it). */
export function checkRegularFile(
  info: { isDirectory(): boolean; isFile(): boolean },
  name: string,
) {
  if (info.isDirectory()) {
    throw new AppFailure('is-folder', `“${name}” is a folder. Choose an article file inside it.`);
  }
  if (!info.isFile()) {
    throw new AppFailure(
      'not-a-file',
      `“${name}” is not a regular file (a device, pipe or socket).`,
    );
  }
}

export function checkSize(size: number, name: string) {
  if (size === 0) throw new AppFailure('empty', `“${name}” is empty: there is nothing to read.`);
  if (size > MAX_ARTICLE_BYTES) throw new AppFailure('too-large', tooLargeMessage(name, size));
}

/** Reads no more than `limit` bytes, so a file that grows or lies about its size cannot exhaust memory. */
async function readAtMost(handle: FileHandle, limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < limit) {
    const chunk = Buffer.allocUnsafe(
      Math.min(total === 0 ? SNIFF_BYTES : READ_CHUNK, limit - total),
    );
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, total);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    // A binary file is refused from its first bytes, however large it is.
    if (total === 0) refuseBinary(chunks[0]!);
    total += bytesRead;
  }
  return Buffer.concat(chunks, total);
}

export function describeFsError(error: unknown, name: string): AppFailure {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new AppFailure(
        'not-found',
        `“${name}” could not be found. It may have been moved or deleted.`,
      );
    case 'EACCES':
    case 'EPERM':
      return new AppFailure(
        'permission-denied',
        `Lectern is not allowed to read “${name}” (permission denied).`,
      );
    case 'EISDIR':
      return new AppFailure(
        'is-folder',
        `“${name}” is a folder. Choose an article file inside it.`,
      );
    case 'ELOOP':
      return new AppFailure('not-a-file', `“${name}” is a link that points back to itself.`);
    default:
      return new AppFailure(
        'internal',
        `“${name}” could not be read (${code ?? 'unknown error'}).`,
      );
  }
}
