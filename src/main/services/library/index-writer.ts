/**
 * The indexer's writes to the library database: the list (files) and the full-text index
 * (articles), each chunk in one transaction. Titles and bylines are indexed folded as find folds
 * them (the summary folds the body), so the tokenizer sees the same characters find compares.
 */
import { foldString } from '../../../shared/text-fold';
import type { ArticleSummary } from './article-summary';
import type { LibraryDb } from './library-db';
import type { FileStamp } from './library-scan';
import type { ArticleRead } from './read-article';
import { inTransaction } from './sqlite';

export class IndexWriter {
  readonly #db: LibraryDb;
  readonly #upsert;
  readonly #idOf;
  readonly #current;
  readonly #forgetText;
  readonly #addText;
  readonly #addHead;

  constructor(db: LibraryDb) {
    this.#db = db;
    this.#upsert = db.prepare(
      `INSERT INTO files (rel, size, mtime, title, source, date, error) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(rel) DO UPDATE SET size = excluded.size, mtime = excluded.mtime,
         title = excluded.title, source = excluded.source, date = excluded.date, error = excluded.error
       RETURNING id`,
    );
    this.#idOf = db.prepare('SELECT id FROM files WHERE rel = ?');
    this.#current = db.prepare('SELECT size, mtime FROM files WHERE rel = ?');
    this.#forgetText = db.prepare('DELETE FROM articles WHERE rowid = ?');
    this.#addText = db.prepare(
      'INSERT INTO articles (rowid, title, source, body) VALUES (?, ?, ?, ?)',
    );
    // mtime -1 marks a listed but not yet indexed file, so an interrupted run re-reads it.
    this.#addHead = db.prepare(
      `INSERT OR IGNORE INTO files (rel, size, mtime, title, source, date, error)
       VALUES (?, ?, -1, ?, ?, ?, NULL)`,
    );
  }

  /** The size and modification time each listed file had when it was read. */
  known(): Map<string, { size: number; mtime: number }> {
    const rows = this.#db.prepare('SELECT rel, size, mtime FROM files').all() as {
      rel: string;
      size: number;
      mtime: number;
    }[];
    return new Map(rows.map((row) => [row.rel, row]));
  }

  isListed(rel: string): boolean {
    return this.#idOf.get(rel) !== undefined;
  }

  isCurrent(stamp: FileStamp): boolean {
    const row = this.#current.get(stamp.rel) as { size: number; mtime: number } | undefined;
    return row?.size === stamp.size && row.mtime === stamp.mtimeMs;
  }

  /** Removes files, and everything under them when they were folders. */
  remove(rels: string[]) {
    const find = this.#db.prepare(
      "SELECT id FROM files WHERE rel = ? OR substr(rel, 1, length(?) + 1) = ? || '/'",
    );
    const drop = this.#db.prepare('DELETE FROM files WHERE id = ?');
    inTransaction(this.#db, () => {
      for (const rel of rels) {
        for (const { id } of find.all(rel, rel, rel) as { id: number }[]) {
          this.#forgetText.run(id);
          drop.run(id);
        }
      }
    });
  }

  /** Lists files from their headers alone, before they are read whole. */
  writeHeads(chunk: FileStamp[], heads: (ArticleSummary | null)[]) {
    inTransaction(this.#db, () => {
      heads.forEach((head, i) => {
        if (head)
          this.#addHead.run(chunk[i]!.rel, chunk[i]!.size, head.title, head.source, head.date);
      });
    });
  }

  writeReads(reads: ArticleRead[]) {
    inTransaction(this.#db, () => {
      for (const read of reads) {
        const { rel, size, mtimeMs } = read.stamp;
        const s = 'summary' in read ? read.summary : null;
        const error = 'error' in read ? read.error : null;
        const existing = this.#idOf.get(rel) as { id: number } | undefined;
        // The old text leaves the index before the file's row changes.
        if (existing) this.#forgetText.run(existing.id);
        const { id } = this.#upsert.get(
          rel,
          size,
          mtimeMs,
          s?.title ?? '',
          s?.source ?? '',
          s?.date ?? null,
          error,
        ) as { id: number };
        if (s) this.#addText.run(id, foldString(s.title), s.bylines, s.body);
      }
    });
  }

  /** After a large run: merge index segments (smaller, faster) and fold the WAL back in. */
  compact() {
    this.#db.prepare("INSERT INTO articles (articles) VALUES ('optimize')").run();
    this.#db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  }
}
