/** Where Lectern's bundled files and the user's data live, for hosts that are not Electron. */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const SAMPLE_ARTICLE = '000_e51e31a3faca41e8.txt';

/** The same folder Electron uses for `userData` on each platform, so both hosts share state. */
export function defaultUserDataDir(env = process.env, platform = process.platform): string {
  if (platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Lectern');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Lectern');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Lectern');
}
