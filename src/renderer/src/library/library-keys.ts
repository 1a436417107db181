/** J/K and Alt+↑/↓ step through the library while reading; never while typing or in a list. */
export function isLibraryStep(event: KeyboardEvent): 1 | -1 | 0 {
  const target = event.target as HTMLElement | null;
  const typing = target?.closest('input, textarea, select, [contenteditable="true"]') !== null;
  // In a form control Alt+↓ opens its picker (a select, a date field): it is not a step.
  if (event.altKey && !event.ctrlKey && !event.metaKey && !typing) {
    if (event.key === 'ArrowDown') return 1;
    if (event.key === 'ArrowUp') return -1;
    return 0;
  }
  if (typing || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return 0;
  // In a listbox, letters are type-ahead.
  if (target?.closest('[role="listbox"]')) return 0;
  if (event.key === 'j') return 1;
  if (event.key === 'k') return -1;
  return 0;
}
