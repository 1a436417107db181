import type { LecternApi } from '../../shared/ipc';

declare global {
  interface Window {
    lectern?: LecternApi;
  }
}

/** The API the preload exposed; the renderer talks to main through nothing else. */
export function getLecternApi(): LecternApi {
  if (!window.lectern) throw new Error('Lectern’s preload did not run: window.lectern is missing.');
  return window.lectern;
}
