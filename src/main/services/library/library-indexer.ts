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
import { attachLibraryDb, type LibraryDb } from './library-db';
import { inTransaction } from './sqlite';
import { classifyPath } from './library-paths';
import { scanFolder, type FileStamp } from './library-scan';
import { normaliseText } from './query-text';
import type { ArticleRead } from './read-article';

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
/** Lets messages (Stop, new paths) in between chunks. */
const yieldTurn = () => new Promise((resolve) => setImmediate(resolve));
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
  readonly #upsert;
  readonly #idOf;
  readonly #forgetText;
  readonly #addText;
  readonly #addHead;

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
    this.#upsert = this.#db.prepare(
      `INSERT INTO files (rel, size, mtime, title, source, date, error) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(rel) DO UPDATE SET size = excluded.size, mtime = excluded.mtime,
         title = excluded.title, source = excluded.source, date = excluded.date, error = excluded.error
       RETURNING id`,
    );
    this.#idOf = this.#db.prepare('SELECT id FROM files WHERE rel = ?');
    this.#forgetText = this.#db.prepare('DELETE FROM articles WHERE rowid = ?');
    this.#addText = this.#db.prepare(
      'INSERT INTO articles (rowid, title, source, body) VALUES (?, ?, ?, ?)',
    );
    // mtime -1 marks a listed but not yet indexed file, so an interrupted run re-reads it.
    this.#addHead = this.#db.prepare(
      `INSERT OR IGNORE INTO files (rel, size, mtime, title, source, date, error)
       VALUES (?, ?, -1, ?, ?, ?, NULL)`,
    );
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
    const known = new Map<string, { size: number; mtime: number }>();
    const rows = this.#db.prepare('SELECT rel, size, mtime FROM files').all() as {
      rel: string;
      size: number;
      mtime: number;
    }[];
    for (const row of rows) known.set(row.rel, row);
    const present = new Set(stamps.map((s) => s.rel));
    const gone = rows.filter((row) => !present.has(row.rel)).map((row) => row.rel);
    if (gone.length) {
      this.#remove(gone);
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
      if (path.kind === 'folder')
        toRead.push(...(await scanFolder(this.#root, join(this.#root, rel))));
      else if (path.kind === 'article') toRead.push(path.stamp);
      else if (path.kind === 'refused') {
        // A link out may stand where a folder was: what the list had under it goes.
        gone.push(path.stamp.rel);
        toRead.push(path.stamp);
      } else gone.push(rel);
    }
    if (gone.length) {
      this.#remove(gone);
      this.#emit({ type: 'changed' });
    }
    await this.#readAll(toRead.filter((stamp) => !this.#isCurrent(stamp)));
  }

  #isCurrent(stamp: FileStamp): boolean {
    const row = this.#db.prepare('SELECT size, mtime FROM files WHERE rel = ?').get(stamp.rel) as
      { size: number; mtime: number } | undefined;
    return row?.size === stamp.size && row.mtime === stamp.mtimeMs;
  }

  /** Removes files, and everything under them when they were folders. */
  #remove(rels: string[]) {
    const find = this.#db.prepare(
      "SELECT id FROM files WHERE rel = ? OR substr(rel, 1, length(?) + 1) = ? || '/'",
    );
    const drop = this.#db.prepare('DELETE FROM files WHERE id = ?');
    inTransaction(this.#db, () => {
      for (const rel of rels) {
        for (const { id } of find.all(rel, rel, rel) as { id: number }[]) {
          this.#forget(id);
          drop.run(id);
        }
      }
    });
  }

  /** A big first open lists every title from the files' first kilobytes, then reads them whole. */
  async #listFirst(stamps: FileStamp[]) {
    const fresh = stamps.filter((stamp) => this.#idOf.get(stamp.rel) === undefined);
    const total = fresh.length;
    const chunks: FileStamp[][] = [];
    for (let start = 0; start < total; start += CHUNK)
      chunks.push(fresh.slice(start, start + CHUNK));
    // The next chunk is read (in the reader thread) while this one is written.
    let ahead = chunks.length ? this.#reader.heads(chunks[0]!) : null;
    let done = 0;
    for (let k = 0; k < chunks.length && !this.#cancelled; k++) {
      const chunk = chunks[k]!;
      const heads = await ahead!;
      ahead = k + 1 < chunks.length ? this.#reader.heads(chunks[k + 1]!) : null;
      await yieldTurn();
      if (this.#closing) return;
      inTransaction(this.#db, () => {
        heads.forEach((head, i) => {
          if (head)
            this.#addHead.run(chunk[i]!.rel, chunk[i]!.size, head.title, head.source, head.date);
        });
      });
      done += chunk.length;
      this.#emit({ type: 'progress', progress: { phase: 'listing', done, total, running: true } });
      this.#emit({ type: 'changed' });
    }
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
    const chunks: FileStamp[][] = [];
    for (let start = 0, size = CHUNK; start < total; start += size, size *= 2) {
      size = Math.min(size, INDEX_CHUNK);
      chunks.push(stamps.slice(start, start + size));
    }
    let ahead = this.#reader.whole(chunks[0]!);
    let done = 0;
    for (let k = 0; k < chunks.length && !this.#cancelled; k++) {
      const reads = await ahead;
      if (k + 1 < chunks.length) ahead = this.#reader.whole(chunks[k + 1]!);
      await yieldTurn();
      if (this.#closing) return;
      this.#write(reads);
      done += reads.length;
      progress(done, done < total && !this.#cancelled);
      this.#emit({ type: 'changed' });
    }
    if (this.#cancelled) progress(done, false);
    else if (total > 50) this.#compact();
  }

  /** After a large run: merge index segments (smaller, faster) and fold the WAL back in. */
  #compact() {
    this.#db.prepare("INSERT INTO articles (articles) VALUES ('optimize')").run();
    this.#db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  }

  #write(reads: ArticleRead[]) {
    inTransaction(this.#db, () => {
      for (const read of reads) {
        const { rel, size, mtimeMs } = read.stamp;
        const s = 'summary' in read ? read.summary : null;
        const error = 'error' in read ? read.error : null;
        const existing = this.#idOf.get(rel) as { id: number } | undefined;
        if (existing) this.#forget(existing.id);
        const { id } = this.#upsert.get(
          rel,
          size,
          mtimeMs,
          s?.title ?? '',
          s?.source ?? '',
          s?.date ?? null,
          error,
        ) as { id: number };
        if (s) this.#addText.run(id, normaliseText(s.title), normaliseText(s.source), s.body);
      }
    });
  }

  /** Takes a file's text out of the index, before it changes or goes. */
  #forget(id: number) {
    this.#forgetText.run(id);
  }
}
