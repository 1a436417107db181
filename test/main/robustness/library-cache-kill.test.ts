/**
 * The library's SQLite cache is a store too: a process killed with SIGKILL while it indexes and
 * re-indexes leaves a database that passes SQLite's integrity check, and the next open lists every
 * file and finds them by search. LECTERN_LIBRARY_KILLS sets the count (10 here, more in the bench).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { build } from 'rolldown';
import { beforeAll, describe, expect, it } from 'vitest';
import { LibraryService } from '../../../src/main/services/library/library-service';

const KILLS = Number(process.env.LECTERN_LIBRARY_KILLS ?? 10);
const COUNT = 300;

describe('the library cache killed mid-write', () => {
  let child = '';
  beforeAll(async () => {
    const out = mkdtempSync(join(tmpdir(), 'lectern-churn-build-'));
    await build({
      input: join(import.meta.dirname, '..', 'services', 'fixtures', 'library-churn.ts'),
      platform: 'node',
      // One file: the library's analysis loads its tagger with a dynamic import.
      output: { file: join(out, 'library-churn.cjs'), format: 'cjs', codeSplitting: false },
      logLevel: 'silent',
    });
    child = join(out, 'library-churn.cjs');
  });

  function runAndKill(folder: string, userData: string, afterMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const proc = spawn(process.execPath, [child, folder, userData, String(COUNT)], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NODE_PATH: join(process.cwd(), 'node_modules') },
      });
      let err = '';
      proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      proc.stdout.once('data', () => setTimeout(() => proc.kill('SIGKILL'), afterMs));
      proc.once('exit', (_code, signal) =>
        signal === 'SIGKILL' ? resolve() : reject(new Error(`child ended on its own: ${err}`)),
      );
    });
  }

  it(`survives ${KILLS} kills with an intact database and a complete list`, async () => {
    const folder = mkdtempSync(join(tmpdir(), 'lectern-churn-'));
    const userData = mkdtempSync(join(tmpdir(), 'lectern-churn-data-'));
    for (let n = 0; n < COUNT; n++) {
      const name = `${String(n).padStart(3, '0')}_${n.toString(16).padStart(16, '0')}.txt`;
      writeFileSync(join(folder, name), `# Article ${n}\n\nBody of ${n}, first revision.\n`);
    }
    for (let round = 0; round < KILLS; round++) {
      await runAndKill(folder, userData, 10 + ((round * 53) % 400));
      for (const file of readdirSync(join(userData, 'library')).filter((f) =>
        f.endsWith('.sqlite'),
      )) {
        const db = new DatabaseSync(join(userData, 'library', file), { readOnly: true });
        expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
        db.close();
      }
    }
    const service = new LibraryService({ userDataDir: userData, emit: () => undefined });
    const snapshot = await service.open(folder);
    await service.whenIdle();
    // A kill can also cut the child's own rewrite of an article short, leaving it empty: such a
    // file belongs in the "couldn't open" list; every other file must be listed.
    const files = readdirSync(folder).filter((name) => name.endsWith('.txt'));
    const empty = files.filter((name) => statSync(join(folder, name)).size === 0);
    const after = service.snapshot();
    expect(after.entries).toHaveLength(COUNT - empty.length);
    expect(after.broken.map((b) => basename(b.path)).sort()).toEqual(empty.sort());
    expect(snapshot.folder).toBe(folder);
    const { hits } = await service.search('article 123');
    expect(hits.map((hit) => hit.entry.title)).toContainEqual(
      expect.stringMatching(/^Article 123\b/),
    );
    await service.close();
    console.log(
      `library cache: ${KILLS} SIGKILLs while indexing, integrity ok every time; ` +
        `${after.entries.length} listed, ${empty.length} emptied by a kill listed as couldn't open`,
    );
  }, 600_000);
});
