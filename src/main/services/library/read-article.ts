/**
 * Reads an article file for the library, whole or only its head, never throwing. Synchronous on
 * purpose: it runs in the indexing worker, where blocking is harmless and many small reads are
 * several times faster than through the thread pool.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AppFailure } from '../../../shared/result';
import { checkRegularFile, checkSize, describeFsError } from '../article-file';
import { decodeText, tryStrictUtf8 } from '../decode-text';
import { summariseArticle, type ArticleSummary } from './article-summary';
import type { FileStamp } from './library-scan';

export type ArticleRead =
  | { stamp: FileStamp; summary: ArticleSummary }
  /** The file cannot be read as an article; `error` says why, for the couldn't-open list. */
  | { stamp: FileStamp; error: string };

export function readArticle(root: string, stamp: FileStamp): ArticleRead {
  const name = basename(stamp.rel);
  try {
    const bytes = readBounded(join(root, stamp.rel), name);
    const { text } = decodeText(bytes);
    if (text.trim() === '') throw new AppFailure('empty', 'The file holds only blank space.');
    return { stamp, summary: summariseArticle(text, name) };
  } catch (error) {
    const reason = error instanceof AppFailure ? error.message : 'The file could not be read.';
    return { stamp, error: reason };
  }
}

/** An article's decoded text, or null when it cannot be read (a search snippet is then left out). */
export function readArticleText(root: string, rel: string): string | null {
  try {
    const bytes = readBounded(join(root, rel), basename(rel));
    // The file was indexed as text: plain UTF-8 (no BOM, no NUL) needs none of the sniffing.
    const plain = bytes[0] !== 0xef && !bytes.includes(0) ? tryStrictUtf8(bytes) : null;
    return plain ?? decodeText(bytes).text;
  } catch {
    return null;
  }
}

/** The size is checked on the open file, not the scan's stamp: the file may have grown since. */
/**
 * Opens a regular file, or throws why not. Non-blocking, and checked on the open descriptor: a pipe
 * swapped in for a scanned or indexed file must not hang the indexer or a search.
 */
function openRegular(path: string, name: string): { fd: number; size: number } {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw describeFsError(error, name);
  }
  try {
    const info = fstatSync(fd);
    checkRegularFile(info, name);
    return { fd, size: info.size };
  } catch (error) {
    closeSync(fd);
    throw error instanceof AppFailure ? error : describeFsError(error, name);
  }
}

function readBounded(path: string, name: string): Buffer {
  const { fd, size } = openRegular(path, name);
  try {
    checkSize(size, name);
    return readFileSync(fd);
  } catch (error) {
    throw error instanceof AppFailure ? error : describeFsError(error, name);
  } finally {
    closeSync(fd);
  }
}

const HEAD_BYTES = 4096;
const NEWLINE = 0x0a;

/** Only the first few kilobytes: enough for the title, source and date. */
export function readHead(root: string, stamp: FileStamp): ArticleSummary | null {
  try {
    const { fd } = openRegular(join(root, stamp.rel), basename(stamp.rel));
    try {
      const buffer = Buffer.alloc(HEAD_BYTES);
      const bytesRead = readSync(fd, buffer, 0, HEAD_BYTES, 0);
      // Cut at the last line break so no multi-byte character is split.
      const end = bytesRead < HEAD_BYTES ? bytesRead : buffer.lastIndexOf(NEWLINE, bytesRead - 1);
      return summariseArticle(
        decodeText(buffer.subarray(0, Math.max(end, 0))).text,
        basename(stamp.rel),
        true,
      );
    } finally {
      closeSync(fd);
    }
  } catch {
    // Anything wrong is found and explained by the full read that follows.
    return null;
  }
}
