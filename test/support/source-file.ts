import type { SourceFile } from '../../src/shared/article';

/** A plain UTF-8 source description for parser tests that start from text, not from a file. */
export const sourceFile = (name = '000_e51e31a3faca41e8.txt'): SourceFile => ({
  name,
  path: null,
  articleId: null,
  size: 0,
  modified: null,
  encoding: 'utf-8',
  bom: false,
  lineEndings: 'LF',
  replacedBytes: 0,
  controlCharacters: 0,
});
