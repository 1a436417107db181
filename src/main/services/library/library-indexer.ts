/**
 * Keeps the library's database in step with its folder: a full sync on open, then the paths the
 * watcher reports. Runs in a worker thread in the app (plain Node here), in chunks it can stop
 * between, reporting progress. The watcher lives here too: setting up a recursive watch walks
 * the whole tree synchronously, which must not happen on the main thread.
 */
import { join } from 'node:path';
import type { LibraryProgress } from '../../../shared/library';
import { watchFolder } from './folder-watcher';
import { inlineReader, workerReader, type ArticleReader } from './article-reader';
import { IndexWriter } from './index-writer';
import { attachLibraryDb, type LibraryDb } from './library-db';
import { classifyPath } from './library-paths';
import { scanFolder, type FileStamp } from './library-scan';
import { chunked, readAhead } from './read-ahead';

export type IndexerJob = { type: 'sync' } | { type: 'paths'; rels: string[] } | { type: 'cancel' };
export type IndexerMessage =
  | { type: 'progress'; progress: LibraryProgress }
  | { type: 'changed' }
  | { type: 'idle' }
  | { type: 'error'; message: string };

const CHUNK = 200;
/**
 * Whole reads are written in transactions growing from CHUNK to this: bigger ones make fewer,
 * larger FTS5 segments to merge, while Stop still takes effect early in a run.
 */
const INDEX_CHUNK = 1000;
/** From this many new files on, titles are listed from file headers before the full read. */
const LIST_FIRST_FROM = 1000;

export class LibraryIndexer {
  readonly #db: LibraryDb;
  readonly #root: string;
  readonly #emit: (message: IndexerMessage) => void;
  readonly #jobs: IndexerJob[] = [];
  #running = false;
  #cancelled = false;
  #closing = false;
  readonly #stopWatching: () => void;
  readonly #readerFile: string | undefined;
  #reader: ArticleReader;
  readonly #writer: IndexWriter;

  constructor(
    dbFile: string,
    root: string,
    emit: (message: IndexerMessage) => void,
    options: { readerFile?: string } = {},
  ) {
    this.#db = attachLibraryDb(dbFile);
    this.#root = root;
    this.#readerFile = options.readerFile;
    this.#reader = inlineReader(root);
    this.#emit = emit;
    this.#stopWatching = watchFolder(root, (rels) => this.post({ type: 'paths', rels }));
    this.#writer = new IndexWriter(this.#db);
  }

  post(job: IndexerJob) {
    if (job.type === 'cancel') {
      this.#cancelled = true;
      this.#jobs.length = 0;
      return;
    }
    this.#jobs.push(job);
    if (!this.#running) void this.#drain();
  }

  close() {
    this.#stopWatching();
    this.#reader.close();
    this.#closing = true;
    this.#cancelled = true;
    this.#jobs.length = 0;
    if (!this.#running) this.#db.close();
  }

  async #drain() {
    this.#running = true;
    while (this.#jobs.length) {
      const job = this.#jobs.shift()!;
      this.#cancelled = false;
      try {
        if (job.type === 'sync') await this.#sync();
        else if (job.type === 'paths') await this.#update(job.rels);
      } catch (error) {
        this.#emit({ type: 'error', message: String(error) });
      }
    }
    this.#running = false;
    if (this.#closing) this.#db.close();
    else this.#emit({ type: 'idle' });
  }

  /** Reads only files that are new or whose size or modification time changed since the cache. */
  async #sync() {
    const stamps = await scanFolder(this.#root);
    const known = this.#writer.known();
    const present = new Set(stamps.map((s) => s.rel));
    const gone = [...known.keys()].filter((rel) => !present.has(rel));
    if (gone.length) {
      this.#writer.remove(gone);
      this.#emit({ type: 'changed' });
    }
    const changed = stamps.filter((s) => {
      const old = known.get(s.rel);
      return !old || old.size !== s.size || old.mtime !== s.mtimeMs;
    });
    await this.#readAll(changed);
  }

  /**
   * A path the watcher saw: a file added, changed or gone, or a whole folder moved in or out.
   * Each goes through the library's one path check: the watcher also reports paths behind links.
   */
  async #update(rels: string[]) {
    const toRead: FileStamp[] = [];
    const gone: string[] = [];
    for (const rel of new Set(rels)) {
      const path = classifyPath(this.#root, rel);
      if (path.kind === 'folder') {
        // A folder listed as not allowed may be open now: its row goes, and what it holds comes.
        if (this.#writer.isListed(rel)) gone.push(rel);
        toRead.push(...(await scanFolder(this.#root, join(this.#root, rel))));
      } else if (path.kind === 'article') toRead.push(path.stamp);
      else if (path.kind === 'refused') {
        // A link out may stand where a folder was: what the list had under it goes.
        gone.push(path.stamp.rel);
        toRead.push(path.stamp);
      } else gone.push(rel);
    }
    if (gone.length) {
      this.#writer.remove(gone);
      this.#emit({ type: 'changed' });
    }
    await this.#readAll(toRead.filter((stamp) => !this.#writer.isCurrent(stamp)));
  }

  async #readAll(stamps: FileStamp[]) {
    const total = stamps.length;
    if (total === 0) return;
    // A reader thread for big runs only, ended after them so its memory goes back.
    if (total > INDEX_CHUNK && this.#readerFile) {
      this.#reader = workerReader(this.#readerFile, this.#root);
      try {
        await this.#readAllWith(stamps);
      } finally {
        this.#reader.close();
        this.#reader = inlineReader(this.#root);
      }
    } else await this.#readAllWith(stamps);
  }

  async #readAllWith(stamps: FileStamp[]) {
    const total = stamps.length;
    if (total >= LIST_FIRST_FROM) await this.#listFirst(stamps);
    const progress = (done: number, running: boolean) =>
      this.#emit({ type: 'progress', progress: { phase: 'indexing', done, total, running } });
    progress(0, true);
    let done = 0;
    await readAhead({
      ...this.#stops(),
      chunks: chunked(stamps, CHUNK, INDEX_CHUNK),
      read: (chunk) => this.#reader.whole(chunk),
      write: (_, reads) => {
        this.#writer.writeReads(reads);
        done += reads.length;
        progress(done, done < total && !this.#cancelled);
        this.#emit({ type: 'changed' });
      },
    });
    if (this.#closing) return;
    if (this.#cancelled) progress(done, false);
    else if (total > 50) this.#writer.compact();
  }

  /** A big first open lists every title from the files' first kilobytes, then reads them whole. */
  async #listFirst(stamps: FileStamp[]) {
    const fresh = stamps.filter((stamp) => !this.#writer.isListed(stamp.rel));
    const total = fresh.length;
    let done = 0;
    await readAhead({
      ...this.#stops(),
      chunks: chunked(fresh, CHUNK),
      read: (chunk) => this.#reader.heads(chunk),
      write: (chunk, heads) => {
        this.#writer.writeHeads(chunk, heads);
        done += chunk.length;
        this.#emit({
          type: 'progress',
          progress: { phase: 'listing', done, total, running: true },
        });
        this.#emit({ type: 'changed' });
      },
    });
  }

  #stops() {
    return { cancelled: () => this.#cancelled, closing: () => this.#closing };
  }
}
