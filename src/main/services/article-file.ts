/** Opens an article from disk or from handed-over bytes, refusing what is not a readable text file. */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Article, SourceFile } from '../../shared/article';
import { MAX_ARTICLE_BYTES, tooLargeMessage } from '../../shared/article';
import { AppFailure } from '../../shared/result';
import { parseArticle } from './article-parser';
import {
  decodeText,
  decodeUtf8Start,
  type DecodedText,
  refuseBinary,
  SNIFF_BYTES,
} from './decode-text';
import { TooManyBlocks } from './markdown-blocks';

/**
 * Read in large steps, into the buffer sized for the file: each step is a trip to the thread pool,
 * and a 20 MB file read 1 MB at a time took 20–45 ms against 4–6 ms in two steps.
 */
const READ_CHUNK = 16 * 1024 * 1024;
/**
 * More lines than this is not an article, and is refused before parsing: the parser keeps a few
 * numbers per line, so 20 MB of one-letter lines would cost it gigabytes.
 */
export const MAX_LINES = 1_000_000;
const ARTICLE_ID = /^\d+_([0-9a-f]{16})\.[a-z0-9]+$/i;

export function articleIdFromName(name: string): string | null {
  return ARTICLE_ID.exec(name)?.[1]?.toLowerCase() ?? null;
}

/** Where an article's bytes came from: a file's name, and its path and date when it has them. */
export interface ArticleFile {
  name: string;
  path: string | null;
  modified: string | null;
}

/** A file's bytes as read, with what is known about the file. */
export interface ArticleBytes {
  bytes: Uint8Array;
  file: ArticleFile;
}

/** An article's text, decoded and checked, with what is known about its file. */
export interface DecodedArticle {
  text: string;
  source: SourceFile;
}

/** Opens a file for reading without blocking: a pipe must not hang the open itself. */
const openPlain = (path: string) => open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));

export async function loadArticleFile(
  path: string,
  openFile: (path: string) => Promise<FileHandle> = openPlain,
): Promise<Article> {
  const { bytes, file } = await readArticleFile(path, openFile);
  return articleFromBytes(bytes, file);
}

/**
 * A file's bytes, read only if it is a regular file within the size limit. `openFile` lets the
 * library open through its own containment check; what is checked and read afterwards is the open
 * descriptor, so nothing can be swapped in between.
 */
export async function readArticleFile(
  path: string,
  openFile: (path: string) => Promise<FileHandle> = openPlain,
): Promise<ArticleBytes> {
  const name = basename(path);
  const handle = await openFile(path).catch((error: unknown) => {
    throw error instanceof AppFailure ? error : describeFsError(error, name);
  });
  try {
    const info = await handle.stat();
    checkRegularFile(info, name);
    checkSize(info.size, name);
    const bytes = await readAtMost(handle, MAX_ARTICLE_BYTES + 1, info.size, name);
    // The file may have grown between stat and read; the byte count we hold is what counts.
    checkSize(bytes.byteLength, name);
    return { bytes, file: { name, path, modified: info.mtime.toISOString() } };
  } catch (error) {
    throw error instanceof AppFailure ? error : describeFsError(error, name);
  } finally {
    await handle.close();
  }
}

export function articleFromBytes(bytes: Uint8Array, file: ArticleFile): Article {
  const { text, source } = decodeArticle(bytes, file);
  return parseDecoded(text, source);
}

/** Decodes and checks the bytes: not too large, not blank, not more lines than an article has. */
export function decodeArticle(bytes: Uint8Array, file: ArticleFile): DecodedArticle {
  checkSize(bytes.byteLength, file.name);
  const decoded = decodeText(bytes, `“${file.name}”`);
  if (decoded.text.trim() === '') {
    throw new AppFailure(
      'empty',
      `“${file.name}” holds only blank space: there is nothing to read.`,
    );
  }
  checkLines(decoded.text, file.name);
  return { text: decoded.text, source: sourceFile(bytes, file, decoded) };
}

/**
 * The start of a long text (`most` bytes or so), when decoding it alone gives what decoding the
 * whole would start with (`decodeUtf8Start`), with the checks of the whole that can refuse it
 * made on its bytes: the head is then answered without decoding megabytes first. The start has no
 * control characters; the details, of the whole text, count any further on. Null otherwise.
 */
export function decodeArticleStart(
  bytes: Uint8Array,
  file: ArticleFile,
  most: number,
): DecodedArticle | null {
  checkSize(bytes.byteLength, file.name);
  refuseBinary(bytes.subarray(0, SNIFF_BYTES), `“${file.name}”`);
  const decoded = decodeUtf8Start(bytes, most);
  if (!decoded || decoded.start.trim() === '') return null;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  checkLines(buffer, file.name);
  const source = sourceFile(bytes, file, {
    encoding: 'utf-8',
    bom: decoded.bom,
    lineEndings: buffer.includes(10) ? 'LF' : 'none',
    replacedBytes: 0,
    controlCharacters: 0,
  });
  return { text: decoded.start, source };
}

function sourceFile(
  bytes: Uint8Array,
  file: ArticleFile,
  decoded: Omit<DecodedText, 'text'>,
): SourceFile {
  return {
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
  };
}

/** Parses decoded text (or the head of it); too many blocks is refused with the file's name. */
export function parseDecoded(text: string, source: SourceFile): Article {
  try {
    return parseArticle(text, source);
  } catch (error) {
    if (!(error instanceof TooManyBlocks)) throw error;
    throw new AppFailure(
      'too-large',
      `“${source.name}” has ${error.message}: too many to be an article.`,
    );
  }
}

/** Counted in the text, or in its bytes (UTF-8 without carriage returns: a line feed is a byte). */
function checkLines(text: string | Buffer, name: string) {
  // indexOf jumps from line to line: a tenth of the time of looking at every character of 20 MB.
  const next =
    typeof text === 'string'
      ? (from: number) => text.indexOf('\n', from)
      : (from: number) => text.indexOf(10, from);
  let lines = 1;
  let at = next(0);
  for (; at !== -1 && lines <= MAX_LINES; at = next(at + 1)) lines++;
  if (lines <= MAX_LINES) return;
  // Too many: the rest are counted for the message, a character at a time (quicker when dense).
  const code =
    typeof text === 'string' ? (i: number) => text.charCodeAt(i) : (i: number) => text[i];
  for (let i = at; i !== -1 && i < text.length; i++) if (code(i) === 10) lines++;
  throw new AppFailure(
    'too-large',
    `“${name}” has ${groupDigits(lines)} lines, too many to be an article (the limit is ${groupDigits(MAX_LINES)}).`,
  );
}

/** 1 000 000, grouped as the window writes counts (a narrow no-break space). */
export const groupDigits = (value: number) =>
  new Intl.NumberFormat('en-GB').format(value).replace(/,/g, '\u202f');

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

/**
 * Reads no more than `limit` bytes, so a file that grows or lies about its size cannot exhaust
 * memory. The bytes go straight into one buffer of the size the file had (and a byte more, to see
 * it grow): 20 MB read in chunks and joined was twice the memory and a copy, and the collections
 * that came with it.
 */
async function readAtMost(
  handle: FileHandle,
  limit: number,
  expected: number,
  name: string,
): Promise<Uint8Array> {
  let buffer = Buffer.allocUnsafe(Math.min(limit, expected + 1));
  let total = 0;
  while (total < limit) {
    if (total === buffer.length) buffer = Buffer.concat([buffer], Math.min(limit, total * 2));
    const want = Math.min(total === 0 ? SNIFF_BYTES : READ_CHUNK, buffer.length - total);
    const { bytesRead } = await handle.read(buffer, total, want, total);
    if (bytesRead === 0) break;
    // A binary file is refused from its first bytes, however large it is.
    if (total === 0) refuseBinary(buffer.subarray(0, bytesRead), `“${name}”`);
    total += bytesRead;
  }
  return buffer.subarray(0, total);
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
