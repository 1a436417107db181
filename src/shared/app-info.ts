/** Which host the window runs in, answered by `app.info`. */
export interface AppInfo {
  host: 'electron' | 'browser';
  version: string;
  /** True where the host has a native menu that owns the File shortcuts. */
  nativeMenu: boolean;
}
