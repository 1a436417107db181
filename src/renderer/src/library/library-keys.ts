import { isTyping, pressed } from '../shell/keys';

/** J/K and Alt+↑/↓ step through the library while reading; never while typing or in a list. */
export function isLibraryStep(event: KeyboardEvent): 1 | -1 | 0 {
  // In a form control Alt+↓ opens its picker (a select, a date field): it is not a step.
  if (isTyping(event.target)) return 0;
  if (pressed(event, 'library-next-alt')) return 1;
  if (pressed(event, 'library-previous-alt')) return -1;
  // In a listbox, letters are type-ahead.
  if ((event.target as Element | null)?.closest?.('[role="listbox"]')) return 0;
  if (pressed(event, 'library-next')) return 1;
  if (pressed(event, 'library-previous')) return -1;
  return 0;
}
