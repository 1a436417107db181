/**
 * The one place the library touches SQLite: Node's built-in `node:sqlite`, which Node 24 and
 * Electron both carry, so there is no native module to build for either runtime.
 */
import { DatabaseSync, type SQLOutputValue } from 'node:sqlite';

export type LibraryDb = DatabaseSync;
/** How a connection is opened; tests hand in another to play a SQLite built without FTS5. */
export type OpenSqlite = (file: string) => LibraryDb;

/** Waits up to 5 s for another connection's write lock instead of failing at once. */
export const openSqlite: OpenSqlite = (file) => new DatabaseSync(file, { timeout: 5000 });

/** Runs `work` in one transaction: all of it lands, or (on a throw) none of it. */
export function inTransaction<T>(db: LibraryDb, work: () => T): T {
  db.exec('BEGIN');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/** A pragma's single value, such as `user_version`. */
export function pragmaValue(db: LibraryDb, name: string): unknown {
  const row = db.prepare(`PRAGMA ${name}`).get();
  return row ? Object.values(row)[0] : undefined;
}

/** True when this SQLite was built with the FTS5 full-text module the library's index needs. */
export function hasFts5(db: LibraryDb): boolean {
  return db.prepare("SELECT 1 FROM pragma_module_list WHERE name = 'fts5'").get() !== undefined;
}

/** node:sqlite types a row as a record of SQL values; the query's own columns say what it holds. */
export const rowsAs = <T>(rows: Record<string, SQLOutputValue>[]): T[] => rows as unknown as T[];
