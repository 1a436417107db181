/**
 * Nesting deeper than markdown-it keeps (100 levels) used to vanish from the reader, though the
 * library found its words: every word of a deep part stays, in the deepest level kept.
 */
import { describe, expect, it } from 'vitest';
import { capDepth, parseMarkdownBlocks } from '../../../src/main/services/markdown-blocks';
import type { Block } from '../../../src/shared/article';
import { plainText } from '../../../src/shared/article-text';

/** Every word the blocks hold, however deep. */
function words(blocks: Block[]): string {
  return blocks
    .map((block): string => {
      if (block.type === 'paragraph' || block.type === 'heading') return plainText(block.children);
      if (block.type === 'quote') return words(block.children);
      if (block.type === 'list') return block.items.map(words).join(' ');
      return block.type === 'code' ? block.text : '';
    })
    .join(' ');
}

describe('deep nesting', () => {
  it.each([
    ['quotes', `${'> '.repeat(150)}depth150word`],
    ['quotes without spaces', `${'>'.repeat(5000)}deepestword`],
    ['lists', `${'- '.repeat(300)}listword`],
    ['mixed', `${'> - 1. '.repeat(200)}mixedword`],
    [
      'indented lists',
      Array.from({ length: 400 }, (_, i) => `${'  '.repeat(i)}- item${i}`).join('\n'),
    ],
  ])('keeps the words of %s nested past 100 levels', (_name, text) => {
    const shown = words(parseMarkdownBlocks(`Before.\n\n${text}\n\nAfter.\n`));
    const expected = text.match(/[a-z]+\d+|[a-z]{6,}/g)!;
    for (const word of [...expected.slice(0, 3), ...expected.slice(-3), 'Before', 'After']) {
      expect(shown).toContain(word);
    }
  });

  it('leaves ordinary nesting and code alone', () => {
    const text = `> a quote\n> > nested\n\n- one\n  - two\n\n\`\`\`\n${' '.repeat(60)}deep code\n\`\`\`\n`;
    expect(capDepth(text)).toBe(text);
  });
});
