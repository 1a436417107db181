/**
 * An export onto a full disk and into a read-only folder (a real tiny tmpfs, where the machine
 * allows mounting one: root on Linux, as in CI): it says so, the file already there is intact and
 * no temp file is left behind.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeExportFile } from '../../../src/main/services/export/export-file';

const mountPoint = mkdtempSync(join(tmpdir(), 'lectern-export-fs-'));
const canMount =
  process.platform === 'linux' &&
  process.getuid?.() === 0 &&
  spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mountPoint]).status === 0;

describe.skipIf(!canMount)('an export onto a full or read-only disk (tmpfs)', () => {
  beforeAll(() => {
    expect(canMount).toBe(true);
  });
  afterAll(() => {
    spawnSync('umount', [mountPoint]);
  });

  it('says the disk is full and keeps the book already there', async () => {
    const book = join(mountPoint, 'library.epub');
    writeFileSync(book, 'the earlier export');
    const tooBig = new Uint8Array(400 * 1024).fill(65);
    await expect(writeExportFile(book, tooBig)).rejects.toThrow(
      /The disk is full, so Lectern could not save “library.epub”.*Nothing there was changed/,
    );
    expect(readFileSync(book, 'utf8')).toBe('the earlier export');
    expect(readdirSync(mountPoint)).toEqual(['library.epub']);
  });

  it('says the folder is read-only and changes nothing', async () => {
    const pdf = join(mountPoint, 'article.pdf');
    writeFileSync(pdf, 'the earlier PDF');
    execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
    try {
      await expect(writeExportFile(pdf, new Uint8Array([1, 2, 3]))).rejects.toThrow(
        /cannot write “article.pdf” .* \(the folder is read-only or not yours\)/,
      );
      expect(readFileSync(pdf, 'utf8')).toBe('the earlier PDF');
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', mountPoint]);
    }
    expect(readdirSync(mountPoint).sort()).toEqual(['article.pdf', 'library.epub']);
  });
});

it.skipIf(canMount)('says why the tmpfs export tests did not run here', () => {
  console.log('export disk-full tests skipped: mounting a tmpfs needs root on Linux (as in CI)');
  expect(canMount).toBe(false);
});
