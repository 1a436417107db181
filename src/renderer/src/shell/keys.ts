/** The window's side of the keymap: whether a key event is one of a command's keys. */
import { matchesKeys } from '../../../shared/key-accelerator';
import { keyCommand, type KeyCommandId } from '../../../shared/keymap';

export function pressed(event: KeyboardEvent, id: KeyCommandId): boolean {
  const command = keyCommand(id);
  return matchesKeys(event, command.keys, command.anyShift);
}

/** In a text field keys type: single-key shortcuts stay out of its way. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select') !== null;
}
