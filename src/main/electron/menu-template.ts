/**
 * The native menu as plain data: which items, keys and commands. No Electron import, so it is
 * tested in plain Node; app-menu.ts turns it into Electron's menu.
 */
import type { AppCommand } from '../../shared/ipc';
import { menuAccelerator } from '../../shared/keymap';
import type { RecentEntry } from '../../shared/recent';

export type MenuRole =
  'appMenu' | 'close' | 'quit' | 'copy' | 'selectAll' | 'togglefullscreen' | 'windowMenu';

export type MenuEntry =
  | { label: string; accelerator?: string; sublabel?: string; command: AppCommand }
  | { label: string; submenu: MenuEntry[] }
  | { label: string; enabled: false }
  | { role: MenuRole }
  | { separator: true };

const SEPARATOR: MenuEntry = { separator: true };

export function appMenuTemplate(recent: RecentEntry[], platform: NodeJS.Platform): MenuEntry[] {
  const recentItems: MenuEntry[] = recent.length
    ? recent.map((entry) => ({
        label: entry.title,
        sublabel: entry.path,
        command: { type: 'open-path', path: entry.path },
      }))
    : [{ label: 'No recent articles', enabled: false }];
  const mac = platform === 'darwin';
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: '&Open…', accelerator: menuAccelerator('open'), command: { type: 'open' } },
        {
          label: 'Open &Folder…',
          accelerator: menuAccelerator('open-folder'),
          command: { type: 'open-folder' },
        },
        { label: 'Open &Recent', submenu: recentItems },
        SEPARATOR,
        { label: '&Print…', accelerator: menuAccelerator('print'), command: { type: 'print' } },
        { label: 'Export as P&DF…', command: { type: 'export-pdf' } },
        { label: 'Export as &EPUB…', command: { type: 'export-epub' } },
        SEPARATOR,
        { role: mac ? 'close' : 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'copy' },
        { role: 'selectAll' },
        SEPARATOR,
        {
          label: '&Find in Article',
          accelerator: menuAccelerator('find'),
          command: { type: 'find' },
        },
      ],
    },
    {
      label: '&View',
      submenu: [
        {
          label: 'Article &Details',
          accelerator: menuAccelerator('toggle-details'),
          command: { type: 'toggle-details' },
        },
        SEPARATOR,
        // The window's text size, not Chromium's page zoom, so it is remembered with the settings.
        {
          label: '&Larger Text',
          accelerator: menuAccelerator('text-larger'),
          command: { type: 'text-size', change: 1 },
        },
        {
          label: '&Smaller Text',
          accelerator: menuAccelerator('text-smaller'),
          command: { type: 'text-size', change: -1 },
        },
        {
          label: '&Actual Size',
          accelerator: menuAccelerator('text-default'),
          command: { type: 'text-size', change: 0 },
        },
        SEPARATOR,
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
}
