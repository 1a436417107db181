/**
 * The text of an article element as its text nodes would read joined, with the body's part taken
 * from the model (article-body): highlights count offsets in it, and a range over a few blocks
 * needs only those blocks' chunks filled and walked, not the whole article's text nodes.
 */
import { articleBodyOf, type ArticleBody } from '../reader/article/article-body.svelte';
import { blockText } from '../reader/article/block-text';

export interface TextPoint {
  node: Node;
  offset: number;
}

export class ArticleText {
  readonly #root: HTMLElement;
  readonly #body: ArticleBody;
  #prefix: string | null = null;

  constructor(root: HTMLElement, body: ArticleBody) {
    this.#root = root;
    this.#body = body;
  }

  /** Text before the body (title, byline, caption): it does not change while the article is open. */
  get #before(): string {
    return (this.#prefix ??= textIn(this.#root, (node) => this.#isBefore(node)));
  }

  /** Text after the body: the original URL's footer arrives with a long article's last piece. */
  get #after(): string {
    return textIn(this.#root, (node) => this.#isAfter(node));
  }

  get #bodyLength(): number {
    return this.#body.textStart(this.#body.blocks.length);
  }

  get text(): string {
    const blocks = this.#body.blocks;
    let body = '';
    for (const block of blocks) body += blockText(block);
    return this.#before + body + this.#after;
  }

  /** The offset in the text of a point in the article; null when it is outside it. */
  offsetOf(node: Node, offset: number): number | null {
    if (!this.#root.contains(node)) return null;
    const container = this.#body.container;
    if (this.#isBefore(node)) return rangeText(this.#root, null, node, offset);
    if (!container.contains(node)) {
      return this.#before.length + this.#bodyLength + rangeText(container, 'after', node, offset);
    }
    const top = this.#body.topBlockOf(node);
    if (!top) return this.#before.length;
    const start = this.#body.textStart(top.index);
    return this.#before.length + start + rangeText(top.element, null, node, offset);
  }

  /** A live range over the text between two offsets; every chunk it crosses is filled first. */
  range(start: number, end: number): Range | null {
    const from = this.#pointAt(start, false);
    const to = this.#pointAt(end, true);
    if (!from || !to) return null;
    const before = this.#before.length;
    const last = this.#body.blocks.length - 1;
    const first = this.#body.blockAt(Math.max(0, start - before));
    for (let index = first; index <= Math.min(last, this.#body.blockAt(end - before)); index++) {
      const chunk = this.#body.chunkOf(index);
      if (chunk) this.#body.topElement(chunk.end - 1);
      if (chunk) index = chunk.end - 1;
    }
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  }

  /** Where an offset of the text is in the page (its chunk filled first); null past the end. */
  #pointAt(offset: number, end: boolean): TextPoint | null {
    const before = this.#before.length;
    // An offset where the body starts is the body's first character, unless it ends a range.
    if (offset < before || (offset === before && end))
      return pointIn(this.#root, offset, end, (n) => this.#isBefore(n));
    const inBody = offset - before;
    if (inBody <= this.#bodyLength && this.#body.blocks.length > 0) {
      const index = this.#body.blockAt(end ? Math.max(0, inBody - 1) : inBody);
      const element = this.#body.topElement(index);
      if (element) return pointIn(element, inBody - this.#body.textStart(index), end, () => true);
    }
    return pointIn(this.#root, offset - before - this.#bodyLength, end, (n) => this.#isAfter(n));
  }

  #isBefore(node: Node): boolean {
    const container = this.#body.container;
    return (
      !!(container.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING) &&
      !container.contains(node)
    );
  }

  #isAfter(node: Node): boolean {
    const container = this.#body.container;
    return (
      !!(container.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) &&
      !container.contains(node)
    );
  }
}

const texts = new WeakMap<Element, ArticleText>();

/** The text of an article element whose body the reader built; null for any other element. */
export function articleTextOf(root: Node): ArticleText | null {
  if (!(root instanceof HTMLElement)) return null;
  const body = articleBodyOf(root);
  if (!body) return null;
  let text = texts.get(root);
  if (!text) texts.set(root, (text = new ArticleText(root, body)));
  return text;
}

function textIn(root: Node, accept: (node: Node) => boolean): string {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (accept(node)) text += (node as Text).data;
  }
  return text;
}

/** The length of the text from the start of `root` (or from after `root` when 'after') to a point. */
function rangeText(root: Node, from: 'after' | null, node: Node, offset: number): number {
  const range = document.createRange();
  if (from === 'after') range.setStartAfter(root);
  else range.setStart(root, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

function pointIn(
  root: Node,
  offset: number,
  end: boolean,
  accept: (node: Node) => boolean,
): TextPoint | null {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!accept(node)) continue;
    const length = (node as Text).data.length;
    if (offset < seen + length || (end && offset === seen + length))
      return { node, offset: offset - seen };
    seen += length;
  }
  return null;
}
