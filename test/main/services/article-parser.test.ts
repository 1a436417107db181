import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/main/services/article-parser';
import { plainText } from '../../../src/shared/article-text';
import type { Block, Inline } from '../../../src/shared/article';
import { sourceFile } from '../../support/source-file';
import {
  articleHeader,
  summariseArticle,
} from '../../../src/main/services/library/article-summary';

const source = sourceFile;
const sample = readFileSync(join(process.cwd(), 'resources', '000_e51e31a3faca41e8.txt'), 'utf8');

function inlines(blocks: Block[]): Inline[] {
  return blocks.flatMap((b) =>
    b.type === 'paragraph' || b.type === 'heading'
      ? b.children
      : b.type === 'quote'
        ? inlines(b.children)
        : b.type === 'list'
          ? b.items.flatMap(inlines)
          : [],
  );
}
const links = (nodes: Inline[]): Extract<Inline, { type: 'link' }>[] =>
  nodes.flatMap((n) =>
    n.type === 'link' ? [n, ...links(n.children)] : 'children' in n ? links(n.children) : [],
  );

describe('parseArticle on the sample', () => {
  const article = parseArticle(sample, source());

  it('finds the title, byline and date', () => {
    expect(article.title).toBe(
      "Russia Says Pushing Offensive Into Ukraine's Dnipropetrovsk Region",
    );
    expect(article.titleFrom).toBe('heading');
    expect(article.bylines).toEqual([{ name: 'AFP', target: { kind: 'lost' } }]);
    expect(article.date).toEqual({ raw: 'June 08, 2025', iso: '2025-06-08', label: null });
    expect(article.missing).toEqual([]);
  });

  it('takes the lead caption with its bold credit', () => {
    expect(article.caption?.credit).toBe(
      'Telegram / Dnipropetrovsk Regional Military Administration head Serhii Lysak',
    );
    expect(plainText(article.caption!.children)).toMatch(
      /^Russia's Defense Ministry said .*region\."$/,
    );
  });

  it('keeps body paragraphs, the removed embed and lost links', () => {
    const paragraphs = article.body.filter((b) => b.type === 'paragraph');
    expect(paragraphs).toHaveLength(27);
    expect(article.body.filter((b) => b.type === 'embed')).toHaveLength(1);
    const bodyLinks = links(inlines(article.body));
    expect(bodyLinks.map((l) => plainText(l.children))).toEqual(['said', 'said', 'killed', 'used']);
    expect(bodyLinks.every((l) => l.target.kind === 'lost')).toBe(true);
  });

  it('takes the original URL out of the body', () => {
    expect(article.originalUrl).toBe(
      'https://www.themoscowtimes.com/2025/06/08/russia-says-pushing-offensive-into-ukraines-dnipropetrovsk-region-a89377',
    );
    expect(JSON.stringify(article.body)).not.toContain('Original url');
  });

  it('gives every block a unique id', () => {
    const ids = article.body.map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('parseArticle on other shapes', () => {
  it('reads several bylines with kept and lost targets', () => {
    const article = parseArticle(
      '# T\n\nBy [Jane Doe](#) and [Reuters](https://www.reuters.com/)\n\nUpdated: March 3, 2025\n\nBody.',
      source(),
    );
    expect(article.bylines).toEqual([
      { name: 'Jane Doe', target: { kind: 'lost' } },
      { name: 'Reuters', target: { kind: 'web', url: 'https://www.reuters.com/' } },
    ]);
    expect(article.date).toMatchObject({ iso: '2025-03-03', label: 'Updated' });
  });

  it('reads plain-text bylines', () => {
    const article = parseArticle(
      '# T\n\nBy Jane Doe, John Roe and Max Mustermann\n\nBody.',
      source(),
    );
    expect(article.bylines.map((b) => b.name)).toEqual(['Jane Doe', 'John Roe', 'Max Mustermann']);
  });

  it('falls back to the first line for a title and lists what is missing', () => {
    const article = parseArticle(
      'A short first line\n\nThe body goes on for a while.',
      source('x.txt'),
    );
    expect(article).toMatchObject({ title: 'A short first line', titleFrom: 'first-line' });
    expect(article.missing).toEqual(['title', 'byline', 'date', 'caption', 'originalUrl']);
  });

  it('falls back to the file name when the first line is a long paragraph', () => {
    const long = 'word '.repeat(60);
    const article = parseArticle(long, source('my-saved_story.txt'));
    expect(article).toMatchObject({ title: 'my saved story', titleFrom: 'file-name' });
    expect(parseArticle(long, source('012_0123456789abcdef.txt')).title).toBe(
      '012_0123456789abcdef',
    );
  });

  it('never takes a title made only of invisible controls (found by the property test)', () => {
    const article = parseArticle('*\u202E*\n\nBody text.', source('notes.txt'));
    expect(article).toMatchObject({ title: 'notes', titleFrom: 'file-name' });
  });

  it('keeps an unparsable date line raw', () => {
    const article = parseArticle('# T\n\nBy [A](#)\n\nSummer 2024\n\nBody text here.', source());
    expect(article.date).toEqual({ raw: 'Summer 2024', iso: null, label: null });
  });

  it('reads subheads, lists, quotes, images and code', () => {
    const article = parseArticle(
      '# T\n\n## Sub\n\n1. one\n2. two\n\n> quoted\n\n![A map](map.png)\n\n```\ncode\n```\n\n---',
      source(),
    );
    expect(article.body.map((b) => b.type)).toEqual([
      'heading',
      'list',
      'quote',
      'image',
      'code',
      'rule',
    ]);
    expect(article.body[1]).toMatchObject({ ordered: true, start: 1 });
    expect(article.body[3]).toMatchObject({ alt: 'A map' });
  });

  it('treats raw HTML as text and never makes unsafe links', () => {
    const article = parseArticle(
      '# <b>T</b>\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) [y](data:text/html,hi) [z](/relative)',
      source(),
    );
    expect(article.title).toBe('<b>T</b>');
    const text = JSON.stringify(article.body);
    expect(text).toContain('<script>alert(1)</script>');
    const found = links(inlines(article.body));
    expect(found.every((l) => l.target.kind !== 'web')).toBe(true);
    expect(found.map((l) => l.target)).toContainEqual({ kind: 'blocked', raw: '/relative' });
  });

  it('reads the original URL on the same line', () => {
    const article = parseArticle('# T\n\nBody.\n\nOriginal url: <https://example.com/a>', source());
    expect(article.originalUrl).toBe('https://example.com/a');
  });

  it('keeps at most 500 formatted pieces in a paragraph, the rest as plain text', () => {
    const article = parseArticle(`# T\n\n${'*a* '.repeat(2_000)}`, source());
    const paragraph = article.body[0];
    if (paragraph?.type !== 'paragraph') throw new Error('expected a paragraph');
    expect(paragraph.children.filter((n) => n.type === 'emphasis')).toHaveLength(500);
    expect(plainText(paragraph.children).trim()).toBe(Array(2_000).fill('a').join(' '));
  });

  // Its time is printed by `npm run bench:parse`; here, that it parses and the text after it shows.
  it('parses pathological nesting', () => {
    const article = parseArticle(
      `# Deep\n\n${'>'.repeat(50_000)} deep\n\n${'['.repeat(50_000)}x\n\n${'*a '.repeat(30_000)}\n\nAfter it.`,
      source(),
    );
    expect(article.title).toBe('Deep');
    expect(JSON.stringify(article.body)).toContain('After it.');
  });
});

describe('a header written line under line, as the README shows the format', () => {
  const readme = [
    '# Date test',
    'By [Jane Doe](#)',
    'June 08, 2025',
    'Lead photo caption ending in a **bold credit**',
    'Body paragraph one.',
    'Still paragraph one.',
    '',
    'Paragraph two.',
  ].join('\n');

  it('keeps the date, the caption and the body (the byline took them all)', () => {
    const article = parseArticle(readme, source());
    expect(article.title).toBe('Date test');
    expect(article.bylines).toEqual([{ name: 'Jane Doe', target: { kind: 'lost' } }]);
    expect(article.date?.iso).toBe('2025-06-08');
    expect(article.caption?.credit).toBe('bold credit');
    expect(article.body.map((b) => plainText(inlines([b])))).toEqual([
      'Body paragraph one. Still paragraph one.',
      'Paragraph two.',
    ]);
  });

  it('reads a title line without # and CRLF lines the same way, and leaves a body alone', () => {
    const crlf = 'Talks resume\r\nBy Reuters\r\nUpdated: March 3, 2025\r\nDelegates met.\r\n';
    const article = parseArticle(crlf, source());
    expect([article.title, article.bylines[0]?.name, article.date?.raw]).toEqual([
      'Talks resume',
      'Reuters',
      'Updated: March 3, 2025',
    ]);
    expect(article.body.map((b) => plainText(inlines([b])).trim())).toEqual(['Delegates met.']);
    // No header lines: lines of one paragraph stay one paragraph, bold end or not.
    const body = parseArticle('# T\n\nA line ending **bold**\nand its next line.', source());
    expect(body.caption).toBeNull();
    expect(body.body).toHaveLength(1);
  });

  it('gives the library list the same header, and its snippets the same body start', () => {
    const summary = summariseArticle(readme, 'x.txt');
    expect([summary.title, summary.source, summary.date]).toEqual([
      'Date test',
      'Jane Doe',
      '2025-06-08',
    ]);
    expect(summary.body).toContain('body paragraph one.');
    const { bodyStart } = articleHeader(readme, 'x.txt');
    expect(readme.slice(bodyStart)).toMatch(/^Lead photo caption/);
  });
});

it('does not take the original address of a file that holds only it for the title', () => {
  const article = parseArticle('Original url:\n<https://example.com/x>\n', source('only-url.txt'));
  expect([article.title, article.titleFrom]).toEqual(['only url', 'file-name']);
  expect(article.originalUrl).toBe('https://example.com/x');
});

it('reads links to javascript: or file: as blocked links, not as raw brackets', () => {
  const article = parseArticle(
    '# T\n\nA link to [javascript](javascript:alert(1)) and [file](file:///etc/passwd).',
    source(),
  );
  const found = links(inlines(article.body));
  expect(found.map((link) => [plainText(link.children), link.target])).toEqual([
    ['javascript', { kind: 'blocked', raw: 'javascript:alert(1)' }],
    ['file', { kind: 'blocked', raw: 'file:///etc/passwd' }],
  ]);
  expect(plainText(inlines(article.body))).toBe('A link to javascript and file.');
});
