import { describe, expect, it } from 'vitest';
import type { Annotation, HighlightColour } from '../../src/shared/annotation';
import type { Article } from '../../src/shared/article';
import {
  buildExportChapter,
  type MarkedBlock,
  type MarkedInline,
} from '../../src/shared/export/export-model';
import { markArticle } from '../../src/shared/export/marked-text';
import { describeSpan } from '../../src/shared/text-anchoring';
import { parseArticle } from '../../src/main/services/article-parser';
import { chapterXhtml, escapeXml } from '../../src/main/services/export/xhtml-chapter';

const SOURCE = {
  name: '001_00000000000000aa.txt',
  path: null,
  articleId: '00000000000000aa',
  size: 0,
  modified: null,
  encoding: 'utf-8',
  bom: false,
  lineEndings: 'LF' as const,
  replacedBytes: 0,
};

const article = (text: string): Article => parseArticle(text, SOURCE);

const SAMPLE = article(
  [
    '# Harbour Reopens',
    'By [Port Desk](https://example.com/desk)',
    'June 08, 2025',
    'Cranes at dawn. **Photo: Ann Lee**',
    'The harbour reopened on Monday after a storm closed it for a week.',
    'Fishing boats were the [first to leave](https://example.com/boats?a=1&b=2) at dawn.',
    'A [lost link](#) stays as text.',
    '### **Embed:**',
    'Officials said repairs would cost millions.',
    'Original url:',
    '<https://example.com/harbour>',
  ].join('\n\n'),
);

/**
 * An annotation as the window would store it: the quote and its context from the text, and a
 * position counted in the window's own text, which lays out the header otherwise (shifted here).
 */
function annotate(
  target: Article,
  quote: string,
  { colour = 'yellow', note = '', shift = 37, nth = 0 } = {} as {
    colour?: HighlightColour;
    note?: string;
    shift?: number;
    nth?: number;
  },
): Annotation {
  const { text } = markArticle(target);
  let start = text.indexOf(quote);
  for (let i = 0; i < nth; i++) start = text.indexOf(quote, start + 1);
  expect(start).toBeGreaterThanOrEqual(0);
  const { quote: q, position } = describeSpan(text, { start, end: start + quote.length });
  return {
    id: `a${start}-${colour}`,
    type: 'Annotation',
    created: '2025-06-08T00:00:00Z',
    modified: '2025-06-08T00:00:00Z',
    colour,
    note,
    target: {
      selector: [q, { ...position, start: position.start + shift, end: position.end + shift }],
    },
  };
}

/** The marked pieces of a block tree, with their colours and the notes that follow them. */
function pieces(blocks: MarkedBlock[]): string[] {
  const out: string[] = [];
  const walk = (nodes: MarkedInline[]) => {
    for (const node of nodes) {
      if ((node.type === 'text' || node.type === 'code') && node.mark) {
        out.push(`${node.mark.colour}:${node.text}`);
      } else if (node.type === 'note-ref') out.push(`note ${node.note}`);
      else if ('children' in node) walk(node.children);
    }
  };
  for (const block of blocks) {
    if (block.type === 'paragraph' || block.type === 'heading') walk(block.children);
    else if (block.type === 'quote') out.push(...pieces(block.children));
    else if (block.type === 'list') for (const item of block.items) out.push(...pieces(item));
  }
  return out;
}

describe('export model', () => {
  it('heads the chapter with the title, source, date, original URL and file name', () => {
    const chapter = buildExportChapter(SAMPLE, []);
    expect(chapter).toMatchObject({
      title: 'Harbour Reopens',
      source: 'Port Desk',
      date: { iso: '2025-06-08' },
      originalUrl: 'https://example.com/harbour',
      fileName: '001_00000000000000aa.txt',
      notes: [],
      highlighted: 0,
      hasLostLinks: true,
    });
    expect(chapter.caption?.credit).toBe('Photo: Ann Lee');
    expect(chapter.body.map((block) => block.type)).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
      'embed',
      'paragraph',
    ]);
  });

  it('marks highlighted text in its colour, even when the stored position is off', () => {
    const chapter = buildExportChapter(SAMPLE, [
      annotate(SAMPLE, 'reopened on Monday', { colour: 'green' }),
      annotate(SAMPLE, 'repairs would cost', { colour: 'pink', shift: -12 }),
    ]);
    expect(pieces(chapter.body)).toEqual(['green:reopened on Monday', 'pink:repairs would cost']);
    expect(chapter.highlighted).toBe(2);
  });

  it('numbers notes in reading order and puts each reference after its highlight', () => {
    const later = annotate(SAMPLE, 'Officials said', { note: 'Which officials?' });
    const earlier = annotate(SAMPLE, 'harbour reopened', { colour: 'blue', note: 'Good news.' });
    const plain = annotate(SAMPLE, 'Fishing boats');
    const chapter = buildExportChapter(SAMPLE, [later, plain, earlier]);
    expect(pieces(chapter.body)).toEqual([
      'blue:harbour reopened',
      'note 1',
      'yellow:Fishing boats',
      'yellow:Officials said',
      'note 2',
    ]);
    expect(chapter.notes).toEqual([
      { number: 1, colour: 'blue', quote: 'harbour reopened', note: 'Good news.', placed: true },
      {
        number: 2,
        colour: 'yellow',
        quote: 'Officials said',
        note: 'Which officials?',
        placed: true,
      },
    ]);
  });

  it('keeps a reference out of a link it ends in, since links cannot nest', () => {
    const chapter = buildExportChapter(SAMPLE, [
      annotate(SAMPLE, 'were the first to', { note: 'Ends inside the link.' }),
    ]);
    const paragraph = chapter.body[1] as Extract<MarkedBlock, { type: 'paragraph' }>;
    const link = paragraph.children.findIndex((node) => node.type === 'link');
    expect(paragraph.children[link + 1]).toEqual({ type: 'note-ref', note: 1 });
    const inLink = paragraph.children[link] as Extract<MarkedInline, { type: 'link' }>;
    expect(inLink.children.some((node) => node.type === 'note-ref')).toBe(false);
    expect(pieces([paragraph])).toEqual(['yellow:were the ', 'yellow:first to', 'note 1']);
  });

  it('lists a note whose passage is gone last, without a reference in the text', () => {
    const gone = annotate(SAMPLE, 'harbour reopened', { note: 'Was here.' });
    gone.target.selector[0] = { ...gone.target.selector[0], exact: 'a sentence since deleted' };
    const kept = annotate(SAMPLE, 'Officials said', { note: 'Still here.' });
    const chapter = buildExportChapter(SAMPLE, [gone, kept]);
    expect(chapter.notes.map((n) => [n.number, n.note, n.placed])).toEqual([
      [1, 'Still here.', true],
      [2, 'Was here.', false],
    ]);
    expect(pieces(chapter.body)).toEqual(['yellow:Officials said', 'note 1']);
  });

  it('draws the later of two overlapping highlights on top', () => {
    const chapter = buildExportChapter(SAMPLE, [
      annotate(SAMPLE, 'reopened on Monday after', { colour: 'yellow' }),
      annotate(SAMPLE, 'Monday after a storm', { colour: 'blue' }),
    ]);
    expect(pieces(chapter.body)).toEqual([
      'yellow:reopened on ',
      'blue:Monday after',
      'blue: a storm',
    ]);
  });

  it('places the same words at the right occurrence by their context', () => {
    const twice = article('# T\n\nThe cat sat. The dog sat. The cat ran.');
    const chapter = buildExportChapter(twice, [annotate(twice, 'The cat', { nth: 1, shift: 0 })]);
    const paragraph = chapter.body[0] as Extract<MarkedBlock, { type: 'paragraph' }>;
    expect(paragraph.children.map((n) => ('text' in n ? n.text : n.type))).toEqual([
      'The cat sat. The dog sat. ',
      'The cat',
      ' ran.',
    ]);
  });
});

describe('EPUB chapter XHTML', () => {
  const hostile = article(
    [
      '# <script>alert("x")</script> & “Friends” \u0007',
      'By [A & B](https://example.com/?a=1&b="2")',
      'Body with <b>tags</b> & an [odd link](../secret.txt).',
    ].join('\n\n'),
  );
  const date = (iso: string) => `on ${iso}`;

  it('escapes a hostile title, byline and body, and drops characters XML cannot hold', () => {
    const xhtml = chapterXhtml(buildExportChapter(hostile, []), date);
    expect(xhtml).toContain(
      '<h1 dir="auto">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; “Friends” </h1>',
    );
    expect(xhtml).not.toMatch(/<script|<b>/);
    expect(xhtml).not.toContain('\u0007');
    expect(xhtml).toContain('By A &amp; B');
    expect(xhtml).toContain('Body with &lt;b&gt;tags&lt;/b&gt; &amp; an ');
    // A target that is not http(s) or mailto is text, never a link.
    expect(xhtml).toContain('<span class="blocked">odd link</span>');
    expect(xhtml).not.toContain('secret');
  });

  it('writes marks, note references and endnotes that point at each other', () => {
    const chapter = buildExportChapter(SAMPLE, [
      annotate(SAMPLE, 'harbour reopened', { colour: 'green', note: 'A <note> & more' }),
    ]);
    const xhtml = chapterXhtml(chapter, date);
    expect(xhtml).toContain('<mark class="hl-green">harbour reopened</mark><a class="noteref"');
    expect(xhtml).toContain('id="ref-1" href="#note-1"');
    expect(xhtml).toContain('<li id="note-1" epub:type="endnote" role="doc-endnote">');
    expect(xhtml).toContain('A &lt;note&gt; &amp; more <a href="#ref-1" role="doc-backlink"');
    expect(xhtml).toContain('<time datetime="2025-06-08">on 2025-06-08</time>');
    expect(xhtml).toContain('<a href="https://example.com/boats?a=1&amp;b=2">first to leave</a>');
    expect(xhtml).toContain('<em class="lost">lost link</em>');
  });

  it('escapes the five XML specials and keeps surrogate pairs whole', () => {
    expect(escapeXml(`<a href="x">'&'</a> 😀 \uD800`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt; 😀 ',
    );
  });
});
