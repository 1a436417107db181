/**
 * The analyst's names pass on its own, with a name finder the test controls: every chunk is
 * written, a pause stops it between chunks, and a search left behind by the pause that then
 * fails does not take the thread down (vitest fails a run on an unhandled rejection).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { AnalysisProgress } from '../../../../src/shared/library-research';
import {
  LibraryAnalyst,
  type AnalystMessage,
  type NameFinder,
} from '../../../../src/main/services/library/library-analysis';
import { libraryDbFile } from '../../../../src/main/services/library/library-db';
import { ResearchQueries } from '../../../../src/main/services/library/research-queries';
import { LibraryService } from '../../../../src/main/services/library/library-service';

const FILES = 45; // more than one chunk of 40
let folder: string;
let userData: string;
let dbFile: string;

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'lectern-analysis-'));
  userData = mkdtempSync(join(tmpdir(), 'lectern-analysis-data-'));
  for (let i = 0; i < FILES; i++) {
    const id = i.toString(16).padStart(16, '0');
    writeFileSync(join(folder, `${i}_${id}.txt`), `# Article ${i}\n\nKyiv was calm on day ${i}.\n`);
  }
  const service = new LibraryService({ userDataDir: userData, emit: () => {}, analyse: false });
  await service.open(folder);
  await service.whenIdle();
  await service.close();
  dbFile = libraryDbFile(userData, folder);
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
  rmSync(userData, { recursive: true, force: true });
});

const kyiv = (count: number) => ({ name: 'Kyiv', kind: 'place' as const, count, variants: [] });

/** Runs the analyst until a names pass ends; its last names progress. */
function runUntilIdle(
  finder: NameFinder,
  onChanged?: (analyst: LibraryAnalyst) => void,
  seen: AnalystMessage[] = [],
) {
  return new Promise<{ last: AnalysisProgress; analyst: LibraryAnalyst }>((resolve, reject) => {
    const analyst: LibraryAnalyst = new LibraryAnalyst(
      dbFile,
      folder,
      (message: AnalystMessage) => {
        seen.push(message);
        if (message.type === 'error') reject(new Error(message.message));
        if (message.type === 'changed' && message.phase === 'names') onChanged?.(analyst);
        if (message.type === 'progress' && message.progress.phase === 'names') {
          if (!message.progress.running) resolve({ last: message.progress, analyst });
        }
      },
      finder,
    );
    analyst.post({ type: 'run' });
  });
}

it('writes every chunk, the next one asked for before the last is written', async () => {
  const seen: AnalystMessage[] = [];
  const asked: { files: number; written: number }[] = [];
  const written = () => seen.filter((m) => m.type === 'changed' && m.phase === 'names').length;
  const { last, analyst } = await runUntilIdle(
    async (_root, files) => {
      asked.push({ files: files.length, written: written() });
      return files.map(() => [kyiv(1)]);
    },
    undefined,
    seen,
  );
  analyst.close();
  expect(asked).toEqual([
    { files: 40, written: 0 },
    { files: 5, written: 0 },
  ]);
  expect(last).toMatchObject({ done: FILES, total: FILES });
});

it('stops between chunks when paused, and a search it left behind may fail harmlessly', async () => {
  let calls = 0;
  let failing: Promise<never> | null = null;
  const { last, analyst } = await runUntilIdle(
    async (_root, files) => {
      if (++calls === 1) return files.map(() => [kyiv(1)]);
      failing = new Promise<never>((_, reject) => setImmediate(() => reject(new Error('gone'))));
      return failing;
    },
    (running) => running.post({ type: 'pause' }),
  );
  expect(last).toMatchObject({ done: 40, total: FILES, running: false });
  // The left-behind search fails, and a turn passes in which an unhandled rejection would show.
  expect(calls).toBe(2);
  await expect(failing).rejects.toThrow('gone');
  await new Promise((resolve) => setImmediate(resolve));
  // Resumed, it finds the rest, counting on from where it stopped.
  const seen: AnalystMessage[] = [];
  const resumed = await runUntilIdle(
    async (_root, files) => files.map(() => [kyiv(1)]),
    undefined,
    seen,
  );
  analyst.close();
  resumed.analyst.close();
  const names = seen.flatMap((m) =>
    m.type === 'progress' && m.progress.phase === 'names' ? [m.progress] : [],
  );
  expect(names[0]).toMatchObject({ done: 40, total: FILES });
  expect(resumed.last).toMatchObject({ done: FILES, total: FILES });
});

it('finds every name again when the rules that found them change, and only then', async () => {
  const friday = { name: 'Friday', kind: 'organization' as const, count: 1, variants: [] };
  const first = await runUntilIdle(async (_root, files) => files.map(() => [friday]));
  first.analyst.close();
  const namesNow = () => {
    const db = new DatabaseSync(dbFile, { readOnly: true });
    const rows = db.prepare('SELECT name, articles FROM names WHERE articles > 0').all();
    db.close();
    return rows.map((row) => `${String(row.name)}/${Number(row.articles)}`);
  };
  expect(namesNow()).toEqual([`Friday/${FILES}`]);
  // Same rules: nothing is due.
  let asked = 0;
  const same = await runUntilIdle(async (_root, files) => {
    asked += files.length;
    return files.map(() => [kyiv(1)]);
  });
  same.analyst.close();
  expect(asked).toBe(0);
  // A library analysed by older rules: every article is read again, its mentions replaced.
  const db = new DatabaseSync(dbFile);
  db.prepare("UPDATE meta SET value = '1' WHERE key = 'entity rules'").run();
  db.close();
  const again = await runUntilIdle(async (_root, files) => files.map(() => [kyiv(1)]));
  again.analyst.close();
  expect(again.last).toMatchObject({ done: FILES, total: FILES });
  expect(namesNow()).toEqual([`Kyiv/${FILES}`]);
});

it('counts the spellings search reads as one ("Che", "Ché") as one name', async () => {
  const name = (spelt: string) => ({
    name: spelt,
    kind: 'person' as const,
    count: 1,
    variants: [],
  });
  // File 0 names both; the rest one spelling or the other.
  const { analyst } = await runUntilIdle(async (_root, files) =>
    files.map((file) =>
      file.rel.startsWith('0_')
        ? [name('Ché'), name('Che')]
        : [name(file.rel.length % 2 ? 'Che' : 'Ché')],
    ),
  );
  analyst.close();
  const db = new DatabaseSync(dbFile, { readOnly: true });
  try {
    const research = new ResearchQueries(db, folder);
    const { names, matching } = research.names('che', 10);
    expect(matching).toBe(1);
    expect(names).toEqual([expect.objectContaining({ articles: FILES })]);
    expect(research.mentioning('Che')).toHaveLength(FILES);
    expect(research.mentioning('CHÉ')).toHaveLength(FILES);
    const { id: first } = db
      .prepare("SELECT id FROM files WHERE rel = '0_0000000000000000.txt'")
      .get() as { id: number };
    expect(research.otherMentions(first, ['Ché', 'Che', 'Nobody'])).toEqual({
      Ché: FILES - 1,
      Che: FILES - 1,
      Nobody: 0,
    });
    const both = db.prepare('SELECT count FROM mentions WHERE file = ?').all(first);
    expect(both).toEqual([expect.objectContaining({ count: 2 })]);
  } finally {
    db.close();
  }
});
