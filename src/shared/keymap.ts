/**
 * Every keyboard shortcut of the app, in one place: the window's handlers look their keys up
 * here, the native menu takes its accelerators from here, and a test holds the README's
 * "Keyboard" table to it (one row there per row here, the same words).
 *
 * Keys are written as Electron accelerators: `CmdOrCtrl` is Cmd on macOS and Ctrl elsewhere (the
 * window accepts either, as it always has), `Plus` is the + key, letters match either case.
 */

/** Where a command applies; `browser` keys are Chromium's own, listed so the table is whole. */
export type KeyScope =
  | 'window'
  | 'reading'
  | 'find bar'
  | 'find box'
  | 'library list'
  | 'library search'
  | 'sheet'
  | 'popover'
  | 'details divider'
  | 'browser';

export interface KeyCommand {
  readonly id: string;
  readonly keys: readonly string[];
  readonly where: KeyScope;
  /** Shift does not change the command (it types the symbol, or the old handler ignored it). */
  readonly anyShift?: boolean;
  /** The native menu owns these keys where it exists; its accelerator is the first key. */
  readonly menu?: boolean;
}

/** One row of the README's Keyboard table: its two cells, and the commands it describes. */
export interface KeymapRow {
  readonly keys: string;
  readonly action: string;
  readonly commands: readonly KeyCommand[];
}

const LIST_MOVES = ['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End'] as const;
const withModifier = (modifier: string) => LIST_MOVES.map((key) => `${modifier}+${key}`);

export const KEYMAP = [
  {
    keys: 'Ctrl/Cmd+O',
    action: 'Open an article',
    commands: [{ id: 'open', keys: ['CmdOrCtrl+O'], where: 'window', menu: true }],
  },
  {
    keys: 'Ctrl/Cmd+Shift+O',
    action: 'Open a folder as a library',
    commands: [{ id: 'open-folder', keys: ['CmdOrCtrl+Shift+O'], where: 'window', menu: true }],
  },
  {
    keys: 'Ctrl/Cmd+P',
    action: 'Print the article',
    // No handler in the window: the menu prints, and in a browser Chromium's own Ctrl+P does.
    commands: [{ id: 'print', keys: ['CmdOrCtrl+P'], where: 'window', menu: true }],
  },
  {
    keys: 'Ctrl/Cmd+F, or /',
    action: 'Find in the article',
    commands: [
      { id: 'find', keys: ['CmdOrCtrl+F'], where: 'window', menu: true },
      { id: 'find-slash', keys: ['/'], where: 'reading', anyShift: true },
    ],
  },
  {
    keys: 'Enter / F3, ↓ button',
    action: 'Next match',
    commands: [
      { id: 'find-next-in-box', keys: ['Enter'], where: 'find box' },
      { id: 'find-next', keys: ['F3'], where: 'window' },
    ],
  },
  {
    keys: 'Shift+Enter / Shift+F3, ↑',
    action: 'Previous match',
    commands: [
      { id: 'find-previous-in-box', keys: ['Shift+Enter'], where: 'find box' },
      { id: 'find-previous', keys: ['Shift+F3'], where: 'window' },
    ],
  },
  {
    keys: 'Alt+C / Alt+W / Alt+R',
    action: 'Match case / whole word / regular expression',
    commands: [
      { id: 'find-match-case', keys: ['Alt+C'], where: 'find bar', anyShift: true },
      { id: 'find-whole-word', keys: ['Alt+W'], where: 'find bar', anyShift: true },
      { id: 'find-regex', keys: ['Alt+R'], where: 'find bar', anyShift: true },
    ],
  },
  {
    keys: '↑ / ↓ in the search box',
    action: 'Earlier searches',
    commands: [
      { id: 'find-recall-previous', keys: ['ArrowUp'], where: 'find box' },
      { id: 'find-recall-next', keys: ['ArrowDown'], where: 'find box' },
    ],
  },
  {
    keys: 'Escape',
    action: 'Close the find bar, a popover, a dialog or a sheet over the article',
    commands: [
      { id: 'find-close', keys: ['Escape'], where: 'find bar', anyShift: true },
      { id: 'popover-close', keys: ['Escape'], where: 'popover', anyShift: true },
      { id: 'sheet-close', keys: ['Escape'], where: 'sheet', anyShift: true },
      { id: 'dialog-close', keys: ['Escape'], where: 'browser' },
    ],
  },
  {
    keys: 'Ctrl/Cmd+I',
    action: 'Show or hide Article details',
    commands: [{ id: 'toggle-details', keys: ['CmdOrCtrl+I'], where: 'window', menu: true }],
  },
  {
    keys: 'Ctrl/Cmd + / − / 0',
    action: 'Larger, smaller, default text',
    commands: [
      {
        id: 'text-larger',
        keys: ['CmdOrCtrl+=', 'CmdOrCtrl+Plus'],
        where: 'window',
        anyShift: true,
        menu: true,
      },
      { id: 'text-smaller', keys: ['CmdOrCtrl+-'], where: 'window', anyShift: true, menu: true },
      { id: 'text-default', keys: ['CmdOrCtrl+0'], where: 'window', anyShift: true, menu: true },
    ],
  },
  {
    keys: 'H (with text selected)',
    action: 'Highlight the selection; closing find leaves its match selected',
    commands: [{ id: 'highlight', keys: ['H'], where: 'reading', anyShift: true }],
  },
  {
    keys: '↑/↓, Page Up/Page Down, Home/End, Enter',
    action: 'In the library list: move, open',
    commands: [
      { id: 'list-move', keys: LIST_MOVES, where: 'library list' },
      { id: 'list-open', keys: ['Enter'], where: 'library list', anyShift: true },
    ],
  },
  {
    keys: 'Shift+↑/↓ (or Page Up/Page Down, Home/End)',
    action: 'In the library list: choose a range of articles',
    commands: [{ id: 'list-extend', keys: withModifier('Shift'), where: 'library list' }],
  },
  {
    keys: 'Ctrl/Cmd+↑/↓ (or Page Up/Page Down, Home/End)',
    action: 'In the library list: move without choosing',
    commands: [
      {
        id: 'list-move-focus',
        keys: withModifier('CmdOrCtrl'),
        where: 'library list',
        anyShift: true,
      },
    ],
  },
  {
    keys: 'Ctrl/Cmd+Space',
    action: 'In the library list: choose or unchoose the active article',
    commands: [
      { id: 'list-toggle', keys: ['CmdOrCtrl+Space'], where: 'library list', anyShift: true },
    ],
  },
  {
    keys: 'Ctrl/Cmd+A',
    action: 'In the library list: choose every article',
    commands: [
      { id: 'list-select-all', keys: ['CmdOrCtrl+A'], where: 'library list', anyShift: true },
    ],
  },
  {
    keys: '↓ / Enter in library search or the names filter',
    action: 'Into the results / open the best one',
    commands: [
      { id: 'search-into-results', keys: ['ArrowDown'], where: 'library search', anyShift: true },
      { id: 'search-open-best', keys: ['Enter'], where: 'library search', anyShift: true },
    ],
  },
  {
    keys: 'Letters',
    action: 'In the library list: jump to a title (type-ahead)',
    // Any printed character, so no keys to list: VirtualList reads what was typed.
    commands: [{ id: 'list-type-ahead', keys: [], where: 'library list' }],
  },
  {
    keys: 'M',
    action:
      'In the library list: mark the active article read (unread when finished); typed within a title, it is type-ahead',
    commands: [{ id: 'list-mark-read', keys: ['M'], where: 'library list', anyShift: true }],
  },
  {
    keys: 'Menu key, or Shift+F10',
    action: "In the library list: the active article's menu",
    commands: [{ id: 'list-menu', keys: ['ContextMenu', 'Shift+F10'], where: 'library list' }],
  },
  {
    keys: 'J / K, Alt+↑ / Alt+↓',
    action: 'Next / previous article of the library while reading',
    commands: [
      { id: 'library-next', keys: ['J'], where: 'reading' },
      { id: 'library-previous', keys: ['K'], where: 'reading' },
      { id: 'library-next-alt', keys: ['Alt+ArrowDown'], where: 'reading', anyShift: true },
      { id: 'library-previous-alt', keys: ['Alt+ArrowUp'], where: 'reading', anyShift: true },
    ],
  },
  {
    keys: '←/→ (Shift: faster), Home/End',
    action: 'On the Article details divider: resize the panel',
    commands: [
      { id: 'divider-wider', keys: ['ArrowLeft'], where: 'details divider', anyShift: true },
      { id: 'divider-narrower', keys: ['ArrowRight'], where: 'details divider', anyShift: true },
      { id: 'divider-narrowest', keys: ['Home'], where: 'details divider' },
      { id: 'divider-widest', keys: ['End'], where: 'details divider' },
    ],
  },
  {
    keys: 'Tab / Shift+Tab',
    action: 'Move between controls and links',
    commands: [{ id: 'focus-move', keys: ['Tab', 'Shift+Tab'], where: 'browser' }],
  },
  {
    keys: 'Space, Page Up/Page Down, ↑/↓',
    action: 'Scroll the article',
    commands: [
      {
        id: 'scroll',
        keys: ['Space', 'PageDown', 'PageUp', 'ArrowDown', 'ArrowUp'],
        where: 'browser',
      },
    ],
  },
] as const satisfies readonly KeymapRow[];

export type KeyCommandId = (typeof KEYMAP)[number]['commands'][number]['id'];

const BY_ID = new Map<string, KeyCommand>(
  KEYMAP.flatMap((row): readonly KeyCommand[] => row.commands).map((c) => [c.id, c]),
);

export function keyCommand(id: KeyCommandId): KeyCommand {
  return BY_ID.get(id)!;
}

/** The native menu's accelerator for a command: its first key. */
export function menuAccelerator(id: KeyCommandId): string {
  return keyCommand(id).keys[0]!;
}
