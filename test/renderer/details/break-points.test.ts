import { describe, expect, it } from 'vitest';
import {
  domainPieces,
  fileNamePieces,
  pathPieces,
  urlPieces,
} from '../../../src/renderer/src/details/break-points';

describe('where long details values may break', () => {
  it('breaks a path only after its separators', () => {
    expect(pathPieces('/tmp/lectern-e2e-x/resources')).toEqual([
      '/',
      'tmp/',
      'lectern-e2e-x/',
      'resources',
    ]);
    expect(pathPieces('C:\\Users\\ann\\News\\')).toEqual(['C:\\', 'Users\\', 'ann\\', 'News\\']);
  });

  it('breaks a file name after its word separators, its extension kept with the last word', () => {
    expect(fileNamePieces('000_e51e31a3faca41e8.txt')).toEqual(['000_', 'e51e31a3faca41e8.txt']);
    expect(fileNamePieces('11_Élysée_hosts_summit_.txt')).toEqual([
      '11_',
      'Élysée_',
      'hosts_',
      'summit_.txt',
    ]);
    expect(fileNamePieces('a - b.txt')).toEqual(['a - ', 'b.txt']);
    expect(fileNamePieces('.hidden')).toEqual(['.hidden']);
    expect(fileNamePieces('README')).toEqual(['README']);
  });

  it('breaks a URL after its slashes and before its query', () => {
    expect(urlPieces('https://example.com/a/b?x=1&y=2')).toEqual([
      'https://',
      'example.com/',
      'a/',
      'b',
      '?x=1',
      '&y=2',
    ]);
  });

  it('breaks a host name after its dots', () => {
    expect(domainPieces('themoscowtimes.com')).toEqual(['themoscowtimes.', 'com']);
  });

  it('keeps every character, in order', () => {
    const path = '/a//b/c.d/';
    expect(pathPieces(path).join('')).toBe(path);
  });
});
