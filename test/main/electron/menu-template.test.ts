import { describe, expect, it } from 'vitest';
import { appMenuTemplate, type MenuEntry } from '../../../src/main/electron/menu-template';

/** Every item with a command, as "Menu ▸ Item": accelerator → command. */
function commands(entries: MenuEntry[], path = ''): Record<string, unknown> {
  const found: Record<string, unknown> = {};
  for (const entry of entries) {
    if ('submenu' in entry)
      Object.assign(found, commands(entry.submenu, `${path}${entry.label} ▸ `));
    else if ('command' in entry) {
      found[`${path}${entry.label}`] = { key: entry.accelerator, command: entry.command };
    }
  }
  return found;
}

describe('the native menu', () => {
  it('sends each window command with its keys', () => {
    expect(commands(appMenuTemplate([], 'linux'))).toEqual({
      '&File ▸ &Open…': { key: 'CmdOrCtrl+O', command: { type: 'open' } },
      '&File ▸ Open &Folder…': { key: 'CmdOrCtrl+Shift+O', command: { type: 'open-folder' } },
      '&File ▸ &Print…': { key: 'CmdOrCtrl+P', command: { type: 'print' } },
      '&File ▸ Export as P&DF…': { key: undefined, command: { type: 'export-pdf' } },
      '&File ▸ Export as &EPUB…': { key: undefined, command: { type: 'export-epub' } },
      '&Edit ▸ &Find in Article': { key: 'CmdOrCtrl+F', command: { type: 'find' } },
      '&View ▸ Article &Details': { key: 'CmdOrCtrl+I', command: { type: 'toggle-details' } },
      '&View ▸ &Larger Text': { key: 'CmdOrCtrl+=', command: { type: 'text-size', change: 1 } },
      '&View ▸ &Smaller Text': { key: 'CmdOrCtrl+-', command: { type: 'text-size', change: -1 } },
      '&View ▸ &Actual Size': { key: 'CmdOrCtrl+0', command: { type: 'text-size', change: 0 } },
    });
  });

  it('lists recent articles as open-path commands, or says there are none', () => {
    const recent = [{ path: '/news/001_0123456789abcdef.txt', title: 'Talks', openedAt: '' }];
    expect(commands(appMenuTemplate(recent, 'linux'))['&File ▸ Open &Recent ▸ Talks']).toEqual({
      key: undefined,
      command: { type: 'open-path', path: '/news/001_0123456789abcdef.txt' },
    });
    const file = appMenuTemplate([], 'linux').find((e) => 'label' in e && e.label === '&File');
    const openRecent = file && 'submenu' in file ? file.submenu[2] : null;
    expect(openRecent).toEqual({
      label: 'Open &Recent',
      submenu: [{ label: 'No recent articles', enabled: false }],
    });
  });

  it('follows the platform: an app menu and Close on macOS, Quit elsewhere', () => {
    const roles = (platform: NodeJS.Platform) =>
      JSON.stringify(appMenuTemplate([], platform)).match(/"role":"\w+"/g);
    expect(roles('darwin')).toEqual([
      '"role":"appMenu"',
      '"role":"close"',
      '"role":"copy"',
      '"role":"selectAll"',
      '"role":"togglefullscreen"',
      '"role":"windowMenu"',
    ]);
    expect(roles('win32')).toContain('"role":"quit"');
    expect(roles('linux')).not.toContain('"role":"appMenu"');
  });
});
