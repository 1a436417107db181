/**
 * A subfolder Lectern may not open is listed with why, not left out without a word. Root reads
 * any folder, and CI runs as root: the refusal is played by readdir itself for one folder.
 */
import * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scanFolder } from '../../../../src/main/services/library/library-scan';
import { FOLDER_DENIED_REASON } from '../../../../src/main/services/library/library-paths';

vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  return {
    ...real,
    readdirSync: vi.fn((path: string, options: unknown) => {
      if (String(path).endsWith('locked')) {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      }
      // Listed by its parent, then removed before it was read.
      if (String(path).endsWith('gone-soon')) {
        throw Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' });
      }
      return real.readdirSync(path, options as never);
    }),
  };
});

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'lectern-scan-'));
  for (const dir of ['open', 'locked', 'gone-soon']) mkdirSync(join(root, dir));
  writeFileSync(join(root, 'open', '001_0000000000000001.txt'), '# Open\n');
  writeFileSync(join(root, 'locked', '002_0000000000000002.txt'), '# Locked\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('scanning a library folder', () => {
  it('lists a subfolder it may not open as refused, with why, and goes on', async () => {
    const found = await scanFolder(root);
    expect(found.map((stamp) => [stamp.rel, stamp.refused ?? null]).sort()).toEqual([
      ['locked', FOLDER_DENIED_REASON],
      ['open/001_0000000000000001.txt', null],
    ]);
    expect(vi.mocked(fs.readdirSync)).toHaveBeenCalled();
  });

  it('says nothing of a folder gone meanwhile, nor of the folder it scans', async () => {
    const found = await scanFolder(root, join(root, 'gone-soon'));
    expect(found).toEqual([]);
    expect(await scanFolder(join(root, 'locked'))).toEqual([]);
  });
});
