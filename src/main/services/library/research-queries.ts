/**
 * Read-side queries on what the background analysis learnt: copies, article keys, and the names
 * across the library. Only facts read at a file's current modification time count.
 */
import { basename, join } from 'node:path';
import type { EntityKind } from '../../../shared/article-details';
import { foldQuery } from '../../../shared/find-normalise';
import type { NameCount } from '../../../shared/library-research';
import { articleIdFromName } from '../article-file';
import type { LibraryDb } from './library-db';
import { rowsAs } from './sqlite';

/** Facts of files as they are now, joined to the list's own columns. */
const CURRENT = `facts a JOIN files f ON f.id = a.file AND f.mtime = a.mtime AND f.error IS NULL`;

export interface KeyedEntry {
  id: number;
  key: string;
  path: string;
  title: string;
  source: string;
  date: string | null;
  url: string | null;
}

export class ResearchQueries {
  readonly #root: string;
  readonly #sql;
  /** Copies change only when files or their facts do (see invalidate). */
  #copies: number[][] | null = null;
  /** Entries by the article id in their file name, for keys the analysis has not reached yet. */
  #byNameId: Map<string, Omit<KeyedEntry, 'path'> & { rel: string }> | null = null;
  /**
   * The last keys asked for and their entries: the reading filters ask for the same keys (every
   * remembered position) at each keystroke of a search, and only reading or indexing changes them.
   */
  #keyed: { keys: string[]; entries: KeyedEntry[] } | null = null;

  constructor(db: LibraryDb, root: string) {
    this.#root = root;
    this.#sql = {
      copies: db.prepare(
        `SELECT a.file AS id, a.same_url AS url, a.body FROM ${CURRENT}
         WHERE a.same_url IN (SELECT same_url FROM facts WHERE same_url IS NOT NULL
                              GROUP BY same_url HAVING count(*) > 1)
            OR a.body IN (SELECT body FROM facts WHERE body IS NOT NULL
                          GROUP BY body HAVING count(*) > 1)`,
      ),
      byKeys: db.prepare(
        `SELECT a.file AS id, a.key, f.rel, f.title, f.source, f.date, a.url FROM ${CURRENT}
         JOIN json_each(?) k ON k.value = a.key`,
      ),
      keyOf: db.prepare(`SELECT a.key FROM ${CURRENT} WHERE a.file = ?`),
      listed: db.prepare(
        `SELECT f.id, f.rel, f.title, f.source, f.date, a.url FROM files f
         LEFT JOIN facts a ON a.file = f.id AND a.mtime = f.mtime WHERE f.error IS NULL`,
      ),
      idAt: db.prepare('SELECT id FROM files WHERE rel = ? AND error IS NULL'),
      relOf: db.prepare('SELECT rel FROM files WHERE id = ? AND error IS NULL'),
      names: db.prepare(
        `SELECT name, articles, person, place, organization FROM names
         WHERE articles > 0 AND instr(folded, @filter) > 0
         ORDER BY articles DESC, name LIMIT @limit`,
      ),
      matching: db.prepare(
        'SELECT count(*) AS n FROM names WHERE articles > 0 AND instr(folded, ?) > 0',
      ),
      mentioning: db.prepare(
        `SELECT m.file AS id FROM names n JOIN mentions m ON m.name = n.id WHERE n.folded = ?`,
      ),
      others: db.prepare(
        `SELECT n.folded, n.articles - EXISTS (SELECT 1 FROM mentions m
           WHERE m.name = n.id AND m.file = @file) AS others
         FROM names n JOIN json_each(@names) j ON j.value = n.folded`,
      ),
    };
  }

  /** Files or their facts changed: copies are found again when next asked for. */
  invalidate() {
    this.#copies = null;
    this.#byNameId = null;
    this.#keyed = null;
  }

  /** Groups of copies: entries sharing an original address or a body, transitively. */
  copies(): number[][] {
    this.#copies ??= this.#findCopies();
    return this.#copies;
  }

  #findCopies(): number[][] {
    const rows = rowsAs<{ id: number; url: string | null; body: string | null }>(
      this.#sql.copies.all(),
    );
    const parent = new Map<number, number>();
    const find = (id: number): number => {
      let root = id;
      while (parent.get(root) !== root) root = parent.get(root)!;
      parent.set(id, root);
      return root;
    };
    const firstWith = new Map<string, number>();
    for (const row of rows) {
      parent.set(row.id, row.id);
      for (const key of [row.url && `u:${row.url}`, row.body && `b:${row.body}`]) {
        if (!key) continue;
        const first = firstWith.get(key);
        if (first === undefined) firstWith.set(key, row.id);
        else parent.set(find(row.id), find(first));
      }
    }
    const groups = new Map<number, number[]>();
    for (const row of rows) {
      const root = find(row.id);
      groups.set(root, [...(groups.get(root) ?? []), row.id]);
    }
    return [...groups.values()].filter((group) => group.length > 1);
  }

  /**
   * The entries stored under these keys (an article saved twice has two). A file named with its
   * article id has that id as its key, so it is found before the analysis has read it.
   */
  entriesByKeys(keys: string[]): KeyedEntry[] {
    if (keys.length === 0) return [];
    const last = this.#keyed;
    if (last && last.keys.length === keys.length && last.keys.every((key, i) => key === keys[i])) {
      return last.entries;
    }
    const entries = this.#findByKeys(keys);
    this.#keyed = { keys, entries };
    return entries;
  }

  #findByKeys(keys: string[]): KeyedEntry[] {
    const rows = rowsAs<Omit<KeyedEntry, 'path'> & { rel: string }>(
      this.#sql.byKeys.all(JSON.stringify(keys)),
    );
    const found = new Set(rows.map((row) => row.key));
    const named = keys.filter((key) => !found.has(key) && !key.startsWith('sha-'));
    if (named.length) {
      const byNameId = this.#entriesByNameId();
      for (const key of named) {
        const row = byNameId.get(key);
        if (row) rows.push({ ...row, key });
      }
    }
    return rows.map(({ rel, ...row }) => ({ ...row, path: join(this.#root, rel) }));
  }

  #entriesByNameId() {
    if (this.#byNameId) return this.#byNameId;
    const byNameId = new Map<string, Omit<KeyedEntry, 'path'> & { rel: string }>();
    const rows = rowsAs<Omit<KeyedEntry, 'path' | 'key'> & { rel: string }>(this.#sql.listed.all());
    for (const row of rows) {
      const id = articleIdFromName(basename(row.rel));
      if (id) byNameId.set(id, { ...row, key: id });
    }
    return (this.#byNameId = byNameId);
  }

  /** The key an entry's position is stored under, once the analysis has read it. */
  keyOf(id: number): string | null {
    return (this.#sql.keyOf.get(id) as { key: string | null } | undefined)?.key ?? null;
  }

  /** The id of a listed file by its path inside the folder (`/` separators). */
  idAt(rel: string): number | null {
    return (this.#sql.idAt.get(rel) as { id: number } | undefined)?.id ?? null;
  }

  /** The path of a listed entry, or null when it is gone. */
  pathOf(id: number): string | null {
    const row = this.#sql.relOf.get(id) as { rel: string } | undefined;
    return row ? join(this.#root, row.rel) : null;
  }

  /** The names whose folded spelling contains `filter`, most articles first. */
  names(filter: string, limit: number): { names: NameCount[]; matching: number } {
    const folded = foldQuery(filter.trim(), true);
    const rows = rowsAs<{ name: string; articles: number } & Record<EntityKind, number>>(
      this.#sql.names.all({ filter: folded, limit }),
    );
    const kinds: EntityKind[] = ['person', 'place', 'organization'];
    return {
      names: rows.map((row) => ({
        name: row.name,
        articles: row.articles,
        kind: kinds.reduce((best, kind) => (row[kind] > row[best] ? kind : best)),
      })),
      matching: (this.#sql.matching.get(folded) as { n: number }).n,
    };
  }

  /** The entries the analysis found this name in, spelt in any way search reads as the same. */
  mentioning(name: string): number[] {
    const rows = this.#sql.mentioning.all(foldQuery(name, true));
    return rowsAs<{ id: number }>(rows).map((row) => row.id);
  }

  /** For each name, how many articles other than entry `id` mention it (0 when none). */
  otherMentions(id: number | null, names: string[]): Record<string, number> {
    const folded = names.map((name) => foldQuery(name, true));
    const rows = this.#sql.others.all({ file: id ?? -1, names: JSON.stringify(folded) });
    const others = new Map(
      rowsAs<{ folded: string; others: number }>(rows).map((r) => [r.folded, r.others]),
    );
    return Object.fromEntries(names.map((name, i) => [name, others.get(folded[i]!) ?? 0]));
  }
}
