import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  libraryDbFile,
  NO_FTS5_MESSAGE,
  SCHEMA_VERSION,
} from '../../../../src/main/services/library/library-db';
import { LibraryService } from '../../../../src/main/services/library/library-service';
import { openSqlite, type OpenSqlite } from '../../../../src/main/services/library/sqlite';
import { loadArticleFile } from '../../../../src/main/services/article-file';
import { createLibraryHandlers } from '../../../../src/main/services/library/library-handlers';
import { PathGrants } from '../../../../src/main/services/path-grants';
import { dispatch } from '../../../../src/main/services/dispatch';
import type { Handlers } from '../../../../src/shared/ipc';

let folder: string;
let userData: string;
let service: LibraryService | undefined;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'lectern-db-'));
  userData = mkdtempSync(join(tmpdir(), 'lectern-db-data-'));
  writeFileSync(
    join(folder, '001_aaaaaaaaaaaaaaaa.txt'),
    '# Grain deal extended\n\nBy [Wire](#)\n\nJune 8, 2025\n\nShips left Odesa at dawn.\n',
  );
});

afterEach(async () => {
  await service?.close();
  service = undefined;
  rmSync(folder, { recursive: true, force: true });
  rmSync(userData, { recursive: true, force: true });
});

/** Writes a cache the way an earlier Lectern did: schema 5 kept its own copy of the text. */
function writeOldCache(root: string, version: number) {
  const file = libraryDbFile(userData, root);
  mkdirSync(join(userData, 'library'), { recursive: true });
  const db = new DatabaseSync(file);
  db.exec(`
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE files (id INTEGER PRIMARY KEY, rel TEXT, size INTEGER, mtime INTEGER,
      title TEXT, source TEXT, date TEXT, error TEXT);
    CREATE VIRTUAL TABLE articles USING fts5(title, source, body);
    INSERT INTO files VALUES (1, 'gone.txt', 1, 1, 'A stale title', 'Old', NULL, NULL);
    INSERT INTO articles (rowid, title, source, body) VALUES (1, 'A stale title', 'Old', 'stale');
  `);
  db.prepare('INSERT INTO meta VALUES (?, ?)').run('root', root);
  db.exec(`PRAGMA user_version = ${version}`);
  db.close();
  return file;
}

describe('the library cache', () => {
  it.each([
    ['an older schema', SCHEMA_VERSION - 1],
    ['this version number with another layout', SCHEMA_VERSION],
  ])('rebuilds a cache of %s instead of trusting it', async (_name, version) => {
    const file = writeOldCache(realpathSync(folder), version);
    service = new LibraryService({ userDataDir: userData, emit: () => undefined });
    const snapshot = await service.open(folder);
    await service.whenIdle();
    expect(snapshot.entries.map((e) => e.title)).not.toContain('A stale title');
    expect(service.snapshot().entries.map((e) => e.title)).toEqual(['Grain deal extended']);
    expect((await service.search('stale')).hits).toEqual([]);
    expect((await service.search('odesa')).hits.map((hit) => hit.entry.title)).toEqual([
      'Grain deal extended',
    ]);
    await service.close();
    const db = new DatabaseSync(file, { readOnly: true });
    expect(db.prepare('PRAGMA user_version').get()).toEqual({ user_version: SCHEMA_VERSION });
    db.close();
  });
});

/**
 * A SQLite built without FTS5, played at the seam where connections are opened: the module is
 * absent from pragma_module_list and creating an fts5 table fails as SQLite fails it.
 */
const withoutFts5: OpenSqlite = (file) => {
  const db = openSqlite(file);
  const prepare = db.prepare.bind(db);
  const exec = db.exec.bind(db);
  const refuse = (sql: string) => {
    if (/using\s+fts5/i.test(sql)) throw new Error('no such module: fts5');
  };
  return Object.assign(db, {
    prepare: (sql: string) => {
      refuse(sql);
      return prepare(sql.replace(/name = 'fts5'/, "name = 'fts5' AND 0"));
    },
    exec: (sql: string) => {
      refuse(sql);
      exec(sql);
    },
  });
};

describe('a SQLite without FTS5', () => {
  it('refuses to open a library with one clear line, and articles still open', async () => {
    service = new LibraryService({
      userDataDir: userData,
      emit: () => undefined,
      openSqlite: withoutFts5,
    });
    const grants = new PathGrants();
    grants.grant(folder);
    const handlers = createLibraryHandlers({ library: service, grants, startupPath: null });
    const answer = await dispatch(handlers as unknown as Handlers, 'library.openPath', [folder]);
    expect(answer).toEqual({ ok: false, error: { code: 'unavailable', message: NO_FTS5_MESSAGE } });
    expect(NO_FTS5_MESSAGE).not.toContain('\n');
    expect(service.root).toBeNull();
    const article = await loadArticleFile(join(folder, '001_aaaaaaaaaaaaaaaa.txt'));
    expect(article.title).toBe('Grain deal extended');
  });
});
