import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { appMenuTemplate, type MenuEntry } from '../../src/main/electron/menu-template';
import type { AppCommand } from '../../src/shared/ipc';
import { matchesKeys, parseAccelerator, type KeyPress } from '../../src/shared/key-accelerator';
import { KEYMAP, keyCommand, type KeyCommand, type KeyCommandId } from '../../src/shared/keymap';

const commands: KeyCommand[] = KEYMAP.flatMap((row): readonly KeyCommand[] => row.commands);

/** The README's "Keyboard" table, as [keys, action] per row. */
function readmeKeyboardTable(): [string, string][] {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
  const section = readme.split(/^## Keyboard\s*$/m)[1]?.split(/^## /m)[0] ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2) // the header and its rule
    .map((line) => {
      const cells = line.split('|').slice(1, -1);
      return [cells[0]!.trim(), cells[1]!.trim()];
    });
}

// How the README names a key: its modifier words and key caps.
const CAPS: Record<string, string> = {
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  PageUp: 'Page Up',
  PageDown: 'Page Down',
  ContextMenu: 'Menu key',
  Plus: '+',
  '=': '+', // the + key's cap; unshifted it types =
  '-': '−',
};

/** The words the README must use for one accelerator. */
function readmeWords(accelerator: string): string[] {
  const { key, cmdOrCtrl, alt, shift } = parseAccelerator(accelerator);
  return [
    ...(cmdOrCtrl ? ['Ctrl/Cmd'] : []),
    ...(alt ? ['Alt'] : []),
    ...(shift ? ['Shift'] : []),
    CAPS[key] ?? (key.length === 1 ? key.toUpperCase() : key),
  ];
}

/** Every menu item with keys, as [accelerator, the keymap command it stands for]. */
function menuKeys(entries: MenuEntry[]): [string, string][] {
  const TEXT_SIZE = { 1: 'text-larger', [-1]: 'text-smaller', 0: 'text-default' } as const;
  const idOf = (command: AppCommand) =>
    command.type === 'text-size' ? TEXT_SIZE[command.change] : command.type;
  return entries.flatMap((entry): [string, string][] => {
    if ('submenu' in entry) return menuKeys(entry.submenu);
    if ('command' in entry && entry.accelerator) return [[entry.accelerator, idOf(entry.command)]];
    return [];
  });
}

const press = (key: string, more: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code: /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : '',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...more,
});
const hits = (id: KeyCommandId, key: KeyPress) =>
  matchesKeys(key, keyCommand(id).keys, keyCommand(id).anyShift);

describe('the keymap', () => {
  test("is the README's Keyboard table, row for row", () => {
    expect(readmeKeyboardTable()).toEqual(KEYMAP.map((row) => [row.keys, row.action]));
  });

  test('names each key of a row in its Keys cell', () => {
    for (const row of KEYMAP)
      for (const command of row.commands as readonly KeyCommand[])
        for (const accelerator of command.keys)
          for (const word of readmeWords(accelerator))
            expect(row.keys, `${command.id}: ${accelerator}`).toContain(word);
  });

  test('gives every command its own id, and no key two commands in one place', () => {
    expect(new Set(commands.map((c) => c.id)).size).toBe(commands.length);
    const seen = new Map<string, string>();
    for (const command of commands)
      for (const accelerator of command.keys) {
        const place = `${command.where}: ${accelerator}`;
        expect(seen.get(place), place).toBeUndefined();
        seen.set(place, command.id);
      }
  });

  test('gives the native menu its accelerators, on every platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const inMenu = menuKeys(appMenuTemplate([], platform));
      for (const [accelerator, id] of inMenu) {
        const command = commands.find((c) => c.id === id);
        expect(command?.menu, id).toBe(true);
        expect(accelerator, id).toBe(command?.keys[0]);
      }
      const menuIds = commands.filter((c) => c.menu).map((c) => c.id);
      expect(inMenu.map(([, id]) => id).sort()).toEqual(menuIds.sort());
    }
  });
});

describe('matching a key press', () => {
  test('CmdOrCtrl is Ctrl or Cmd; Shift tells Open from Open Folder', () => {
    expect(hits('open', press('o', { ctrlKey: true }))).toBe(true);
    expect(hits('open', press('o', { metaKey: true }))).toBe(true);
    expect(hits('open', press('O', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(hits('open-folder', press('O', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(hits('open', press('o'))).toBe(false);
    expect(hits('open', press('o', { ctrlKey: true, altKey: true }))).toBe(false);
  });

  test('symbols typed with Shift still count: Ctrl++, /', () => {
    expect(hits('text-larger', press('+', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(hits('text-larger', press('=', { ctrlKey: true }))).toBe(true);
    expect(hits('text-smaller', press('-', { metaKey: true }))).toBe(true);
    expect(hits('find-slash', press('/', { shiftKey: true }))).toBe(true);
    expect(hits('find-slash', press('/', { ctrlKey: true }))).toBe(false);
  });

  test('Alt with a letter goes by the physical key (macOS types ç for Alt+C)', () => {
    expect(hits('find-match-case', press('ç', { code: 'KeyC', altKey: true }))).toBe(true);
    expect(hits('find-match-case', press('c', { code: 'KeyC' }))).toBe(false);
  });

  test('named keys, with and without Shift', () => {
    expect(hits('find-next', press('F3'))).toBe(true);
    expect(hits('find-next', press('F3', { shiftKey: true }))).toBe(false);
    expect(hits('find-previous', press('F3', { shiftKey: true }))).toBe(true);
    expect(hits('list-toggle', press(' ', { ctrlKey: true }))).toBe(true);
    expect(hits('list-extend', press('End', { shiftKey: true }))).toBe(true);
    expect(hits('library-next', press('j'))).toBe(true);
    expect(hits('library-next', press('J', { shiftKey: true }))).toBe(false);
  });
});
