/** The native menu: menu-template.ts says what is in it; this turns it into Electron's menu. */
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../../shared/ipc';
import type { RecentEntry } from '../../shared/recent';
import { COMMAND_EVENT } from '../../shared/ipc';
import { appMenuTemplate, type MenuEntry } from './menu-template';

export function buildAppMenu(
  window: BrowserWindow,
  recent: RecentEntry[],
  grant: (path: string) => void,
) {
  const send = (command: AppCommand) => {
    // A path in the menu (Open Recent) is one the user chose: the window may now read it.
    if (command.type === 'open-path') grant(command.path);
    window.webContents.send(COMMAND_EVENT, command);
  };
  const toElectron = (entry: MenuEntry): MenuItemConstructorOptions => {
    if ('separator' in entry) return { type: 'separator' };
    if ('role' in entry) return { role: entry.role };
    if ('submenu' in entry) return { label: entry.label, submenu: entry.submenu.map(toElectron) };
    if ('command' in entry) {
      const { command, ...item } = entry;
      return { ...item, click: () => send(command) };
    }
    return entry;
  };
  const template = appMenuTemplate(recent, process.platform).map(toElectron);
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
