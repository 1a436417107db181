/**
 * The marks in one segment's element: drawn by mark.js, taken out again with one text merge per
 * parent, and both done with the element out of the page when it is not where the view is anchored.
 */
import type Mark from 'mark.js';
import { FIND_EXCLUDE } from './article-segments';

export const MATCH_CLASS = 'find-match';

/** A match in a segment's text, with its number among all the matches. */
export interface NumberedRange extends Mark.Range {
  index: number;
}

/** Wraps each range in a `<mark>` that carries its match's number (`data-find-match`). */
export function drawMarks(MarkJs: typeof Mark, element: HTMLElement, ranges: NumberedRange[]) {
  new MarkJs(element).markRanges(ranges, {
    className: MATCH_CLASS,
    exclude: FIND_EXCLUDE,
    each: (mark, range) => {
      (mark as HTMLElement).dataset.findMatch = String((range as NumberedRange).index);
    },
  });
}

/**
 * Takes the marks out again. mark.js's own `unmark` merges the text around each mark in a step of
 * its own, so a paragraph with twenty marks is walked twenty times; here it is walked once.
 */
export function removeMarks(element: HTMLElement) {
  const parents = new Set<Node>();
  for (const mark of element.querySelectorAll(`mark.${MATCH_CLASS}`)) {
    if (mark.parentNode) parents.add(mark.parentNode);
    mark.replaceWith(...mark.childNodes);
  }
  for (const parent of parents) parent.normalize();
}

export const inPlace = (_element: HTMLElement, change: () => void) => change();

/**
 * Runs `change` with the element taken out of the page for the moment. Marking splits and wraps
 * text nodes one by one, and a change to a node in the page costs the browser bookkeeping for
 * the page's layout that a detached node does not: half the work for a common word's marks.
 * Nothing is laid out meanwhile, so nothing moves. An element holding the focus or the selection
 * stays where it is; so must the one the view is anchored to (the caller knows which that is).
 */
export function offPage(element: HTMLElement, change: () => void): void {
  const parent = element.parentNode;
  const selection = getSelection();
  const holds = (node: Node | null | undefined) => !!node && element.contains(node);
  if (
    !parent ||
    holds(document.activeElement) ||
    holds(selection?.anchorNode) ||
    holds(selection?.focusNode)
  ) {
    return change();
  }
  const next = element.nextSibling;
  element.remove();
  try {
    change();
  } finally {
    parent.insertBefore(element, next);
  }
}
