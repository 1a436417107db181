/**
 * An article's first few blocks without parsing the whole file: the library reads every header of
 * a 50 000-article folder, and markdown-it's block parser costs ~50 µs on a short chunk. A line
 * between blank lines is read here when it is plain text, `[name](#)` links and `**bold**` (most
 * headers); another single line that starts no other kind of block is a paragraph, whose inline
 * content alone goes to markdown-it; anything else goes to it whole, one blank-line chunk at a time. Blank lines end paragraphs and
 * headings, and the header stops at the first block of any other kind, so parsing chunk by chunk
 * gives the header the same blocks as a parse of the whole file: a test checks both agree.
 */
import type { Block, Inline } from '../../shared/article';
import { removeInvisibleControls } from '../../shared/deceptive-text';
import {
  classifyTarget,
  paragraphBlock,
  parseInlineLine,
  parseMarkdownBlocks,
} from './markdown-blocks';

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
const PLAIN_EDGE = String.raw`[^\s\\\`*_<[\]!&\0]`;
const LINK_TARGET = String.raw`(?:#|https?://[A-Za-z0-9.-]+(?:/[A-Za-z0-9._~/-]*)?)`;
/** `**bold**` between spaces (or the line's ends): strong emphasis by markdown-it's every rule. */
const STRONG = String.raw`(?<=^|[ \t])\*\*(${PLAIN_EDGE}(?:${PLAIN}*${PLAIN_EDGE})?)\*\*(?=$|[ \t])`;
/** A link to `#` or a simple web address. */
const LINK = String.raw`\[(${PLAIN}+)\]\((${LINK_TARGET})\)`;
/**
 * One piece of plain text, a simple link or bold text: a byline's "[Reuters](#)", a caption's
 * "**Photo: AP**". A `!` not before `[` and an `&` not starting an entity are plain text too.
 */
const PIECE = new RegExp(String.raw`((?:${PLAIN}|!(?!\[)|&(?![#A-Za-z]))+)|${LINK}|${STRONG}`, 'y');

export function leadingBlocks(text: string): LeadingBlocks {
  const blocks: Block[] = [];
  const ends: number[] = [];
  // The quick look first: the pattern is a scan of every line, and nearly no article has one.
  const whole = text.includes(']:') && DEFINITION.test(text);
  if (whole) {
    const lines: number[] = [];
    blocks.push(...parseMarkdownBlocks(text, lines));
    ends.push(...lines.map((line) => offsetOfLine(text, 0, line)));
  }
  let chunkStart = whole ? text.length : 0;
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
    // Only the end is trimmed: how a line starts decides what block it is.
    const quick = oneLine ? quickBlock(chunk.replace(/[ \t\r\n]+$/, '')) : null;
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

/** markdown-it trims blocks of ASCII spaces only: a no-break space at a line's start stays. */
const asciiTrim = (text: string) => text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');

/** The offset of line `line` counted from `from`. */
function offsetOfLine(text: string, from: number, line: number): number {
  let at = from;
  for (let k = 0; k < line && at < text.length; k++) {
    const next = text.indexOf('\n', at);
    at = next === -1 ? text.length : next + 1;
  }
  return at;
}

/** The block of a one-line chunk, read without markdown-it's block parser when it is plain. */
function quickBlock(line: string): Block | null {
  const heading = HEADING.exec(line);
  if (heading) {
    const content = asciiTrim(heading[2] ?? '');
    if (content.endsWith('#')) return null;
    const children = quickInline(content);
    const level = heading[1]!.length as 1 | 2 | 3 | 4 | 5 | 6;
    return children && { type: 'heading', id: '', level, children };
  }
  if (NOT_PARAGRAPH.test(line)) return null;
  // A line that starts nothing else is a paragraph: only its inline content needs reading.
  const content = asciiTrim(line);
  return paragraphBlock(quickInline(content) ?? parseInlineLine(content), '');
}

/** The inline content, when it is made only of the pieces above; else null (markdown-it's turn). */
function quickInline(content: string): Inline[] | null {
  const inlines: Inline[] = [];
  for (PIECE.lastIndex = 0; PIECE.lastIndex < content.length;) {
    const piece = PIECE.exec(content);
    if (!piece) return null;
    const [, text, label, href, strong] = piece;
    if (text !== undefined) inlines.push({ type: 'text', text });
    else if (strong !== undefined) {
      inlines.push({ type: 'strong', children: [{ type: 'text', text: strong }] });
    } else {
      inlines.push({
        type: 'link',
        target: classifyTarget(href),
        children: [{ type: 'text', text: removeInvisibleControls(label!) }],
      });
    }
  }
  return inlines;
}
