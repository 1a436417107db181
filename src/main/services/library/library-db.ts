/**
 * The library's SQLite database: the article list and its FTS5 index in one file under user-data,
 * which is also the cache. A file of another version, another folder or a corrupt one is deleted
 * and rebuilt, never trusted.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

/** Bump whenever the schema or the way text is indexed changes: old caches are then rebuilt. */
export const SCHEMA_VERSION = 6;
export type LibraryDb = Database.Database;

const SCHEMA = `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    rel TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime INTEGER NOT NULL,
    title TEXT NOT NULL,
    source TEXT NOT NULL,
    date TEXT,
    error TEXT
  );
  -- Contentless: the index keeps no copy of the text (the files are the text; search snippets are
  -- read from them), and contentless_delete lets a changed or removed file be dropped by rowid.
  -- Prefix index for 3 letters only: shorter open words match whole (see query-text).
  CREATE VIRTUAL TABLE articles USING fts5(
    title, source, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '3'
  );
`;

/** One database file per library folder, named by a hash of its real path. */
export function libraryDbFile(userDataDir: string, root: string): string {
  const key = createHash('sha256').update(root).digest('hex').slice(0, 20);
  return join(userDataDir, 'library', `${key}.sqlite`);
}

export function removeDbFiles(file: string) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

function configure(db: LibraryDb) {
  // Takes effect only on a new, empty file: larger pages hold the index's long doclists in fewer
  // overflow chains.
  db.pragma('page_size = 16384');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  // A larger page cache keeps common terms' doclists in memory between searches.
  db.pragma('cache_size = -32768');
}

/** Opens the cache for `root`, or a fresh one when the old is missing, outdated or corrupt. */
export function openLibraryDb(file: string, root: string): { db: LibraryDb; rebuilt: boolean } {
  try {
    const db = new Database(file);
    try {
      configure(db);
      if (isValid(db, root)) return { db, rebuilt: false };
    } catch {
      // Not a database, or a damaged one: fall through to a rebuild.
    }
    db.close();
  } catch {
    // The file could not even be opened as SQLite.
  }
  removeDbFiles(file);
  const db = new Database(file);
  configure(db);
  db.exec(SCHEMA);
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('root', root);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
  return { db, rebuilt: true };
}

/**
 * Opens an existing, already validated cache: a worker's own connection. The writer needs little
 * page cache; searches benefit from it.
 */
export function attachLibraryDb(file: string, cacheMb = 8): LibraryDb {
  const db = new Database(file);
  configure(db);
  db.pragma(`cache_size = ${-1024 * cacheMb}`);
  return db;
}

function isValid(db: LibraryDb, root: string): boolean {
  if (db.pragma('user_version', { simple: true }) !== SCHEMA_VERSION) return false;
  const row = db.prepare("SELECT value FROM meta WHERE key = 'root'").get() as
    { value: string } | undefined;
  if (row?.value !== root) return false;
  // Touches both tables' structures, so a damaged header or schema shows up now, not mid-search.
  db.prepare('SELECT count(*) FROM files').get();
  db.prepare('SELECT rowid FROM articles LIMIT 1').get();
  return true;
}
