import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
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
});
