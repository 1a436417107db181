/**
 * The library's SQLite database: the article list and its FTS5 index in one file under user-data,
 * which is also the cache. A file of another version, another folder or a corrupt one is deleted
 * and rebuilt, never trusted.
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppFailure } from '../../../shared/result';
import { hasFts5, openSqlite, pragmaValue, type LibraryDb, type OpenSqlite } from './sqlite';

/** Bump whenever the schema or the way text is indexed changes: old caches are then rebuilt. */
export const SCHEMA_VERSION = 9;
export type { LibraryDb };

/** The one line the window shows when this runtime's SQLite cannot index; articles still open. */
export const NO_FTS5_MESSAGE =
  'Folders cannot be opened as a library here: this SQLite has no full-text search (FTS5). Single articles still open.';

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
  -- Prefix index for 3 letters only: shorter open words match whole (see shared/library-query).
  -- Text arrives folded (shared/text-fold): the tokenizer only splits it into words.
  CREATE VIRTUAL TABLE articles USING fts5(
    title, source, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '3'
  );
  -- What the background analysis learnt from each file after it was indexed (library-analysis):
  -- the key its reading position and highlights are stored under, its original address (and the
  -- same address normalised: copies share it), a hash of its body (copies share that too), and
  -- whether its names were found. 'mtime' is the files.mtime it was read at; another means it is
  -- read again.
  CREATE TABLE facts (
    file INTEGER PRIMARY KEY,
    mtime INTEGER NOT NULL,
    key TEXT,
    url TEXT,
    same_url TEXT,
    body TEXT,
    named INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX facts_by_key ON facts (key);
  CREATE INDEX facts_by_url ON facts (same_url) WHERE same_url IS NOT NULL;
  CREATE INDEX facts_by_body ON facts (body) WHERE body IS NOT NULL;
  -- People, places and organisations across the library, with how many articles name each (kept
  -- by the triggers below) and how many read it as each kind. A name is one per folded spelling, as
  -- search reads it ("Che" and "Ché" are one), shown as it was first found.
  CREATE TABLE names (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    folded TEXT NOT NULL UNIQUE,
    articles INTEGER NOT NULL DEFAULT 0,
    person INTEGER NOT NULL DEFAULT 0,
    place INTEGER NOT NULL DEFAULT 0,
    organization INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX names_by_articles ON names (articles DESC, name);
  CREATE TABLE mentions (
    name INTEGER NOT NULL,
    file INTEGER NOT NULL,
    kind TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (name, file)
  ) WITHOUT ROWID;
  CREATE INDEX mentions_by_file ON mentions (file);
  CREATE TRIGGER mention_added AFTER INSERT ON mentions BEGIN
    UPDATE names SET articles = articles + 1, person = person + (new.kind = 'person'),
      place = place + (new.kind = 'place'), organization = organization + (new.kind = 'organization')
    WHERE id = new.name;
  END;
  CREATE TRIGGER mention_removed AFTER DELETE ON mentions BEGIN
    UPDATE names SET articles = articles - 1, person = person - (old.kind = 'person'),
      place = place - (old.kind = 'place'), organization = organization - (old.kind = 'organization')
    WHERE id = old.name;
  END;
  -- A file that goes takes what was learnt from it along (the indexer knows nothing of these).
  CREATE TRIGGER file_removed AFTER DELETE ON files BEGIN
    DELETE FROM facts WHERE file = old.id;
    DELETE FROM mentions WHERE file = old.id;
  END;
`;

/** One database file per library folder, named by a hash of its real path. */
export function libraryDbFile(userDataDir: string, root: string): string {
  const key = createHash('sha256').update(root).digest('hex').slice(0, 20);
  return join(userDataDir, 'library', `${key}.sqlite`);
}

export function removeDbFiles(file: string) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

function configure(db: LibraryDb, cacheMb = 32) {
  // page_size takes effect only on a new, empty file: larger pages hold the index's long doclists
  // in fewer overflow chains. A larger page cache keeps common terms' doclists in memory between
  // searches.
  db.exec(`PRAGMA page_size = 16384; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
    PRAGMA cache_size = ${-1024 * cacheMb};`);
}

/**
 * Opens the cache for `root`, or a fresh one when the old is missing, outdated or corrupt. Throws
 * an AppFailure with NO_FTS5_MESSAGE when this SQLite cannot index at all.
 */
export function openLibraryDb(
  file: string,
  root: string,
  open: OpenSqlite = openSqlite,
): { db: LibraryDb; rebuilt: boolean } {
  try {
    const db = open(file);
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
  const db = open(file);
  try {
    if (!hasFts5(db)) throw new AppFailure('unavailable', NO_FTS5_MESSAGE);
    configure(db);
    db.exec(SCHEMA);
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('root', root);
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
  } catch (error) {
    db.close();
    removeDbFiles(file);
    throw error;
  }
  return { db, rebuilt: true };
}

/**
 * Opens an existing, already validated cache: a worker's own connection. The writer needs little
 * page cache; searches benefit from it.
 */
export function attachLibraryDb(file: string, cacheMb = 8): LibraryDb {
  const db = openSqlite(file);
  configure(db, cacheMb);
  return db;
}

/** The definitions of the tables, indexes and triggers as SQLite stored them, in one string. */
function storedSchema(db: LibraryDb): unknown {
  return db
    .prepare(
      `SELECT group_concat(sql, ';') AS sql FROM (SELECT sql FROM sqlite_schema
       WHERE sql IS NOT NULL AND name NOT LIKE 'articles_%' ORDER BY name)`,
    )
    .get()?.sql;
}
/** storedSchema of SCHEMA itself, read once from a scratch in-memory database. */
let expectedSchema: unknown;

function isValid(db: LibraryDb, root: string): boolean {
  if (pragmaValue(db, 'user_version') !== SCHEMA_VERSION) return false;
  const row = db.prepare("SELECT value FROM meta WHERE key = 'root'").get();
  if (row?.value !== root) return false;
  // The same version number over another layout (a build in between, a hand edit) is not trusted.
  if (expectedSchema === undefined) {
    const scratch = openSqlite(':memory:');
    scratch.exec(SCHEMA);
    expectedSchema = storedSchema(scratch);
    scratch.close();
  }
  if (storedSchema(db) !== expectedSchema) return false;
  // Touches both tables' structures, so a damaged header or schema shows up now, not mid-search.
  db.prepare('SELECT count(*) FROM files').get();
  db.prepare('SELECT rowid FROM articles LIMIT 1').get();
  return true;
}
