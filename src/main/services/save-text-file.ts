/** `file.saveText` (highlights as Markdown): the host's Save dialog, then an atomic write. */
import type { SaveTextRequest } from '../../shared/ipc';
import { AppFailure } from '../../shared/result';
import { writeExportFile } from './export/export-file';
import type { ShowSaveDialog } from './export/save-dialog';

/** The saved path, or null when the user cancelled. */
export async function saveTextFile(
  { suggestedName, text }: SaveTextRequest,
  showSaveDialog?: ShowSaveDialog,
): Promise<string | null> {
  if (!showSaveDialog) throw new AppFailure('unavailable', 'This host has no Save dialog.');
  const path = await showSaveDialog({
    suggestedName,
    title: 'Export highlights',
    filter: { name: 'Markdown', extensions: ['md'] },
  });
  if (!path) return null;
  // Atomic too: a crash mid-export must not leave half of a file the user already had there.
  await writeExportFile(path, text);
  return path;
}
