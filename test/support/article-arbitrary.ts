/** Markdown-like articles for property tests: the format's parts, hostile targets and raw HTML mixed. */
import fc from 'fast-check';

const word = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.constantFrom(
    'Kyiv',
    'Élysée',
    '“quoted”',
    'it’s',
    '—',
    '&amp;',
    '&#x2028;',
    '\u202E',
    'مرحبا',
    '中文',
  ),
);
const target = fc.oneof(
  fc.constantFrom(
    '#',
    '',
    'https://example.com/a',
    'mailto:a@b.c',
    'javascript:alert(1)',
    'JaVaScRiPt:x',
    'data:text/html,<script>',
    'vbscript:x',
    '/relative',
    '//host/x',
    'java\tscript:x',
    'file:///etc',
  ),
  fc.webUrl(),
  fc.string({ maxLength: 20 }),
);
const inline = fc.oneof(
  word,
  word.map((w) => `*${w}*`),
  word.map((w) => `**${w}**`),
  fc.tuple(word, target).map(([w, t]) => `[${w}](${t})`),
  target.map((t) => `<${t}>`),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '`code`',
    '![alt](x.png)',
    '\\',
    '<!--',
  ),
);
const line = fc.array(inline, { maxLength: 12 }).map((parts) => parts.join(' '));
const block = fc.oneof(
  line,
  line.map((l) => `# ${l}`),
  line.map((l) => `### ${l}`),
  line.map((l) => `By ${l}`),
  fc.constantFrom(
    'June 08, 2025',
    'Updated: March 3, 2025',
    '### **Embed:**',
    'Original url:',
    '---',
    '```',
  ),
  fc.tuple(fc.integer({ min: 1, max: 30 }), line).map(([n, l]) => `${'>'.repeat(n)} ${l}`),
  fc.tuple(fc.constantFrom('- ', '1. ', '* '), line).map(([m, l]) => `${m}${l}`),
);
const articleTextArbitrary = fc
  .tuple(fc.array(block, { maxLength: 25 }), fc.constantFrom('\n\n', '\n', '\r\n\r\n'))
  .map(([blocks, sep]) => blocks.join(sep));

export const articleText = () => articleTextArbitrary;
