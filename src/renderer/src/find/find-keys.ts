/** The find bar's keyboard: window shortcuts, the bar's option shortcuts, the search box's keys. */
import type { FindOption, FindState } from './FindState.svelte';
import { isTyping, pressed } from '../shell/keys';

/** Ctrl/Cmd+F (unless a native menu owns it), `/` outside text fields, F3 / Shift+F3. */
export function onWindowKey(find: FindState, event: KeyboardEvent, nativeMenu: boolean) {
  if (pressed(event, 'find')) {
    if (nativeMenu) return;
    event.preventDefault();
    find.openBar();
  } else if (pressed(event, 'find-slash') && !isTyping(event.target)) {
    event.preventDefault();
    find.openBar();
  } else if (pressed(event, 'find-next') || pressed(event, 'find-previous')) {
    event.preventDefault();
    if (!find.open) find.openBar();
    else if (event.shiftKey) find.previous();
    else find.next();
  }
}

const OPTION_COMMANDS = [
  ['find-match-case', 'matchCase'],
  ['find-whole-word', 'wholeWord'],
  ['find-regex', 'regex'],
] as const satisfies readonly (readonly [string, FindOption])[];

/** Anywhere in the bar: Alt+C / Alt+W / Alt+R toggle options, Escape closes. */
export function onBarKey(find: FindState, event: KeyboardEvent) {
  const option = OPTION_COMMANDS.find(([id]) => pressed(event, id))?.[1];
  if (option) {
    event.preventDefault();
    find.toggle(option);
  } else if (pressed(event, 'find-close')) {
    event.preventDefault();
    find.close();
  }
}

/** In the search box: Enter / Shift+Enter move between matches, ↑ / ↓ recall earlier searches. */
export function onSearchboxKey(find: FindState, event: KeyboardEvent) {
  const actions = [
    ['find-next-in-box', find.next],
    ['find-previous-in-box', find.previous],
    ['find-recall-previous', find.recallPrevious],
    ['find-recall-next', find.recallNext],
  ] as const;
  const action = actions.find(([id]) => pressed(event, id))?.[1];
  if (!action) return;
  event.preventDefault();
  action();
}
