/**
 * Where a highlighted range crosses from one block of the page to the next, as offsets in its
 * quote: the quote joins its text nodes as the offsets count them, with nothing between blocks.
 */

/** What the reader sees as a separate block of text: paragraphs, headings, items, the byline's parts. */
const BLOCK =
  'p, li, h1, h2, h3, h4, h5, h6, figcaption, pre, blockquote, dt, dd, td, th, .meta > span';

/** The breaks in `range`, whose quote is `quoteLength` long; none if its text is not that quote's. */
export function quoteBreaks(range: Range, quoteLength: number): number[] {
  const walker = document.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  // Walked from the range's start to its end only, not over all its container holds (a chunk).
  walker.currentNode = range.startContainer;
  const breaks: number[] = [];
  let length = 0;
  let block: Element | null | undefined;
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    if (!(node instanceof Text)) continue;
    if (!range.intersectsNode(node)) {
      if (length > 0) break;
      continue;
    }
    const from = node === range.startContainer ? range.startOffset : 0;
    const to = node === range.endContainer ? range.endOffset : node.data.length;
    if (to <= from) continue;
    const own = node.parentElement?.closest(BLOCK) ?? null;
    // Text between blocks (a space in a list) is not a block of its own.
    if (own !== block && length > 0 && node.data.trim()) breaks.push(length);
    if (node.data.trim()) block = own;
    length += to - from;
  }
  return length === quoteLength ? breaks : [];
}
