/**
 * An article's first few blocks without parsing the whole file: the library reads every header of
 * a 50 000-article folder, and markdown-it costs ~15 µs a call even on one short line. Lines
 * between blank lines are read here when they are plain text and `[name](#)` links (most headers);
 * anything else goes to markdown-it, one blank-line chunk at a time. Blank lines end paragraphs and
 * headings, and the header stops at the first block of any other kind, so parsing chunk by chunk
 * gives the header the same blocks as a parse of the whole file: a test checks both agree.
 */
import type { Block, Inline } from '../../shared/article';
import { removeInvisibleControls } from '../../shared/deceptive-text';
import { classifyTarget, parseMarkdownBlocks } from './markdown-blocks';

export interface LeadingBlocks {
  /** The i-th block of the article, read on first request. */
  blockAt(index: number): Block | undefined;
  /** Where the text after the i-th block starts. */
  endOf(index: number): number;
}

/** A link reference definition makes links anywhere depend on the whole file: parse it whole. */
const DEFINITION = /^ {0,3}\[[^\n]*\]:/m;
const BLANK_LINE = /[ \t]*(?:\n|$)/y;
const NEXT_BLANK_LINE = /\n[ \t]*(?:\n|$)/g;
/** Lines that may start something other than a paragraph: headings are read below, these not. */
const NOT_PARAGRAPH = /^(?:[ \t>#\-+*=_~`<]|\d{1,9}[.)](?:[ \t]|$))/;
const HEADING = /^(#{1,6})(?:[ \t]+(.*))?$/;
/** Characters markdown-it reads as plain text wherever they stand. */
const PLAIN = String.raw`[^\\\`*_<[\]!&\0\n]`;
/** Plain text, and links to `#` or a simple web address. */
const SIMPLE_INLINE = new RegExp(
  String.raw`^(?:${PLAIN}|!(?!\[)|&(?![#A-Za-z])|\[${PLAIN}+\]\((?:#|https?://[A-Za-z0-9.-]+(?:/[A-Za-z0-9._~/-]*)?)\))*$`,
);
const LINK = /\[([^\]]+)\]\(([^)]*)\)/g;

export function leadingBlocks(text: string): LeadingBlocks {
  const blocks: Block[] = [];
  const ends: number[] = [];
  if (DEFINITION.test(text)) {
    const lines: number[] = [];
    blocks.push(...parseMarkdownBlocks(text, lines));
    ends.push(...lines.map((line) => offsetOfLine(text, 0, line)));
  }
  let chunkStart = blocks.length ? text.length : 0;
  const readChunk = () => {
    // Blank lines before the chunk are skipped; a chunk runs to the next blank line.
    for (BLANK_LINE.lastIndex = chunkStart; chunkStart < text.length;) {
      if (!BLANK_LINE.test(text)) break;
      chunkStart = BLANK_LINE.lastIndex;
    }
    if (chunkStart >= text.length) return false;
    NEXT_BLANK_LINE.lastIndex = chunkStart;
    const blank = NEXT_BLANK_LINE.exec(text);
    const chunkEnd = blank ? blank.index + 1 : text.length;
    const chunk = text.slice(chunkStart, chunkEnd);
    const oneLine = chunk.indexOf('\n') === -1 || chunk.indexOf('\n') === chunk.length - 1;
    const quick = oneLine ? quickBlock(chunk.trimEnd()) : null;
    if (quick) {
      blocks.push(quick);
      ends.push(chunkEnd);
    } else {
      const lines: number[] = [];
      blocks.push(...parseMarkdownBlocks(chunk, lines));
      ends.push(...lines.map((line) => offsetOfLine(text, chunkStart, line)));
    }
    chunkStart = chunkEnd;
    return true;
  };
  return {
    blockAt(index) {
      while (blocks.length <= index && readChunk());
      return blocks[index];
    },
    endOf(index) {
      return index < 0 ? 0 : (ends[index] ?? text.length);
    },
  };
}

/** The offset of line `line` counted from `from`. */
function offsetOfLine(text: string, from: number, line: number): number {
  let at = from;
  for (let k = 0; k < line && at < text.length; k++) {
    const next = text.indexOf('\n', at);
    at = next === -1 ? text.length : next + 1;
  }
  return at;
}

/** The block of a one-line chunk, when it is plain enough to read without markdown-it. */
function quickBlock(line: string): Block | null {
  const heading = HEADING.exec(line);
  if (heading) {
    const content = (heading[2] ?? '').trim();
    if (content.endsWith('#')) return null;
    const children = quickInline(content);
    const level = heading[1]!.length as 1 | 2 | 3 | 4 | 5 | 6;
    return children && { type: 'heading', id: '', level, children };
  }
  if (NOT_PARAGRAPH.test(line)) return null;
  const children = quickInline(line.trim());
  return children && { type: 'paragraph', id: '', children };
}

function quickInline(content: string): Inline[] | null {
  if (!SIMPLE_INLINE.test(content)) return null;
  const inlines: Inline[] = [];
  let at = 0;
  for (const link of content.matchAll(LINK)) {
    if (link.index > at) inlines.push({ type: 'text', text: content.slice(at, link.index) });
    const href = link[2]!;
    inlines.push({
      type: 'link',
      target: classifyTarget(href),
      children: [{ type: 'text', text: removeInvisibleControls(link[1]!) }],
    });
    at = link.index + link[0].length;
  }
  if (at < content.length) inlines.push({ type: 'text', text: content.slice(at) });
  return inlines;
}
