/**
 * The native menu as plain data: which items, keys and commands. No Electron import, so it is
 * tested in plain Node; app-menu.ts turns it into Electron's menu.
 */
import type { AppCommand } from '../../shared/ipc';
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
        { label: '&Open…', accelerator: 'CmdOrCtrl+O', command: { type: 'open' } },
        {
          label: 'Open &Folder…',
          accelerator: 'CmdOrCtrl+Shift+O',
          command: { type: 'open-folder' },
        },
        { label: 'Open &Recent', submenu: recentItems },
        SEPARATOR,
        { label: '&Print…', accelerator: 'CmdOrCtrl+P', command: { type: 'print' } },
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
        { label: '&Find in Article', accelerator: 'CmdOrCtrl+F', command: { type: 'find' } },
      ],
    },
    {
      label: '&View',
      submenu: [
        {
          label: 'Article &Details',
          accelerator: 'CmdOrCtrl+I',
          command: { type: 'toggle-details' },
        },
        SEPARATOR,
        // The window's text size, not Chromium's page zoom, so it is remembered with the settings.
        {
          label: '&Larger Text',
          accelerator: 'CmdOrCtrl+=',
          command: { type: 'text-size', change: 1 },
        },
        {
          label: '&Smaller Text',
          accelerator: 'CmdOrCtrl+-',
          command: { type: 'text-size', change: -1 },
        },
        {
          label: '&Actual Size',
          accelerator: 'CmdOrCtrl+0',
          command: { type: 'text-size', change: 0 },
        },
        SEPARATOR,
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
}
