/**
 * Atomic replacement of a file: a temp file beside it, every byte written (looping over short
 * writes), fsync, rename, fsync of the folder. write-file-atomic 7 makes one write() call and
 * ignores a short count, so on a nearly full disk it renames a truncated file over a good one;
 * FileHandle.writeFile writes until done or throws ENOSPC, and then nothing is renamed.
 */
import { open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

let written = 0;

export async function replaceFile(file: string, data: Uint8Array | string): Promise<void> {
  // Digits only, as removeStaleTempFiles expects of a killed writer's leftovers.
  const temp = `${file}.${process.pid}${String(++written).padStart(6, '0')}`;
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(dirname(file));
}

async function syncFolder(folder: string): Promise<void> {
  // Windows cannot open a folder for fsync; its rename is already durable enough there.
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
