/**
 * The searchable parts of a rendered article, in reading order: the title, the byline line, the
 * lead caption and every leaf body block. Their text is read exactly as mark.js reads it, so an
 * offset in a segment's text is an offset mark.js understands.
 */

const SEGMENT_SELECTOR = 'h1, header p, figcaption, [data-block]';
/** Text under these is never searched (mark.js checks a text node's parent against this list). */
export const FIND_EXCLUDE = ['[hidden]', '[hidden] *', '[data-find-skip]', '[data-find-skip] *'];
const EXCLUDED = [...FIND_EXCLUDE, 'script', 'style'].join(', ');

export function articleSegments(article: HTMLElement): HTMLElement[] {
  const candidates = [...article.querySelectorAll<HTMLElement>(SEGMENT_SELECTOR)];
  // Quotes and lists hold blocks of their own: only the innermost blocks are segments. In
  // document order a block's inner blocks come right after it.
  return candidates.filter(
    (element, index) =>
      !element.contains(candidates[index + 1] ?? null) && !element.matches(EXCLUDED),
  );
}

export function segmentText(segment: HTMLElement): string {
  const walker = document.createTreeWalker(segment, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent && !parent.matches(EXCLUDED)) text += node.nodeValue ?? '';
  }
  return text;
}
