/**
 * The indexer's one loop over a run of files: chunk k + 1 is read (in the reader thread, when
 * there is one) while chunk k is written, with a turn of the event loop in between so Stop and
 * new paths get in. Listing headers and indexing whole files both run through it.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { FileStamp } from './library-scan';

export interface ReadAheadRun<T> {
  chunks: FileStamp[][];
  read(chunk: FileStamp[]): Promise<T[]>;
  write(chunk: FileStamp[], reads: T[]): void;
  /** Checked before each chunk: Stop ends the run between chunks. */
  cancelled(): boolean;
  /** Checked before each write: a closing indexer writes nothing more. */
  closing(): boolean;
}

export async function readAhead<T>(run: ReadAheadRun<T>): Promise<void> {
  const { chunks } = run;
  let ahead = chunks.length ? run.read(chunks[0]!) : null;
  for (let k = 0; k < chunks.length && !run.cancelled(); k++) {
    const reads = await ahead!;
    ahead = k + 1 < chunks.length ? run.read(chunks[k + 1]!) : null;
    await nextTurn();
    if (run.closing()) return;
    run.write(chunks[k]!, reads);
  }
}

/** `stamps` in chunks of `first` files, each twice the last, up to `largest`. */
export function chunked(stamps: FileStamp[], first: number, largest = first): FileStamp[][] {
  const chunks: FileStamp[][] = [];
  for (let start = 0, size = first; start < stamps.length; start += size, size *= 2) {
    size = Math.min(size, largest);
    chunks.push(stamps.slice(start, start + size));
  }
  return chunks;
}
