import { describe, expect, it } from 'vitest';
import { pathInLibrary } from '../../../src/renderer/src/library/path-in-library';

describe('a path inside the library folder', () => {
  it('drops the folder, with or without its last separator, on either platform', () => {
    expect(pathInLibrary('/news', '/news/world/a.txt')).toBe('world/a.txt');
    expect(pathInLibrary('/news/', '/news/a.txt')).toBe('a.txt');
    expect(pathInLibrary('C:\\news', 'C:\\news\\world\\a.txt')).toBe('world\\a.txt');
  });

  it('keeps a path outside it whole, even one that begins with the folder’s name', () => {
    expect(pathInLibrary('/news', '/newsroom/a.txt')).toBe('/newsroom/a.txt');
    expect(pathInLibrary('/news', '/other/a.txt')).toBe('/other/a.txt');
  });
});
