/**
 * Escape puts away the Details or Highlights sheet (below 700 px, where each covers the article,
 * app.css .end-sheet) that holds the focus, and gives the focus back to the button that opened it,
 * as the library's sheet does. Beside the article they stay until their button closes them.
 */
import { pressed } from './keys';

export const SHEET_WIDTH = '(width <= 700px)';

export interface SideSheet {
  /** The sheet's element (an ancestor of the focus when it is the one to close). */
  selector: string;
  close: () => void;
  /** The button that shows and hides it. */
  toggle: () => HTMLElement | null;
}

export function onSideSheetKey(event: KeyboardEvent, sheets: SideSheet[]) {
  if (!pressed(event, 'side-sheet-close') || event.defaultPrevented) return;
  if (!matchMedia(SHEET_WIDTH).matches || !(event.target instanceof Element)) return;
  // A dialog or menu opened from the sheet closes alone.
  if (event.target.closest('dialog, [role="menu"]')) return;
  const sheet = sheets.find(
    (each) => event.target instanceof Element && event.target.closest(each.selector),
  );
  if (!sheet) return;
  event.preventDefault();
  const toggle = sheet.toggle();
  sheet.close();
  toggle?.focus();
}
