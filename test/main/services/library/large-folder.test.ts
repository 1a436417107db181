/** A big folder named at launch is opened as a library only once the user says so. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createServices,
  type LecternServices,
} from '../../../../src/main/services/lectern-handlers';
import { ASK_FROM_ENTRIES } from '../../../../src/shared/library';

const made: string[] = [];
let services: LecternServices | null = null;
afterEach(async () => {
  await services?.library.close();
  services = null;
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folderOf(entries: number): string {
  const folder = mkdtempSync(join(tmpdir(), 'lectern-large-'));
  made.push(folder);
  // Folders of 99 files: the count covers every level.
  for (let count = 0, i = 0; count < entries; i++) {
    const sub = join(folder, `part-${i}`);
    mkdirSync(sub);
    count++;
    for (let j = 0; j < 99 && count < entries; j++, count++) {
      writeFileSync(join(sub, `${j}.txt`), '');
    }
  }
  writeFileSync(join(folder, 'part-0', '0.txt'), '# Only article\n\nText.');
  return folder;
}

function startWith(folder: string) {
  services = createServices({
    info: { host: 'browser', version: 'test', nativeMenu: false },
    startupPath: folder,
    startupIsSample: false,
    userDataDir: mkdtempSync(join(tmpdir(), 'lectern-large-data-')),
    openExternal: async () => undefined,
  });
  return services.handlers;
}

describe('a big folder named at launch', () => {
  it(`is asked about from ${ASK_FROM_ENTRIES} entries on, and opened only after a yes`, async () => {
    const folder = folderOf(ASK_FROM_ENTRIES);
    const handlers = startWith(folder);
    expect((await handlers['app.start']()).library).toEqual({ kind: 'large-folder', folder });
    expect(await handlers['library.snapshot']()).toBeNull();
    const opened = await handlers['library.openAsked']();
    expect(opened.folder).toBe(folder);
    // The yes is used up: nothing else can be opened through it.
    await expect(handlers['library.openAsked']()).rejects.toThrow(/asked about no folder/);
  });

  it('opens a smaller folder at once', async () => {
    const folder = folderOf(ASK_FROM_ENTRIES - 1);
    const handlers = startWith(folder);
    const opened = (await handlers['app.start']()).library;
    expect(opened).toMatchObject({ folder });
    await expect(handlers['library.openAsked']()).rejects.toThrow(/asked about no folder/);
  });
});
