import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'rolldown';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { readJsonFile, storageFailure } from '../../../src/main/services/json-store';
import { StoredDocument } from '../../../src/main/services/stored-document';

const Payload = v.strictObject({
  n: v.pipe(v.number(), v.integer(), v.minValue(1)),
  pad: v.pipe(v.string(), v.length(200_000)),
  check: v.number(),
});
const tempDir = () => mkdtempSync(join(tmpdir(), 'lectern-store-'));
/** 30 kills in `npm test`; `npm run bench:robustness` sets 1 000. */
const KILLS = Number(process.env.LECTERN_KILL_RUNS ?? 30);

describe('an atomic JSON file killed mid-write', () => {
  let writer = '';
  beforeAll(async () => {
    const out = tempDir();
    await build({
      input: join(import.meta.dirname, 'fixtures', 'store-writer.ts'),
      platform: 'node',
      output: { file: join(out, 'store-writer.cjs'), format: 'cjs' },
      logLevel: 'silent',
    });
    writer = join(out, 'store-writer.cjs');
  });

  function runAndKill(file: string, afterMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [writer, file], { stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), afterMs));
      child.once('exit', (_code, signal) =>
        signal === 'SIGKILL' ? resolve() : reject(new Error(`writer ended on its own: ${err}`)),
      );
    });
  }

  it('always leaves the old or the new content, and a restart clears the temp files', async () => {
    const dir = tempDir();
    const file = join(dir, 'state.json');
    const seen = new Set<number>();
    let leftTempFiles = 0;
    for (let round = 0; round < KILLS; round += 1) {
      await runAndKill(file, 5 + ((round * 37) % 60));
      const text = readFileSync(file, 'utf8');
      const parsed = v.parse(
        v.strictObject({ version: v.literal(1), data: Payload }),
        JSON.parse(text),
      );
      expect(parsed.data.check).toBe(parsed.data.n * 7);
      seen.add(parsed.data.n);
      if (readdirSync(dir).length > 1) leftTempFiles += 1;
    }
    // The writer really was stopped at different points, not always before its first write.
    expect(seen.size).toBeGreaterThan(1);
    // Most kills land mid-write and leave a temp file, which the next start must clear.
    expect(leftTempFiles).toBeGreaterThan(0);
    const doc = new StoredDocument(file, Payload, () => ({ n: 1, pad: '', check: 7 }));
    expect((await doc.read()).check).toBeGreaterThan(0);
    expect(readdirSync(dir)).toEqual(['state.json']);
    console.log(
      `SIGKILL mid-write: ${KILLS} kills, ${KILLS} reads of old-or-new content, 0 broken files; ` +
        `${leftTempFiles} kills left a temp file, all cleared at the next start`,
    );
  }, 1_800_000);
});

describe('readJsonFile', () => {
  it('sets a corrupt file aside with a timestamp and never overwrites it', async () => {
    const dir = tempDir();
    const file = join(dir, 'settings.json');
    writeFileSync(file, '{"version": 1, "data": {"n": "not a number"');
    const read = await readJsonFile(file, Payload, () => ({ n: 1, pad: '', check: 7 }));
    expect(read.value.n).toBe(1);
    expect(read.setAside).toMatch(/settings\.json\.corrupt-\d{4}-\d\d-\d\dT/);
    expect(readFileSync(read.setAside!, 'utf8')).toContain('not a number');
    expect(readdirSync(dir)).toEqual([read.setAside!.slice(dir.length + 1)]);
  });

  it('gives the fallback for a missing file without reporting anything', async () => {
    const read = await readJsonFile(join(tempDir(), 'none.json'), Payload, () => ({
      n: 2,
      pad: '',
      check: 14,
    }));
    expect(read).toEqual({ value: { n: 2, pad: '', check: 14 }, setAside: null });
  });
});

describe('a folder that cannot be written', () => {
  it('keeps the in-memory state when the write fails', async () => {
    const dir = join(tempDir(), 'data');
    const doc = new StoredDocument(join(dir, 'state.json'), v.number(), () => 0);
    await doc.update(() => 1);
    // A plain file where the folder was makes every write fail, even for root.
    rmSync(dir, { recursive: true });
    writeFileSync(dir, '');
    await expect(doc.update(() => 2)).rejects.toThrow();
    expect(await doc.read()).toBe(2);
  });

  it.each([
    ['ENOSPC', /disk is full/],
    ['EROFS', /read-only/],
    ['EACCES', /read-only or not yours/],
    ['ENOTDIR', /could not save to .* \(ENOTDIR\)/],
  ])('explains %s in words', (code, message) => {
    const error = Object.assign(new Error('raw'), { code });
    const failure = storageFailure(error, '/home/me/.config/Lectern/settings.json');
    expect(failure.message).toMatch(message);
    expect(failure.message).toContain('kept while Lectern stays open');
  });
});
