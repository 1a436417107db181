import { describe, expect, it } from 'vitest';
import { readLaunchArguments } from '../../../src/main/services/launch-arguments';

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
