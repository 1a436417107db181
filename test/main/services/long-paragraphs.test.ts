import { describe, expect, it } from 'vitest';
import type { Block, Inline } from '../../../src/shared/article';
import { plainText } from '../../../src/shared/article-text';
import { cutParagraph, MAX_PARAGRAPH_CHARS } from '../../../src/main/services/long-paragraphs';
import { parseInlineLine, parseMarkdownBlocks } from '../../../src/main/services/markdown-blocks';

const text = (value: string): Inline => ({ type: 'text', text: value });
const words = (count: number) => 'word '.repeat(count).trimEnd();

describe('cutParagraph', () => {
  it('leaves a paragraph of ordinary length whole, as the same array', () => {
    const children = [text(words(1_000))];
    const parts = cutParagraph(children);
    expect(parts).toHaveLength(1);
    expect(parts[0]).toBe(children);
  });

  it('cuts a long text after a space, into parts no longer than the limit', () => {
    const children = [text(words(10_000))];
    const parts = cutParagraph(children, 1_000);
    expect(parts.length).toBeGreaterThanOrEqual(50);
    for (const part of parts) expect(plainText(part).length).toBeLessThanOrEqual(1_000);
    // Every part but the last ends with the space it was cut after: no word is split.
    for (const part of parts.slice(0, -1)) expect(plainText(part)).toMatch(/ $/);
    expect(parts.map(plainText).join('')).toBe(words(10_000));
  });

  it('cuts inside a word only when it has no space for a long way', () => {
    const parts = cutParagraph([text('x'.repeat(2_500))], 1_000);
    expect(parts.map(plainText)).toEqual(['x'.repeat(1_000), 'x'.repeat(1_000), 'x'.repeat(500)]);
  });

  it('never splits a surrogate pair', () => {
    const parts = cutParagraph([text('😀'.repeat(1_000))], 101);
    for (const part of parts) expect(plainText(part)).toMatch(/^(?:😀)+$/);
    expect(parts.map(plainText).join('')).toBe('😀'.repeat(1_000));
  });

  it('continues an element cut in two in the next part, with its target', () => {
    const link: Inline = {
      type: 'link',
      target: { kind: 'web', url: 'https://example.com/' },
      children: [{ type: 'emphasis', children: [text(words(400))] }],
    };
    const parts = cutParagraph([text(words(100)), link, text(' after')], 1_000);
    expect(parts).toHaveLength(3);
    expect(parts[0]![0]).toEqual(text(`${words(100)}`));
    for (const part of parts.slice(1)) {
      const first = part[0] as Extract<Inline, { type: 'link' }>;
      expect(first.type).toBe('link');
      expect(first.target).toEqual(link.target);
      expect(first.children[0]!.type).toBe('emphasis');
    }
    expect(parts.map(plainText).join('')).toBe(plainText([text(words(100)), link, text(' after')]));
  });

  it('keeps the empty elements the text had, and adds none', () => {
    const empty: Inline = { type: 'link', target: { kind: 'lost' }, children: [] };
    const parts = cutParagraph([empty, text(words(1_000))], 1_000);
    expect(parts[0]![0]).toBe(empty);
    const emptyElements = parts
      .flat()
      .filter((node) => 'children' in node && node.children.length === 0);
    expect(emptyElements).toEqual([empty]);
  });
});

describe('a very long paragraph in a file', () => {
  it('is read as paragraphs of at most the limit, in order, with the text whole', () => {
    const line = '*a* [b](https://example.com/) `c` '.repeat(5_000).trimEnd();
    const blocks = parseMarkdownBlocks(`# Title\n\n${line}\n\nAfter.\n`);
    const paragraphs = blocks.slice(1, -1) as Extract<Block, { type: 'paragraph' }>[];
    // The same line read as one paragraph's content, uncut.
    const whole = plainText(parseInlineLine(line));
    expect(paragraphs.length).toBeGreaterThanOrEqual(Math.ceil(whole.length / MAX_PARAGRAPH_CHARS));
    for (const paragraph of paragraphs) {
      expect(paragraph.type).toBe('paragraph');
      expect(plainText(paragraph.children).length).toBeLessThanOrEqual(MAX_PARAGRAPH_CHARS);
    }
    // Ids stay in order, one each, and the block after the cut paragraph follows them.
    expect(blocks.map((block) => block.id)).toEqual(blocks.map((_, i) => `b${i}`));
    expect(paragraphs.map((p) => plainText(p.children)).join('')).toBe(whole);
    expect(blocks.at(-1)).toMatchObject({ type: 'paragraph', children: [text('After.')] });
  });
});
