/** The contract's remembered-state calls (issue 6), built on one ComfortStore. */
import type { Handlers } from '../../shared/ipc';
import { AppFailure } from '../../shared/result';
import type { ComfortStore } from './comfort-store';
import { writeExportFile } from './export/export-file';

type ComfortChannel =
  | 'settings.get'
  | 'settings.set'
  | 'uiState.get'
  | 'uiState.set'
  | 'position.get'
  | 'position.set'
  | 'highlights.get'
  | 'highlights.set'
  | 'storage.notices'
  | 'file.saveText';

export function comfortHandlers(
  store: ComfortStore,
  showSaveDialog?: (suggestedName: string) => Promise<string | null>,
): Pick<Handlers, ComfortChannel> {
  return {
    'settings.get': () => store.settings(),
    'settings.set': (patch) => store.setSettings(patch),
    'uiState.get': (namespace) => store.uiState(namespace),
    'uiState.set': (namespace, value) => store.setUiState(namespace, value),
    'position.get': (key) => store.position(key),
    'position.set': (key, position) => store.setPosition(key, position),
    'highlights.get': (key) => store.highlights(key),
    'highlights.set': (key, value) => store.setHighlights(key, value),
    'storage.notices': async () => store.takeNotices(),
    'file.saveText': async ({ suggestedName, text }) => {
      if (!showSaveDialog) throw new AppFailure('unavailable', 'This host has no Save dialog.');
      const path = await showSaveDialog(suggestedName);
      if (!path) return null;
      // Atomic too: a crash mid-export must not leave half of a file the user already had there.
      await writeExportFile(path, text);
      return path;
    },
  };
}
