import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMarkdownBlocks } from '../../../src/main/services/markdown-blocks';
import { headSection, markdownSections } from '../../../src/main/services/markdown-sections';
import { articleText } from '../../support/article-arbitrary';
import { generateArticle, generateRealisticArticle } from '../../support/generate-articles';
import { PATHOLOGICAL } from '../../support/pathological-markdown';

const RUNS = Number(process.env.LECTERN_PROPERTY_RUNS ?? 500);
/** Cutting at every place allowed, against not cutting at all. */
const cutEverywhere = (text: string) => parseMarkdownBlocks(text, undefined, 1);
const whole = (text: string) => parseMarkdownBlocks(text, undefined, Infinity);

// Lines that make blocks go on across a blank line, or not: the cases the cutting rule is about.
const tricky = fc.constantFrom(
  '- item',
  '  continued item',
  '1. first',
  '2) second',
  '    indented code',
  '```',
  '```js',
  '````',
  '~~~',
  '```a`b```',
  '> quote',
  '>',
  'text',
  '===',
  '---',
  '* * *',
  '[ref]: https://example.com',
  'see [ref] and [ref][]',
  '\t tab',
  '',
  '',
);
const trickyText = fc.array(tricky, { maxLength: 40 }).map((lines) => lines.join('\n'));

describe('Markdown sections', () => {
  it('cutting anywhere it may gives the blocks the whole text gives (generated text)', () => {
    fc.assert(
      fc.property(fc.oneof(articleText(), trickyText), (text) => {
        expect(cutEverywhere(text)).toEqual(whole(text));
      }),
      { numRuns: RUNS },
    );
  });

  it('does the same for the fixtures, the generated articles and the pathological cases', () => {
    const folders = ['test/fixtures/articles', 'test/fixtures/hostile'];
    const texts = [
      ...folders.flatMap((dir) => readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'))),
      readFileSync('resources/000_e51e31a3faca41e8.txt', 'utf8'),
      generateArticle(60_000, 3),
      generateRealisticArticle(60_000, 3),
      ...Object.values(PATHOLOGICAL).map((make) => make()),
    ];
    for (const text of texts) expect(cutEverywhere(text)).toEqual(whole(text));
  }, 120_000);

  it('cuts long plain text into sections of about the size asked, and keeps every character', () => {
    const text = generateRealisticArticle(1_000_000, 5);
    const sections = [...markdownSections(text, 64 * 1024)];
    expect(sections.join('')).toBe(text);
    expect(sections.length).toBeGreaterThan(10);
    for (const section of sections.slice(0, -1))
      expect(section.length).toBeGreaterThanOrEqual(65_536);
    expect(headSection(text, 32 * 1024)).toBe([...markdownSections(text, 32 * 1024)][0]);
  });

  it('never cuts a text with link reference definitions (they apply to all of it)', () => {
    const text = `${'para\n\n'.repeat(50_000)}[x]: https://example.com\n`;
    expect([...markdownSections(text, 1024)]).toHaveLength(1);
  });

  it('plain inline content needs no parser: markdown-it reads it as one text', () => {
    const md = new MarkdownIt('commonmark');
    const plain = fc.string().filter((s) => !/[\n!#$%&*+\-:<=>@[\\\]^_`{}~]/.test(s));
    fc.assert(
      fc.property(plain, (text) => {
        const tokens: { type: string; content: string }[] = [];
        md.inline.parse(text, md, {}, tokens as never);
        expect(tokens).toEqual(
          text ? [expect.objectContaining({ type: 'text', content: text })] : [],
        );
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the head of a long text', () => {
  const giant = '*a* [b](#) `c` '.repeat(20_000);

  it('stops before a block that would make it far longer than asked', () => {
    const text = `# Title\n\nBy [Agency](#)\n\n${giant}\n\nAfter.\n`;
    expect(headSection(text, 1_000, Infinity, 10_000)).toBe('# Title\n\nBy [Agency](#)\n\n');
  });

  it('takes the long block when nothing comes before it', () => {
    const text = `${giant}\n\nAfter.\n`;
    expect(headSection(text, 1_000, Infinity, 10_000)).toBe(`${giant}\n\n`);
  });

  it('is cut where the whole text would be cut, when no block is that long', () => {
    const text = generateArticle(300 * 1024, 3);
    expect(headSection(text, 32 * 1024, 500, 128 * 1024)).toBe(
      [...markdownSections(text, 32 * 1024, 500)][0],
    );
  });
});
