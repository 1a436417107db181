/**
 * A plain click on a highlight in the article opens it (the drawer at its entry), as an e-reader's
 * click opens a highlight's menu. A click that ends a selection, follows a link or has a modifier
 * does what it did; so does a double-click: the opening waits out the time a double-click's second
 * press comes in, since the drawer beside the article reflows its text under the pointer.
 */
import type { HighlightsState } from './HighlightsState.svelte';

/** What a click acts on itself, so a highlight under it is not opened. */
const INTERACTIVE = 'a[href], button, input, select, textarea, summary, [role="button"]';

/** Most double-clicks' second press comes within this (systems allow up to 500 ms). */
export const DOUBLE_CLICK_MS = 300;

/** Listens on the article's scroller; returns the function that stops listening. */
export function openHighlightsOnClick(
  scroller: HTMLElement,
  highlights: HighlightsState,
  onOpen: (id: string) => void,
): () => void {
  let waiting: ReturnType<typeof setTimeout> | undefined;
  const onClick = (event: MouseEvent) => {
    const modified = event.altKey || event.ctrlKey || event.metaKey || event.shiftKey;
    if (event.button !== 0 || event.detail > 1 || modified || event.defaultPrevented) return;
    if (!getSelection()?.isCollapsed || !(event.target instanceof Element)) return;
    if (event.target.closest(INTERACTIVE)) return;
    const id = highlights.highlightAt(event.clientX, event.clientY);
    if (!id) return;
    clearTimeout(waiting);
    waiting = setTimeout(() => onOpen(id), DOUBLE_CLICK_MS);
  };
  // A second press is a double-click's: it selects a word, and nothing opens.
  const onPress = (event: MouseEvent) => {
    if (event.detail > 1) clearTimeout(waiting);
  };
  scroller.addEventListener('click', onClick);
  scroller.addEventListener('mousedown', onPress);
  return () => {
    clearTimeout(waiting);
    scroller.removeEventListener('click', onClick);
    scroller.removeEventListener('mousedown', onPress);
  };
}
