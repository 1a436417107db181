/**
 * A real full disk and a real read-only folder: a tiny tmpfs, mounted where the machine allows it
 * (root on Linux, as in CI). The old file stays intact, the user is told, the change stays in memory.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoredDocument } from '../../../src/main/services/stored-document';

const mountPoint = mkdtempSync(join(tmpdir(), 'lectern-tinyfs-'));
const canMount =
  process.platform === 'linux' &&
  process.getuid?.() === 0 &&
  spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mountPoint]).status === 0;

const Notes = v.array(v.string());

describe.skipIf(!canMount)('a disk that fills up or turns read-only (tmpfs)', () => {
  beforeAll(() => {
    expect(canMount).toBe(true);
  });
  afterAll(() => {
    spawnSync('umount', [mountPoint]);
  });

  it('keeps the old file and the new state in memory when the disk is full', async () => {
    const file = join(mountPoint, 'notes.json');
    const doc = new StoredDocument(file, Notes, () => []);
    await doc.update(() => ['kept']);
    const before = readFileSync(file, 'utf8');
    // Leave almost nothing free.
    spawnSync('dd', ['if=/dev/zero', `of=${join(mountPoint, 'filler')}`, 'bs=4k'], {
      stdio: 'ignore',
    });
    const big = Array.from({ length: 50 }, (_, i) => `note ${i} ${'x'.repeat(2_000)}`);
    await expect(doc.update(() => big)).rejects.toThrow(
      /disk is full.*kept while Lectern stays open/,
    );
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(await doc.read()).toEqual(big);
    expect(readdirSync(mountPoint).sort()).toEqual(['filler', 'notes.json']);
    execFileSync('rm', [join(mountPoint, 'filler')]);
  });

  it('keeps the old file when only part of the change fits (no truncated file renamed over it)', async () => {
    const file = join(mountPoint, 'partial.json');
    const doc = new StoredDocument(file, Notes, () => []);
    await doc.update(() => ['kept']);
    const before = readFileSync(file, 'utf8');
    // About 64 KB left: a short write, not an immediate ENOSPC.
    spawnSync('dd', ['if=/dev/zero', `of=${join(mountPoint, 'filler')}`, 'bs=4k', 'count=40']);
    const big = Array.from({ length: 100 }, (_, i) => `note ${i} ${'x'.repeat(2_000)}`);
    await expect(doc.update(() => big)).rejects.toThrow(/disk is full/);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(readdirSync(mountPoint).sort()).toEqual(['filler', 'notes.json', 'partial.json']);
    execFileSync('rm', [join(mountPoint, 'filler'), file]);
  });

  it('keeps the old file when the folder becomes read-only', async () => {
    const file = join(mountPoint, 'settings.json');
    writeFileSync(file, JSON.stringify({ version: 1, data: ['before'] }));
    const doc = new StoredDocument(file, Notes, () => []);
    expect(await doc.read()).toEqual(['before']);
    execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
    try {
      await expect(doc.update(() => ['after'])).rejects.toThrow(/read-only/);
      expect(JSON.parse(readFileSync(file, 'utf8')).data).toEqual(['before']);
      expect(await doc.read()).toEqual(['after']);
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', mountPoint]);
    }
  });
});

it.skipIf(canMount)('says why the tmpfs tests did not run here', () => {
  console.log('disk-full tests skipped: mounting a tmpfs needs root on Linux (as in CI)');
  expect(canMount).toBe(false);
});
