/** Stray control characters in text: binary only on real evidence; shown or removed, and counted. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { articleDetails } from '../../../src/main/services/article-details';
import { articleFromBytes, loadArticleFile } from '../../../src/main/services/article-file';
import { decodeText } from '../../../src/main/services/decode-text';
import { readArticle, readArticleText } from '../../../src/main/services/library/read-article';

const dir = mkdtempSync(join(tmpdir(), 'lectern-controls-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ESC = '\x1b';
/** A short saved text with a terminal's colours, a hyperlink escape, overstrike and a page break. */
const TERMINAL_TEXT = [
  `# ${ESC}[1mBreaking${ESC}[0m: floods reach the valley`,
  '',
  `The river rose ${ESC}[31mtwo metres${ESC}[0m overnight. See ${ESC}]8;;https://example.com\x07the map${ESC}]8;;\x07.`,
  '',
  'N\bNO\bOT\bTE\bE: roads are closed.\f',
  '',
  'Page two of the bulletin.',
  '',
].join('\n');

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const STRAY = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

describe('a text with stray control characters', () => {
  it('opens, with no control character left in what is shown, and counts them', async () => {
    const path = join(dir, '001_00000000000000c1.txt');
    writeFileSync(path, TERMINAL_TEXT);
    const article = await loadArticleFile(path);
    expect(article.title).toBe('Breaking: floods reach the valley');
    const shown = JSON.stringify(article.body);
    expect(STRAY.test(article.title) || STRAY.test(shown)).toBe(false);
    expect(shown).toContain('two metres');
    expect(shown).toContain('the map');
    // Backspaces and the form feed stay visible, as the symbols for them.
    expect(shown).toContain('N␈NO␈OT␈TE␈E: roads are closed.␌');
    // 4 ESC in colour codes, 2 ESC and 2 BEL in the link escape, 4 backspaces, 1 form feed.
    expect(article.source.controlCharacters).toBe(13);
  });

  it('the details panel counts them', async () => {
    const article = articleFromBytes(Buffer.from(TERMINAL_TEXT), {
      name: 'bulletin.txt',
      path: null,
      modified: null,
    });
    expect((await articleDetails(article)).file.controlCharacters).toBe(13);
  });

  it('is indexed by the library as text, and its snippets read the same text', () => {
    writeFileSync(join(dir, '002_00000000000000c2.txt'), TERMINAL_TEXT);
    const stamp = { rel: '002_00000000000000c2.txt', size: 1, mtimeMs: 1 };
    const read = readArticle(dir, stamp);
    expect(read).toMatchObject({ summary: { title: 'Breaking: floods reach the valley' } });
    const text = readArticleText(dir, stamp.rel)!;
    expect(STRAY.test(text)).toBe(false);
    expect(text).toContain('two metres');
  });

  it('a few bell characters in a short text are not binary', () => {
    const decoded = decodeText(Buffer.from('Ding\x07 dong\x07 ding\x07.\n'));
    expect(decoded.text).toBe('Ding␇ dong␇ ding␇.\n');
    expect(decoded.controlCharacters).toBe(3);
  });

  it('plain text counts none and is left exactly as it was', () => {
    const decoded = decodeText(Buffer.from('Tabs\there, and lines\nend.\n'));
    expect(decoded).toMatchObject({ text: 'Tabs\there, and lines\nend.\n', controlCharacters: 0 });
  });
});

describe('binary data', () => {
  it('is refused for a NUL byte', () => {
    expect(() => decodeText(Buffer.from('Looks like text\x00 but holds a NUL.\n'))).toThrow(
      /binary data/,
    );
  });

  it('is refused for a known signature', () => {
    expect(() => decodeText(Buffer.from('%PDF-1.7\nwhatever follows\n'))).toThrow(/PDF document/);
  });
});
