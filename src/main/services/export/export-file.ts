/**
 * Writes an exported file the way Lectern writes its own state: a temp file beside it, fsync,
 * rename, fsync of the folder, tracked so quitting waits for it. A failure leaves whatever was
 * there before untouched (and no temp file), and says why in words.
 */
import { basename, dirname } from 'node:path';
import { AppFailure } from '../../../shared/result';
import { replaceFile } from '../atomic-file';
import { trackWrite } from '../pending-writes';

export function writeExportFile(file: string, data: Uint8Array | string): Promise<void> {
  return trackWrite(write(file, data));
}

async function write(file: string, data: Uint8Array | string) {
  try {
    await replaceFile(file, data);
  } catch (error) {
    throw exportFailure(error, file);
  }
}

/** What went wrong, and that nothing already in the folder was lost. */
export function exportFailure(error: unknown, file: string): Error {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const name = basename(file);
  const where = dirname(file);
  const kept = 'Nothing there was changed; the article and its highlights are as they were.';
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new AppFailure(
      'storage',
      `The disk is full, so Lectern could not save “${name}” in ${where}. ${kept} Free some space and export again.`,
    );
  }
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new AppFailure(
      'storage',
      `Lectern cannot write “${name}” in ${where} (the folder is read-only or not yours). ${kept} Choose another folder.`,
    );
  }
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new AppFailure('storage', `The folder ${where} is gone. ${kept} Choose another folder.`);
  }
  if (code) {
    return new AppFailure('storage', `Lectern could not save “${name}” (${code}). ${kept}`);
  }
  return error instanceof Error ? error : new Error(String(error));
}
