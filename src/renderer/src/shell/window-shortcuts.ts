import { pressed } from './keys';

/** The window's own keyboard shortcuts; where a native menu exists, its accelerators own them. */
export interface ShortcutActions {
  nativeMenu: boolean;
  open: () => void;
  openFolder: () => void;
  changeTextSize: (change: 1 | -1 | 0) => void;
  toggleDetails: () => void;
}

export function handleShortcut(event: KeyboardEvent, actions: ShortcutActions) {
  if (actions.nativeMenu) return;
  const run: [boolean, () => void][] = [
    [pressed(event, 'open'), actions.open],
    [pressed(event, 'open-folder'), actions.openFolder],
    [pressed(event, 'toggle-details'), actions.toggleDetails],
    [pressed(event, 'text-larger'), () => actions.changeTextSize(1)],
    [pressed(event, 'text-smaller'), () => actions.changeTextSize(-1)],
    [pressed(event, 'text-default'), () => actions.changeTextSize(0)],
  ];
  const action = run.find(([hit]) => hit)?.[1];
  if (!action) return;
  event.preventDefault();
  action();
}
