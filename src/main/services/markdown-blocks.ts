/**
 * Converts markdown-it's CommonMark token stream into the article's block and inline model.
 * Raw HTML is disabled in the parser, so tags in a file arrive here as plain text.
 */
import MarkdownIt, { type Token } from 'markdown-it';
import type { Block, Inline, LinkTarget } from '../../shared/article';
import { removeInvisibleControls } from '../../shared/deceptive-text';
import { cutParagraph, MAX_PARAGRAPH_CHARS } from './long-paragraphs';
import { markdownSections } from './markdown-sections';

/** More blocks than this is not an article (a long book has about 20 000 paragraphs). */
export const MAX_BLOCKS = 500_000;
/** markdown-it's own tokens, a few per block, are capped too: they cost memory before we see them. */
const MAX_BLOCK_TOKENS = 3 * MAX_BLOCKS;
/** Past this many tokens in one paragraph the rest is read as plain text, in one step. */
const MAX_INLINE_TOKENS = 50_000;

/** Thrown when a file holds more blocks than an article can; the caller names the file. */
export class TooManyBlocks extends Error {
  constructor() {
    super(`more than ${MAX_BLOCKS / 1000}\u202f000 paragraphs, list items and other blocks`);
  }
}

// markdown-it stops nesting here instead of recursing, and drops what is deeper: capDepth keeps
// every line's nesting under it, so the words of a deeper part stay, in its deepest kept level.
const markdown = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false });
// Every link is read as one: classifyTarget decides what it may open. markdown-it's own check left
// `[text](javascript:…)` or `file:` links as raw brackets; they are now shown as blocked links.
markdown.validateLink = () => true;
markdown.options.maxNesting = 100;
/** A quote or list marker at a line's start (with what space comes before it). */
const MARKER = String.raw`[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))`;
/** A line's markers past the 24th (each opens one level, a list two) are dropped. */
const DEEP_MARKERS = new RegExp(`^((?:${MARKER}){24})(?:${MARKER})+`, 'gm');
/** A list item or quote indented past 40 columns (nested by indentation) moves back to 40; code
 * and text lines keep their indentation. */
const DEEP_INDENT = /^[ \t]{41,}(?=>|[-+*][ \t]|\d{1,9}[.)][ \t])/gm;
/** Either, anywhere: one pass over an ordinary text, which is then not copied. */
const DEEP = new RegExp(`${DEEP_MARKERS.source}|${DEEP_INDENT.source}`, 'm');

/** Nesting no article needs, flattened before markdown-it sees it: within its 100 levels. */
export const capDepth = (text: string): string =>
  DEEP.test(text) ? text.replace(DEEP_MARKERS, '$1 ').replace(DEEP_INDENT, ' '.repeat(40)) : text;

// Checked before every block: markdown-it keeps all block tokens at once, so the cost is capped
// where it is made, not after.
markdown.block.ruler.before('table', 'lectern_block_cap', (state) => {
  if (state.tokens.length > MAX_BLOCK_TOKENS) throw new TooManyBlocks();
  return false;
});
// Inline content is parsed as each block is read (below), so its tokens never all exist at once.
markdown.core.ruler.disable('inline');
// Thousands of emphasis markers or links in one paragraph: after the cap, the rest is text.
markdown.inline.ruler.before('text', 'lectern_inline_cap', (state, silent) => {
  if (silent || state.tokens.length < MAX_INLINE_TOKENS) return false;
  state.pending += state.src.slice(state.pos, state.posMax);
  state.pos = state.posMax;
  return true;
});

const WEB_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

type Env = Parameters<typeof markdown.parse>[1];

/** Text is parsed a section at a time: markdown-it's tokens for 20 MB at once would take gigabytes. */
const SECTION_CHARS = 64 * 1024;

/**
 * `endLines`, when given, receives the line after each top-level block (where the next may start);
 * the text is then read whole (the leading blocks' short chunks). `sectionChars` is for tests,
 * which cut as often as they can to show the cuts change nothing.
 */
export function parseMarkdownBlocks(
  text: string,
  endLines?: number[],
  sectionChars = SECTION_CHARS,
): Block[] {
  const ids = { next: 0 };
  const blocks: Block[] = [];
  const capped = capDepth(text);
  const sections = endLines ? [capped] : markdownSections(capped, sectionChars);
  for (const section of sections) {
    const env: Env = {};
    const tokens = markdown.parse(section, env);
    const reader = new BlockReader(tokens, ids, env);
    for (const block of reader.readUntil(null, endLines)) blocks.push(block);
  }
  return blocks;
}

/** Characters that can start inline Markdown (markdown-it's text rule stops at these). */
const INLINE_SYNTAX = /[\n!#$%&*+\-:<=>@[\\\]^_`{}~]/;

/** A block's inline content; plain text (all of some files) does not need the inline parser. */
function readInlineContent(content: string, env: Env): Inline[] {
  if (!INLINE_SYNTAX.test(content)) return content ? [{ type: 'text', text: content }] : [];
  const tokens: Token[] = [];
  markdown.inline.parse(content, markdown, env, tokens);
  return readInlines(tokens);
}

/** A paragraph, or an image block when an image is all it holds. */
export function paragraphBlock(children: Inline[], id: string): Block {
  const only = children.length === 1 ? children[0] : undefined;
  if (only?.type === 'image') return { type: 'image', id, alt: only.alt };
  return { type: 'paragraph', id, children };
}

/** One line of inline Markdown, as a paragraph holding only that line would read it. */
export function parseInlineLine(line: string): Inline[] {
  // The inline core rule is off (block tokens' content is read by readInlineContent): the same
  // here, after what markdown-it's normalize rule does to a line (NUL becomes U+FFFD).
  return readInlineContent(line.replace(/\0/g, '\uFFFD'), {});
}

/** Entities and backslash escapes as the reader shows them ("AT&amp;T" → "AT&T"). */
export const unescapeMarkdown = (text: string): string => markdown.utils.unescapeAll(text);

export function classifyTarget(href: string | null | undefined): LinkTarget {
  const raw = (href ?? '').trim();
  if (raw === '' || raw.startsWith('#')) return { kind: 'lost' };
  try {
    const url = new URL(raw);
    if (WEB_PROTOCOLS.has(url.protocol)) return { kind: 'web', url: url.href };
  } catch {
    // Relative or malformed: the page it pointed into is not here.
  }
  return { kind: 'blocked', raw };
}

class BlockReader {
  #i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly ids: { next: number },
    private readonly env: Env,
  ) {}

  /** Reads blocks until a closing token of the given type (or the end). */
  readUntil(closeType: string | null, endLines?: number[]): Block[] {
    const blocks: Block[] = [];
    while (this.#i < this.tokens.length) {
      const token = this.tokens[this.#i++]!;
      if (token.type === closeType) break;
      // A paragraph may be cut in several (long-paragraphs), each ending where it ends.
      const count = token.type === 'paragraph_open' ? this.paragraphs(blocks) : 0;
      const block = count ? null : this.readBlock(token);
      if (block) blocks.push(block);
      for (let k = block ? 1 : count; k > 0; k--) endLines?.push(token.map?.[1] ?? 0);
    }
    return blocks;
  }

  private readBlock(token: Token): Block | null {
    switch (token.type) {
      case 'heading_open':
        return this.heading(token);
      case 'bullet_list_open':
      case 'ordered_list_open':
        return this.list(token);
      case 'blockquote_open':
        return { type: 'quote', id: this.id(), children: this.readUntil('blockquote_close') };
      case 'fence':
      case 'code_block':
        return { type: 'code', id: this.id(), text: token.content.replace(/\n$/, '') };
      case 'hr':
        return { type: 'rule', id: this.id() };
      case 'html_block':
        return {
          type: 'paragraph',
          id: this.id(),
          children: [{ type: 'text', text: token.content }],
        };
      default:
        return null;
    }
  }

  /** The paragraph, or the parts a very long one is cut into, added to `blocks`; how many. */
  private paragraphs(blocks: Block[]): number {
    const inline = this.tokens[this.#i];
    // Its source is at least as long as its text: most paragraphs need no closer look.
    const long = inline?.type === 'inline' && inline.content.length > MAX_PARAGRAPH_CHARS;
    const children = this.inlineThen('paragraph_close');
    const parts = long ? cutParagraph(children) : [children];
    for (const part of parts) blocks.push(paragraphBlock(part, this.id()));
    return parts.length;
  }

  private heading(open: Token): Block {
    const level = Math.min(6, Math.max(1, Number(open.tag.slice(1)))) as 1 | 2 | 3 | 4 | 5 | 6;
    const children = this.inlineThen('heading_close');
    return { type: 'heading', id: this.id(), level, children };
  }

  private list(open: Token): Block {
    const ordered = open.type === 'ordered_list_open';
    const close = ordered ? 'ordered_list_close' : 'bullet_list_close';
    const start = Number(open.attrGet('start') ?? 1);
    const items: Block[][] = [];
    while (this.#i < this.tokens.length) {
      const token = this.tokens[this.#i++]!;
      if (token.type === close) break;
      if (token.type === 'list_item_open') items.push(this.readUntil('list_item_close'));
    }
    return {
      type: 'list',
      id: this.id(),
      ordered,
      start: Number.isFinite(start) ? start : 1,
      items,
    };
  }

  private inlineThen(closeType: string): Inline[] {
    const inline = this.tokens[this.#i];
    let children: Inline[] = [];
    if (inline?.type === 'inline') {
      children = readInlineContent(inline.content, this.env);
      this.#i++;
    }
    if (this.tokens[this.#i]?.type === closeType) this.#i++;
    return children;
  }

  private id(): string {
    if (this.ids.next >= MAX_BLOCKS) throw new TooManyBlocks();
    return `b${this.ids.next++}`;
  }
}

/** Formatting nested deeper than this is flattened: no article needs it, and deep trees overflow stacks. */
const MAX_INLINE_DEPTH = 24;
/**
 * Past this many formatted pieces in one paragraph the rest is plain text: no article has that many,
 * and a browser inserts each inline element into a paragraph at a cost that grows with the paragraph.
 */
const MAX_INLINE_ELEMENTS = 500;

type OpenInline = Inline & { children: Inline[] };

/** Builds the inline tree from markdown-it's flat open/close inline tokens. */
function readInlines(tokens: Token[]): Inline[] {
  const root: Inline[] = [];
  // `node` is null for an opener past the depth or element limit: its text joins the nearest kept parent.
  const stack: Array<{ close: string; node: OpenInline | null }> = [];
  const kept: OpenInline[] = [];
  let current = root;
  let linkDepth = 0;
  let budget = MAX_INLINE_ELEMENTS;
  /** Adds an element while the budget lasts; after that its text stands in for it. */
  const pushElement = (node: Inline, asText: string) => {
    if (budget-- > 0) current.push(node);
    else pushText(current, asText);
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
      case 'text_special':
      case 'html_inline':
        pushText(current, linkDepth > 0 ? removeInvisibleControls(token.content) : token.content);
        break;
      case 'softbreak':
        pushText(current, ' ');
        break;
      case 'hardbreak':
        pushElement({ type: 'break' }, ' ');
        break;
      case 'code_inline':
        pushElement({ type: 'code', text: token.content }, token.content);
        break;
      case 'image':
        pushElement({ type: 'image', alt: token.content }, token.content);
        break;
      case 'em_open':
      case 'strong_open':
      case 'link_open': {
        const close = token.type.replace('_open', '_close');
        if (token.type === 'link_open') linkDepth++;
        if (stack.length >= MAX_INLINE_DEPTH || budget-- <= 0) {
          stack.push({ close, node: null });
          break;
        }
        const node: OpenInline =
          token.type === 'link_open'
            ? {
                type: 'link',
                target: classifyTarget(String(token.attrGet('href') ?? '')),
                children: [],
              }
            : { type: token.type === 'em_open' ? 'emphasis' : 'strong', children: [] };
        current.push(node);
        stack.push({ close, node });
        kept.push(node);
        current = node.children;
        break;
      }
      case 'em_close':
      case 'strong_close':
      case 'link_close':
        if (stack.at(-1)?.close === token.type) {
          if (stack.pop()?.node) kept.pop();
          if (token.type === 'link_close') linkDepth--;
          current = kept.at(-1)?.children ?? root;
        }
        break;
    }
  }
  return root;
}

function pushText(into: Inline[], text: string) {
  const last = into.at(-1);
  if (last?.type === 'text') last.text += text;
  else into.push({ type: 'text', text });
}
