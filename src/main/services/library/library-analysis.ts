/**
 * The library's background analysis, after indexing: first each file's facts (key, original
 * address, body fingerprint: cheap), then its people, places and organisations (the details
 * panel's extractor: costly). Runs in a thread of its own at low priority, in chunks it can pause
 * between; what it learnt is in the database, so a run that stops is resumed where it was.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { AnalysisProgress } from '../../../shared/library-research';
import type { Entity } from '../../../shared/article-details';
import { foldQuery } from '../../../shared/find-normalise';
import { ENTITY_RULES_VERSION } from '../entities';
import { factsOf, namesOf, type ArticleFacts } from './article-facts';
import { attachLibraryDb, type LibraryDb } from './library-db';
import { readArticleText } from './read-article';
import { inTransaction, rowsAs } from './sqlite';

export type AnalystJob = { type: 'run' } | { type: 'pause' };
export type AnalystMessage =
  | { type: 'progress'; progress: AnalysisProgress }
  | { type: 'changed'; phase: AnalysisProgress['phase'] }
  | { type: 'error'; message: string };

/** Finds the names of a chunk of files: here, or on a helper thread as well (see analysis-runner). */
export type NameFinder = (root: string, files: Pending[]) => Promise<(Entity[] | null)[]>;

export interface Pending {
  id: number;
  rel: string;
  mtime: number;
}

const FACTS_CHUNK = 250;
const NAMES_CHUNK = 40;

/** Names found in one file, or null when it can no longer be read. */
export async function findNames(root: string, files: Pending[]): Promise<(Entity[] | null)[]> {
  const found: (Entity[] | null)[] = [];
  for (const file of files) {
    const text = readArticleText(root, file.rel);
    found.push(text === null ? null : await namesOf(text, file.rel));
  }
  return found;
}

export class LibraryAnalyst {
  readonly #db: LibraryDb;
  readonly #root: string;
  readonly #emit: (message: AnalystMessage) => void;
  readonly #findNames: NameFinder;
  #wanted = false;
  #running = false;
  /** Asked to run while running: more may have been indexed since this run counted its work. */
  #again = false;
  #closing = false;
  readonly #sql;

  constructor(
    dbFile: string,
    root: string,
    emit: (message: AnalystMessage) => void,
    findNamesWith: NameFinder = findNames,
  ) {
    this.#db = attachLibraryDb(dbFile, 4);
    this.#root = root;
    this.#emit = emit;
    this.#findNames = findNamesWith;
    const needing = (condition: string) =>
      `FROM files f LEFT JOIN facts a ON a.file = f.id
       WHERE f.error IS NULL AND f.mtime >= 0 AND (${condition})`;
    const factsDue = needing('a.file IS NULL OR a.mtime != f.mtime');
    const namesDue = needing('a.mtime = f.mtime AND a.named = 0');
    this.#sql = {
      articleCount: this.#db.prepare(`SELECT count(*) AS n ${needing('1')}`),
      factsCount: this.#db.prepare(`SELECT count(*) AS n ${factsDue}`),
      factsNext: this.#db.prepare(`SELECT f.id, f.rel, f.mtime ${factsDue} LIMIT ${FACTS_CHUNK}`),
      namesCount: this.#db.prepare(`SELECT count(*) AS n ${namesDue}`),
      namesNext: this.#db.prepare(
        `SELECT f.id, f.rel, f.mtime ${namesDue} AND f.id > ? ORDER BY f.id LIMIT ${NAMES_CHUNK}`,
      ),
      putFacts: this.#db.prepare(
        `INSERT INTO facts (file, mtime, key, url, same_url, body, named)
         VALUES (?, ?, ?, ?, ?, ?, 0)
         ON CONFLICT (file) DO UPDATE SET mtime = excluded.mtime, key = excluded.key,
           url = excluded.url, same_url = excluded.same_url, body = excluded.body, named = 0`,
      ),
      stillAt: this.#db.prepare('SELECT 1 FROM files WHERE id = ? AND mtime = ?'),
      forgetMentions: this.#db.prepare('DELETE FROM mentions WHERE file = ?'),
      addName: this.#db.prepare('INSERT OR IGNORE INTO names (name, folded) VALUES (?, ?)'),
      nameId: this.#db.prepare('SELECT id FROM names WHERE folded = ?'),
      addMention: this.#db.prepare(
        // Two spellings of one name in an article ("Che", "Ché") are one mention, counted together.
        `INSERT INTO mentions (name, file, kind, count) VALUES (?, ?, ?, ?)
         ON CONFLICT (name, file) DO UPDATE SET count = count + excluded.count`,
      ),
      named: this.#db.prepare('UPDATE facts SET named = 1 WHERE file = ? AND mtime = ?'),
    };
    this.#renameOnNewRules();
  }

  /**
   * Names found by other rules than today's are found again: every article is due for names, and
   * each one's mentions are replaced as it is read, so the list stays whole meanwhile.
   */
  #renameOnNewRules() {
    const version = String(ENTITY_RULES_VERSION);
    const stored = this.#db.prepare("SELECT value FROM meta WHERE key = 'entity rules'").get();
    if (stored?.value === version) return;
    inTransaction(this.#db, () => {
      this.#db.exec('UPDATE facts SET named = 0 WHERE named = 1');
      this.#db
        .prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('entity rules', ?)")
        .run(version);
    });
  }

  post(job: AnalystJob) {
    this.#wanted = job.type === 'run';
    if (!this.#wanted) return;
    if (this.#running) this.#again = true;
    else void this.#loop();
  }

  close() {
    this.#closing = true;
    this.#wanted = false;
    if (!this.#running) this.#db.close();
  }

  async #loop() {
    this.#running = true;
    this.#again = false;
    try {
      await this.#phase('facts');
      await this.#phase('names');
    } catch (error) {
      this.#emit({ type: 'error', message: String(error) });
    }
    this.#running = false;
    if (this.#closing) this.#db.close();
    else if (this.#wanted && this.#again) void this.#loop();
  }

  async #phase(phase: AnalysisProgress['phase']) {
    const counter = phase === 'facts' ? this.#sql.factsCount : this.#sql.namesCount;
    // Out of every article, counting those done before: a pass resumed (after a pause, a restart)
    // reads as going on from where it was, not as starting again.
    const total = (this.#sql.articleCount.get() as { n: number }).n;
    let done = Math.max(0, total - (counter.get() as { n: number }).n);
    const report = (running: boolean) =>
      this.#emit({ type: 'progress', progress: { phase, done, total, running } });
    const chunkDone = (files: Pending[]) => {
      done = Math.min(total, done + files.length);
      report(true);
      this.#emit({ type: 'changed', phase });
    };
    report(this.#wanted);
    if (phase === 'facts') {
      while (this.#wanted && !this.#closing) {
        const files = rowsAs<Pending>(this.#sql.factsNext.all());
        if (files.length === 0) break;
        await this.#addFacts(files);
        if (this.#closing) return;
        chunkDone(files);
        await nextTurn();
      }
    } else if (!(await this.#namesPass(chunkDone))) return;
    report(false);
  }

  /**
   * Names for every file due, a chunk at a time in the order of their ids. The next chunk's names
   * are asked for before this one's are written, so the helper thread works while this one writes.
   * False when closed meanwhile.
   */
  async #namesPass(chunkDone: (files: Pending[]) => void): Promise<boolean> {
    const due = (after: number) => rowsAs<Pending>(this.#sql.namesNext.all(after));
    const find = (chunk: Pending[]) => {
      if (chunk.length === 0) return null;
      const finding = this.#findNames(this.#root, chunk);
      // A search left behind (paused, closed, or a write that failed) must not end the thread
      // with an unhandled rejection; the one awaited still throws to #loop.
      finding.catch(() => undefined);
      return finding;
    };
    let files = due(0);
    let finding = find(files);
    while (finding && this.#wanted && !this.#closing) {
      const found = await finding;
      if (this.#closing) return false;
      let following = due(files.at(-1)!.id);
      finding = find(following);
      this.#addNames(files, found);
      chunkDone(files);
      // The end of the ids: anything that became due behind them meanwhile is done next.
      if (!finding) {
        following = due(0);
        finding = find(following);
      }
      files = following;
      await nextTurn();
    }
    return !this.#closing;
  }

  async #addFacts(files: Pending[]) {
    const found: [Pending, ArticleFacts | null][] = [];
    for (const file of files) {
      const text = readArticleText(this.#root, file.rel);
      found.push([file, text === null ? null : await factsOf(text, file.rel)]);
    }
    inTransaction(this.#db, () => {
      for (const [file, facts] of found) {
        if (!this.#sql.stillAt.get(file.id, file.mtime)) continue;
        // An unreadable file is marked as read with nothing learnt; a change brings it back.
        this.#sql.putFacts.run(
          file.id,
          file.mtime,
          facts?.key ?? null,
          facts?.url ?? null,
          facts?.sameUrl ?? null,
          facts?.body ?? null,
        );
      }
    });
  }

  #addNames(files: Pending[], found: (Entity[] | null)[]) {
    inTransaction(this.#db, () => {
      files.forEach((file, i) => {
        if (!this.#sql.stillAt.get(file.id, file.mtime)) return;
        this.#sql.forgetMentions.run(file.id);
        for (const entity of found[i] ?? []) {
          const folded = foldQuery(entity.name, true);
          this.#sql.addName.run(entity.name, folded);
          const { id } = this.#sql.nameId.get(folded) as { id: number };
          this.#sql.addMention.run(id, file.id, entity.kind, entity.count);
        }
        this.#sql.named.run(file.id, file.mtime);
      });
    });
  }
}
