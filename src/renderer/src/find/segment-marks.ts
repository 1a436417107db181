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
 * Takes the marks out again, each merged straight into the text beside it: three node changes a
 * mark. mark.js's own `unmark` normalises the whole parent once per mark, so a paragraph with
 * twenty marks is walked twenty times; even once per parent, normalising makes twice the changes.
 * Where the reader's selection is, the parents are normalised, which keeps it where it was.
 */
export function removeMarks(element: HTMLElement) {
  const marks = element.querySelectorAll<HTMLElement>(`mark.${MATCH_CLASS}`);
  if (holdsSelection(element)) {
    const parents = new Set<Node>();
    for (const mark of marks) {
      if (mark.parentNode) parents.add(mark.parentNode);
      mark.replaceWith(...mark.childNodes);
    }
    for (const parent of parents) parent.normalize();
    return;
  }
  for (const mark of marks) {
    const text = mark.textContent ?? '';
    const before = mark.previousSibling;
    const after = mark.nextSibling;
    if (before instanceof Text) {
      before.appendData(after instanceof Text ? text + after.data : text);
      if (after instanceof Text) after.remove();
      mark.remove();
    } else if (after instanceof Text) {
      after.insertData(0, text);
      mark.remove();
    } else {
      mark.replaceWith(text);
    }
  }
}

function holdsSelection(element: HTMLElement): boolean {
  const selection = getSelection();
  return contains(element, selection?.anchorNode) || contains(element, selection?.focusNode);
}

const contains = (element: HTMLElement, node: Node | null | undefined) =>
  !!node && element.contains(node);

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
  if (!parent || contains(element, document.activeElement) || holdsSelection(element)) {
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
