/** The find bar's keyboard: window shortcuts, the bar's option shortcuts, the search box's keys. */
import type { FindOption, FindState } from './FindState.svelte';

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.matches('input, textarea, select');
}

/** Ctrl/Cmd+F (unless a native menu owns it), `/` outside text fields, F3 / Shift+F3. */
export function onWindowKey(find: FindState, event: KeyboardEvent, nativeMenu: boolean) {
  const mod = event.ctrlKey || event.metaKey;
  if (mod && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'f') {
    if (nativeMenu) return;
    event.preventDefault();
    find.openBar();
  } else if (event.key === '/' && !mod && !event.altKey && !isTextField(event.target)) {
    event.preventDefault();
    find.openBar();
  } else if (event.key === 'F3' && !mod && !event.altKey) {
    event.preventDefault();
    if (!find.open) find.openBar();
    else if (event.shiftKey) find.previous();
    else find.next();
  }
}

// By physical key, so Alt+C works on layouts where Alt changes the character (macOS).
const OPTION_KEYS: Record<string, FindOption> = {
  KeyC: 'matchCase',
  KeyW: 'wholeWord',
  KeyR: 'regex',
};

/** Anywhere in the bar: Alt+C / Alt+W / Alt+R toggle options, Escape closes. */
export function onBarKey(find: FindState, event: KeyboardEvent) {
  const option = OPTION_KEYS[event.code];
  if (event.altKey && !event.ctrlKey && !event.metaKey && option) {
    event.preventDefault();
    find.toggle(option);
  } else if (event.key === 'Escape') {
    event.preventDefault();
    find.close();
  }
}

/** In the search box: Enter / Shift+Enter move between matches, ↑ / ↓ recall earlier searches. */
export function onSearchboxKey(find: FindState, event: KeyboardEvent) {
  if (event.key === 'Enter') {
    event.preventDefault();
    if (event.shiftKey) find.previous();
    else find.next();
  } else if (event.key === 'ArrowUp') {
    event.preventDefault();
    find.recallPrevious();
  } else if (event.key === 'ArrowDown') {
    event.preventDefault();
    find.recallNext();
  }
}
