/**
 * Character offsets in rendered text and back, so positions survive re-layout (resize, font size).
 * For an article element the reader built, they go through its ArticleText: offsets in the body
 * come from the model, and only the blocks a range touches are walked (or filled).
 */
import { articleBodyOf } from '../reader/article/article-body.svelte';
import { articleTextOf } from './article-text';
import { rangeOverNodes } from '../reader/text-range';

export function textNodes(root: Node): Text[] {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** The text of `root` as the offsets count it: its text nodes joined, in document order. */
export const plainText = (root: Node) =>
  articleTextOf(root)?.text ??
  textNodes(root)
    .map((node) => node.data)
    .join('');

/** The offset in `root`'s text of a DOM point inside it; null when the point is outside. */
export function offsetOf(root: Node, node: Node, offset: number): number | null {
  const article = articleTextOf(root);
  if (article) return article.offsetOf(node, offset);
  if (!root.contains(node)) return null;
  const range = document.createRange();
  range.selectNodeContents(root);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** A live Range over the text between two offsets of `root`; null when they are out of bounds. */
export function rangeFromOffsets(root: Node, start: number, end: number): Range | null {
  const article = articleTextOf(root);
  return article ? article.range(start, end) : rangeOverNodes(textNodes(root), start, end);
}

/** The text point at the top-left of the visible part of `scroller`, as block id + offset. */
export function positionAtTop(scroller: HTMLElement): { block: string; offset: number } | null {
  const box = scroller.getBoundingClientRect();
  const body = scroller.querySelector('.body');
  if (!body) return null;
  const left = body.getBoundingClientRect().left + 2;
  for (let y = box.top + 4; y < box.top + 120; y += 12) {
    const caret = document.caretPositionFromPoint?.(left, y);
    const element =
      caret?.offsetNode instanceof Element ? caret.offsetNode : caret?.offsetNode.parentElement;
    const block = element?.closest<HTMLElement>('[data-block]');
    if (caret && block?.dataset.block && body.contains(block)) {
      const offset = offsetOf(block, caret.offsetNode, caret.offset);
      return { block: block.dataset.block, offset: offset ?? 0 };
    }
  }
  return null;
}

/** Scrolls so the given text point sits at the top of `scroller`; false when it is gone. */
export function scrollToPosition(scroller: HTMLElement, block: string, offset: number): boolean {
  // A long article's block may be in a chunk not filled yet: the body fills it first.
  const element =
    articleBodyOf(scroller.querySelector('article'))?.element(block) ??
    scroller.querySelector(`[data-block="${CSS.escape(block)}"]`);
  if (!element) return false;
  const length = plainText(element).length;
  const at = Math.min(offset, length);
  const range = rangeFromOffsets(element, at, Math.min(at + 1, length));
  const rect = range?.getClientRects()[0] ?? element.getBoundingClientRect();
  scroller.scrollTop += rect.top - scroller.getBoundingClientRect().top - 4;
  return true;
}
