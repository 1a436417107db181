import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ASK_FROM_ENTRIES, largeFolderQuestion } from '../../../src/shared/library';
import {
  countEntries,
  readLaunchArguments,
  secondLaunchCommand,
} from '../../../src/main/services/launch-arguments';

const cwd = '/home/reader';

describe('readLaunchArguments', () => {
  it('takes the file after the app folder when unpackaged', () => {
    expect(
      readLaunchArguments(['/x/electron', '.', 'news/001_0123456789abcdef.txt'], {
        packaged: false,
        cwd,
      }),
    ).toEqual({ target: '/home/reader/news/001_0123456789abcdef.txt', userData: null });
  });

  it('takes the first argument when packaged, skipping Chromium switches', () => {
    expect(
      readLaunchArguments(['/opt/Lectern/lectern', '--no-sandbox', '/tmp/a.txt', '/tmp/b.txt'], {
        packaged: true,
        cwd,
      }),
    ).toEqual({ target: '/tmp/a.txt', userData: null });
  });

  it('reads --user-data in both spellings and never takes its value as the file', () => {
    expect(
      readLaunchArguments(['e', '.', '--user-data', 'state', 'a.txt'], { packaged: false, cwd }),
    ).toEqual({ target: '/home/reader/a.txt', userData: '/home/reader/state' });
    expect(readLaunchArguments(['e', '--user-data=/var/s'], { packaged: true, cwd })).toEqual({
      target: null,
      userData: '/var/s',
    });
  });
});

describe('secondLaunchCommand', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-launch-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const second = (arg: string) =>
    secondLaunchCommand(['/opt/Lectern/lectern', arg], { packaged: true, cwd: dir });

  it('hands a file to the window as a file, and a folder as a library', async () => {
    writeFileSync(join(dir, 'a.txt'), '# A');
    mkdirSync(join(dir, 'news'));
    expect(await second('a.txt')).toEqual({ type: 'open-path', path: join(dir, 'a.txt') });
    expect(await second('news')).toEqual({ type: 'open-folder-path', path: join(dir, 'news') });
  });

  it('asks nothing of the window for a missing path, a dangling link or no argument', async () => {
    symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'dangling.txt'));
    expect(await second('missing.txt')).toBeNull();
    expect(await second('dangling.txt')).toBeNull();
    expect(await second('--no-sandbox')).toBeNull();
  });

  it(`asks first about a folder of ${ASK_FROM_ENTRIES} entries or more, counted in its subfolders`, async () => {
    const big = join(dir, 'home');
    // Entries in subfolders count: 50 folders of 98 files, the home folder's shape.
    for (let i = 0; i < 50; i++) {
      mkdirSync(join(big, `folder-${i}`), { recursive: true });
      for (let j = 0; j < 98; j++) writeFileSync(join(big, `folder-${i}`, `${j}.txt`), '');
    }
    expect(await countEntries(big)).toBe(ASK_FROM_ENTRIES - 50);
    expect(await second('home')).toEqual({ type: 'open-folder-path', path: big });
    for (let i = 0; i < 50; i++) writeFileSync(join(big, `top-${i}.txt`), '');
    expect(await second('home')).toEqual({ type: 'ask-folder-path', path: big });
    expect(largeFolderQuestion(big).message).toBe('Open “home” as a library?');
    expect(largeFolderQuestion(big).detail).toContain('5,000 or more');
  });

  it('does not count hidden entries or what links lead to', async () => {
    const quiet = join(dir, 'quiet');
    mkdirSync(join(quiet, '.git', 'objects'), { recursive: true });
    for (let i = 0; i < 200; i++) writeFileSync(join(quiet, '.git', 'objects', `${i}`), '');
    writeFileSync(join(quiet, 'a.txt'), '');
    symlinkSync(join(dir, 'home'), join(quiet, 'link'));
    expect(await countEntries(quiet)).toBe(2);
  });
});
