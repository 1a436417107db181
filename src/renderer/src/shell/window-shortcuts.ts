/** The window's own keyboard shortcuts; where a native menu exists, its accelerators own them. */
export interface ShortcutActions {
  nativeMenu: boolean;
  open: () => void;
  openFolder: () => void;
  changeTextSize: (change: 1 | -1 | 0) => void;
  toggleDetails: () => void;
}

const TEXT_SIZE_KEYS: Record<string, 1 | -1 | 0> = { '+': 1, '=': 1, '-': -1, '0': 0 };

export function handleShortcut(event: KeyboardEvent, actions: ShortcutActions) {
  const mod = event.ctrlKey || event.metaKey;
  if (!mod || event.altKey || actions.nativeMenu) return;
  if (event.key.toLowerCase() === 'o') {
    event.preventDefault();
    if (event.shiftKey) actions.openFolder();
    else actions.open();
    return;
  }
  if (!event.shiftKey && event.key.toLowerCase() === 'i') {
    event.preventDefault();
    actions.toggleDetails();
    return;
  }
  const change = TEXT_SIZE_KEYS[event.key];
  if (change !== undefined) {
    event.preventDefault();
    actions.changeTextSize(change);
  }
}
