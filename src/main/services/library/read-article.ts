/**
 * Reads an article file for the library, whole or only its head, never throwing. Synchronous on
 * purpose: it runs in the indexing worker, where blocking is harmless and many small reads are
 * several times faster than through the thread pool.
 */
import { closeSync, readFileSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { AppFailure } from '../../../shared/result';
import { checkSize, describeFsError } from '../article-file';
import { decodeText, showControls, tryStrictUtf8 } from '../decode-text';
import { summariseArticle, type ArticleSummary } from './article-summary';
import { openInLibrary, type FileStamp } from './library-paths';

export type ArticleRead =
  | { stamp: FileStamp; summary: ArticleSummary }
  /** The file cannot be read as an article; `error` says why, for the couldn't-open list. */
  | { stamp: FileStamp; error: string };

export function readArticle(root: string, stamp: FileStamp): ArticleRead {
  if (stamp.refused) return { stamp, error: stamp.refused };
  const name = basename(stamp.rel);
  try {
    const bytes = readBounded(root, stamp.rel);
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
    const bytes = readBounded(root, rel);
    // The file was indexed as text: plain UTF-8 (no BOM, no NUL) needs none of the sniffing.
    const plain = bytes[0] !== 0xef && !bytes.includes(0) ? tryStrictUtf8(bytes) : null;
    return plain !== null ? showControls(plain).text : decodeText(bytes).text;
  } catch {
    return null;
  }
}

/**
 * Reads a library file whole, through the library's one containment check (see library-paths).
 * The size is checked on the open file, not the scan's stamp: the file may have grown since.
 */
function readBounded(root: string, rel: string): Buffer {
  const name = basename(rel);
  const { fd, size } = openInLibrary(root, rel);
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
  if (stamp.refused) return null;
  try {
    const { fd } = openInLibrary(root, stamp.rel);
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
