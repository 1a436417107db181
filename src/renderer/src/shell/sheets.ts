/**
 * Escape puts away the sheet over the article that holds the focus, and gives the focus back to
 * the button that opened it: the library below 900 px, Details and Highlights below 700 px
 * (app.css .end-sheet). Wider, each is a panel beside the article and stays until its button
 * closes it. One handler, on the element that holds all three, serves them.
 */
import { pressed } from './keys';

/** Below this the library is a sheet over the article's start (LibraryPanel's CSS). */
export const LIBRARY_SHEET = '(width <= 900px)';
/** Below this Details and Highlights are sheets over its end (app.css .end-sheet). */
export const END_SHEET = '(width <= 700px)';

export interface Sheet {
  /** The sheet's element: an ancestor of the focus when it is the one to close. */
  selector: string;
  /** Where it is a sheet rather than a panel beside the article (a media query). */
  narrow: string;
  close: () => void;
  /** The button that shows and hides it. */
  toggle: () => HTMLElement | null;
}

/**
 * Attachment for Details and Highlights: opened where they are sheets, they take the focus, as the
 * article under them is inert (App) and the focus would otherwise fall to the page.
 */
export function focusAsSheet(sheet: HTMLElement) {
  if (matchMedia(END_SHEET).matches && !sheet.contains(document.activeElement)) {
    sheet.focus({ preventScroll: true });
  }
}

export function onSheetKey(event: KeyboardEvent, sheets: Sheet[]) {
  const target = event.target;
  if (!pressed(event, 'sheet-close') || event.defaultPrevented) return;
  if (!(target instanceof Element)) return;
  // A search box's Escape empties it first; a dialog or menu opened from the sheet closes alone.
  if (target instanceof HTMLInputElement && target.value) return;
  if (target.closest('dialog, [role="menu"]')) return;
  const sheet = sheets.find(
    (each) => target.closest(each.selector) && matchMedia(each.narrow).matches,
  );
  if (!sheet) return;
  event.preventDefault();
  const toggle = sheet.toggle();
  sheet.close();
  toggle?.focus();
}
