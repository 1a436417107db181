import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { leadingBlocks } from '../../../src/main/services/leading-blocks';
import { parseMarkdownBlocks } from '../../../src/main/services/markdown-blocks';
import { readHeader } from '../../../src/shared/article-header';
import { articleText } from '../../support/article-arbitrary';

const NAME = '001_aaaaaaaaaaaaaaaa.txt';

/** The header as the reader reads it: from a parse of the whole text. */
function wholeParseHeader(text: string) {
  const blocks = parseMarkdownBlocks(text);
  return readHeader((i) => blocks[i], NAME);
}

function quickHeader(text: string) {
  const blocks = leadingBlocks(text);
  return readHeader((i) => blocks.blockAt(i), NAME);
}

/** Pieces of header lines, many of them next to what markdown-it reads differently. */
const piece = fc.oneof(
  fc.constantFrom('Talks', 'resume', 'in', 'Geneva', 'Reuters', 'AP', 'June 8, 2025', '2025-06-08'),
  fc.constantFrom(' ', '  ', '\t', '&', '& ', '&amp;', '&#39;', '!', '![x](y)', '!x', '\\*', '\\'),
  fc.constantFrom('*a*', '**b**', '_c_', '`d`', '<e>', '<https://f.example>', '[g]', '[h](#)'),
  fc.constantFrom('[Jane Doe](#)', '[i](https://www.example.org/a-b/c)', '[j](javascript:x)'),
  fc.constantFrom('[k](https://EXAMPLE.org)', '[l](https://xn--pple-43d.com/)', '[m]( # )'),
  fc.constantFrom('[n](#"t")', '[o][p]', 'By', 'by ', 'Updated:', '#', '##', '1.', '2)', '-'),
  fc.constantFrom('\u00a0', '\u202e', '\u200b', 'é', 'ﬁ', '\u0000', '=', '===', '---', '> q'),
  fc.string({ maxLength: 6 }),
);
const line = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));
const headerText = fc
  .tuple(
    fc.array(line, { minLength: 1, maxLength: 7 }),
    fc.constantFrom('\n\n', '\n', '\n \n', '\n\n\n'),
    fc.constantFrom('', '\n[p]: https://example.org/p\n', '\n\nBody text.\n'),
  )
  .map(([lines, between, tail]) => lines.join(between) + tail);

describe('reading only the leading blocks', () => {
  test('gives the header a whole parse gives, on header-like text', () => {
    fc.assert(
      fc.property(headerText, (text) => {
        expect(quickHeader(text)).toEqual(wholeParseHeader(text));
      }),
      { numRuns: 3000 },
    );
  });

  test('gives the header a whole parse gives, on generated articles', () => {
    fc.assert(
      fc.property(articleText(), (raw) => {
        // Files reach both readers with their line endings made plain (decode-text).
        const text = raw.replace(/\r\n?/g, '\n');
        expect(quickHeader(text)).toEqual(wholeParseHeader(text));
      }),
      { numRuns: 1000 },
    );
  });

  test('says where the text after each block starts', () => {
    const text = '# Title\n\nBy [A](#)\nand more\n\n\nJune 8, 2025\n\nBody.';
    const blocks = leadingBlocks(text);
    expect(blocks.blockAt(3)).toMatchObject({ type: 'paragraph' });
    expect([0, 1, 2].map((i) => text.slice(blocks.endOf(i)))).toEqual([
      '\nBy [A](#)\nand more\n\n\nJune 8, 2025\n\nBody.',
      '\n\nJune 8, 2025\n\nBody.',
      '\nBody.',
    ]);
  });
});
