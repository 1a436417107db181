/** The native menu: File ▸ Open, Open Recent, and the usual Edit, View and Window items. */
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { AppCommand, RecentEntry } from '../../shared/ipc';
import { COMMAND_EVENT } from '../../shared/ipc';

export function buildAppMenu(
  window: BrowserWindow,
  recent: RecentEntry[],
  grant: (path: string) => void,
) {
  const send = (command: AppCommand) => window.webContents.send(COMMAND_EVENT, command);
  const recentItems: MenuItemConstructorOptions[] = recent.length
    ? recent.map((entry) => ({
        label: entry.title,
        sublabel: entry.path,
        click: () => {
          grant(entry.path);
          send({ type: 'open-path', path: entry.path });
        },
      }))
    : [{ label: 'No recent articles', enabled: false }];
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: '&Open…', accelerator: 'CmdOrCtrl+O', click: () => send({ type: 'open' }) },
        {
          label: 'Open &Folder…',
          accelerator: 'CmdOrCtrl+Shift+O',
          click: () => send({ type: 'open-folder' }),
        },
        { label: 'Open &Recent', submenu: recentItems },
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'copy' },
        { role: 'selectAll' },
        { type: 'separator' },
        {
          label: '&Find in Article',
          accelerator: 'CmdOrCtrl+F',
          click: () => send({ type: 'find' }),
        },
      ],
    },
    {
      label: '&View',
      submenu: [
        {
          label: 'Article &Details',
          accelerator: 'CmdOrCtrl+I',
          click: () => send({ type: 'toggle-details' }),
        },
        { type: 'separator' },
        // The window's text size, not Chromium's page zoom, so it is remembered with the settings.
        {
          label: '&Larger Text',
          accelerator: 'CmdOrCtrl+=',
          click: () => send({ type: 'text-size', change: 1 }),
        },
        {
          label: '&Smaller Text',
          accelerator: 'CmdOrCtrl+-',
          click: () => send({ type: 'text-size', change: -1 }),
        },
        {
          label: '&Actual Size',
          accelerator: 'CmdOrCtrl+0',
          click: () => send({ type: 'text-size', change: 0 }),
        },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
