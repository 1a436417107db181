/**
 * Tab from the article itself (the scroller has the focus when an article opens, so the keys
 * scroll it) goes to the first link or button in view, not to the first in the text: that may be
 * far below (often the "Open the original" footer), and the jump there lost the reader's place.
 * With none in view the focus leaves the article for what follows it, and the page stays put.
 */
const TABBABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function tabbables(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (element) => element.tabIndex >= 0 && !element.closest('[inert]') && element.checkVisibility(),
  );
}

/** Attachment for the article's scroller. */
export function tabFromArticle(scroller: HTMLElement) {
  const onKeydown = (event: KeyboardEvent) => tabOnward(event, scroller);
  scroller.addEventListener('keydown', onKeydown);
  return () => scroller.removeEventListener('keydown', onKeydown);
}

function tabOnward(event: KeyboardEvent, scroller: HTMLElement) {
  if (event.key !== 'Tab' || event.shiftKey || event.target !== scroller) return;
  const view = scroller.getBoundingClientRect();
  const inView = tabbables(scroller).find((element) => {
    const box = element.getBoundingClientRect();
    return box.bottom > view.top && box.top < view.bottom;
  });
  const after = tabbables(document).find(
    (element) =>
      !scroller.contains(element) &&
      scroller.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING,
  );
  const target = inView ?? after ?? tabbables(document)[0];
  if (!target) return;
  event.preventDefault();
  target.focus();
}
