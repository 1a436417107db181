/**
 * Inputs that make naive Markdown parsers go quadratic or recurse without end, after the cases
 * cmark keeps in its pathological test suite and the ones markdown-it added.
 */
export const PATHOLOGICAL: Record<string, () => string> = {
  'nested strong emphasis': () => `${'*a **a '.repeat(20_000)}b${' a** a*'.repeat(20_000)}`,
  'emphasis closers with no openers': () => 'a_ '.repeat(50_000),
  'emphasis openers with no closers': () => '_a '.repeat(50_000),
  'link closers with no openers': () => 'a]'.repeat(50_000),
  'link openers with no closers': () => '[a'.repeat(50_000),
  'mismatched openers and closers': () => '*a_ '.repeat(40_000),
  'openers and closers multiple of 3': () => `a**b${'c* '.repeat(40_000)}`,
  'link openers and emphasis closers': () => '[ a_'.repeat(40_000),
  'pattern [ (]( repeated': () => '[ (]('.repeat(30_000),
  'pattern ![[]() repeated': () => '![[]()'.repeat(30_000),
  'nested brackets': () => `${'['.repeat(40_000)}a${']'.repeat(40_000)}`,
  'nested block quotes': () => `${'> '.repeat(40_000)}a`,
  'deeply nested lists': () =>
    Array.from({ length: 1_000 }, (_, i) => `${' '.repeat(i)}* a`).join('\n'),
  'NUL characters': () => 'abc\u0000de\u0000'.repeat(10_000),
  'backtick runs': () => Array.from({ length: 2_000 }, (_, i) => `e${'`'.repeat(i + 1)}`).join(''),
  'unclosed links A': () => '[a](<b'.repeat(30_000),
  'unclosed links B': () => '[a](b'.repeat(30_000),
  'many link references': () =>
    Array.from({ length: 30_000 }, (_, i) => `[${i}]: u${i}`).join('\n'),
  'unclosed HTML comments': () => '<!-- '.repeat(30_000),
  'unclosed CDATA and declarations': () => '<![CDATA[ <!A '.repeat(20_000),
  'entity-like runs': () => '&#x;&#;&amp'.repeat(30_000),
  'autolink-like runs': () => '<http://a'.repeat(30_000),
  'hard line breaks': () => 'a  \n'.repeat(40_000),
  'setext underline runs': () => 'a\n=\n'.repeat(20_000),
};

/**
 * Shapes cheap to write that used to cost far more to open than their size (issue 13): huge counts
 * of tiny blocks, lines and inline pieces. Each opens, or is refused with a reason, at a cost linear
 * in its size; `refused` is the reason's pattern.
 */
export const HOSTILE_SHAPES: Record<
  string,
  { make: () => string; refused?: RegExp; blocks?: number }
> = {
  '350 000 tiny paragraphs': {
    make: () => `# Tiny paragraphs\n\n${'a\n\n'.repeat(350_000)}`,
    blocks: 350_000,
  },
  '20 MB of tiny paragraphs': {
    make: () => `# Tiny paragraphs\n\n${'a\n\n'.repeat(6_900_000)}`,
    refused: /has 13\u202f800\u202f003 lines, too many to be an article/,
  },
  '20 MB, one paragraph of 10 million lines': {
    make: () => `# One paragraph\n\n${'a\n'.repeat(10_000_000)}`,
    refused: /lines, too many to be an article/,
  },
  '600 000 list items': {
    make: () => `# A long list\n\n${'- a\n'.repeat(600_000)}`,
    refused: /more than 500\u202f000 paragraphs, list items and other blocks/,
  },
  '40 000 nested quotes, 2 000 times': {
    make: () => `# Nested quotes\n\n${`${'> '.repeat(40_000)}a\n\n`.repeat(2)}`,
  },
  '200 000 inline pieces in one paragraph': {
    make: () => `# Inline pieces\n\n${'*a* [b](#) `c` '.repeat(200_000)}`,
  },
};
