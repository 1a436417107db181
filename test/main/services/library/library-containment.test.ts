/** Nothing outside the library's folder is listed, indexed, searched or opened, links or not. */
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../../../../src/main/services/lectern-handlers';
import { LibraryService } from '../../../../src/main/services/library/library-service';
import { libraryEvents } from './library-events';
import { scanFolder } from '../../../../src/main/services/library/library-scan';
import { readArticle, readArticleText } from '../../../../src/main/services/library/read-article';

let folder: string;
let outside: string;
let userData: string;
let service: LibraryService;
let waits: ReturnType<typeof libraryEvents>;

const article = (title: string, body: string) =>
  `# ${title}\n\nBy [Desk](#)\n\n2025-06-08\n\n${body}\n`;

function write(path: string, text: string) {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

/** A private key file outside the library, readable only by its owner, as a real one would be. */
function privateFile(name: string, word: string): string {
  const path = join(outside, name);
  write(path, article('Private key', `${word} begins the key material.`));
  chmodSync(path, 0o600);
  return path;
}

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'lectern-contain-'));
  outside = mkdtempSync(join(tmpdir(), 'lectern-contain-out-'));
  userData = mkdtempSync(join(tmpdir(), 'lectern-contain-data-'));
  waits = libraryEvents();
  service = new LibraryService({ userDataDir: userData, emit: waits.notify });
  write(join(folder, '001_aaaaaaaaaaaaaaaa.txt'), article('Inside story', 'Ordinary words.'));
});

afterEach(async () => {
  await service.close();
  for (const dir of [folder, outside, userData]) rmSync(dir, { recursive: true, force: true });
});

const broken = () =>
  service.snapshot().broken.map((b) => [b.path.slice(folder.length + 1), b.reason]);
const listed = () => service.snapshot().entries.map((e) => e.path.slice(folder.length + 1));

describe('links out of the library', () => {
  it('a link to a private file, made while the library is open, is listed as such and never searched', async () => {
    await service.open(folder);
    await service.whenIdle();
    symlinkSync(privateFile('id_key.md', 'zanzibarite'), join(folder, 'notes.md'));
    await waits.until(() => broken().length > 0);
    expect(broken()).toEqual([['notes.md', expect.stringMatching(/links outside the library/)]]);
    expect(listed()).toEqual(['001_aaaaaaaaaaaaaaaa.txt']);
    expect((await service.search('zanzibarite')).hits).toEqual([]);
  });

  it('a linked folder is listed once as a link, and a file written later into its target never', async () => {
    symlinkSync(outside, join(folder, 'dirlink'));
    await service.open(folder);
    await service.whenIdle();
    expect(broken()).toEqual([['dirlink', expect.stringMatching(/links outside the library/)]]);
    privateFile('fresh.md', 'quokkaberry');
    // A real article written after it: once it is listed, the watcher has reported both.
    write(join(folder, '002_bbbbbbbbbbbbbbbb.txt'), article('Later story', 'More words.'));
    await waits.until(() => listed().length === 2);
    expect(listed().sort()).toEqual(['001_aaaaaaaaaaaaaaaa.txt', '002_bbbbbbbbbbbbbbbb.txt']);
    expect(broken()).toEqual([['dirlink', expect.stringMatching(/links outside the library/)]]);
    expect((await service.search('quokkaberry')).hits).toEqual([]);
  });

  it('a link that stays inside the library is not followed: its target is listed once, under its own name', async () => {
    symlinkSync(join(folder, '001_aaaaaaaaaaaaaaaa.txt'), join(folder, 'alias.txt'));
    mkdirSync(join(folder, 'sub'));
    symlinkSync(folder, join(folder, 'sub', 'loop'));
    await service.open(folder);
    await service.whenIdle();
    expect(listed()).toEqual(['001_aaaaaaaaaaaaaaaa.txt']);
    expect(broken()).toEqual([]);
  });
});

describe('a link swapped in between the check and the read', () => {
  it('refuses a file replaced by a link after it was scanned', async () => {
    const target = privateFile('key.txt', 'wombatine');
    const [stamp] = await scanFolder(folder);
    rmSync(join(folder, stamp!.rel));
    symlinkSync(target, join(folder, stamp!.rel));
    expect(readArticle(folder, stamp!)).toEqual({
      stamp,
      error: expect.stringMatching(/links outside the library/),
    });
    expect(readArticleText(folder, stamp!.rel)).toBeNull();
  });

  it('refuses a file whose folder was replaced by a link after it was scanned', async () => {
    write(join(folder, 'world', '002_bbbbbbbbbbbbbbbb.txt'), article('World', 'Words.'));
    write(join(outside, '002_bbbbbbbbbbbbbbbb.txt'), article('Swapped', 'numbatish words.'));
    const stamp = (await scanFolder(folder)).find((s) => s.rel.startsWith('world/'))!;
    renameSync(join(folder, 'world'), join(folder, 'old-world'));
    symlinkSync(outside, join(folder, 'world'));
    const read = readArticle(folder, stamp);
    expect(read).toEqual({ stamp, error: expect.stringMatching(/links outside the library/) });
    expect(readArticleText(folder, stamp.rel)).toBeNull();
  });
});

describe('opening through the library', () => {
  /** The contract's handlers over this folder, as either host mounts them. */
  async function openedServices() {
    const services = createServices({
      info: { host: 'browser', version: 'test', nativeMenu: false },
      startupPath: folder,
      startupIsSample: false,
      userDataDir: userData,
      openExternal: async () => undefined,
    });
    await services.handlers['app.start']();
    return services;
  }

  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => 'opened',
      (error: { code: string }) => error.code,
    );

  it.each([
    ['.env', 'API_KEY=hunter2\n'],
    ['.git/config', '[core]\n\trepositoryformatversion = 0\n'],
    ['.hidden/notes.txt', '# Hidden\n\nText.'],
    ['keys.pem', '-----BEGIN KEY-----\nabc\n'],
  ])('applies the library’s rules to %s: articles only, nothing hidden', async (rel, text) => {
    write(join(folder, rel), text);
    const services = await openedServices();
    try {
      const path = join(folder, rel);
      expect(await refusal(services.handlers['library.openArticle'](path))).toBe('not-allowed');
      expect(await refusal(services.handlers['reader.openPath'](path))).toBe('not-allowed');
      const article = join(folder, '001_aaaaaaaaaaaaaaaa.txt');
      expect((await services.handlers['reader.openPath'](article)).article.title).toBe(
        'Inside story',
      );
    } finally {
      await services.library.close();
    }
  });

  it('refuses a link out of the library through either call', async () => {
    symlinkSync(privateFile('key.txt', 'dingoite'), join(folder, 'key.txt'));
    const services = await openedServices();
    try {
      for (const call of ['library.openArticle', 'reader.openPath'] as const) {
        await expect(services.handlers[call](join(folder, 'key.txt'))).rejects.toThrow(
          /links outside the library/,
        );
      }
    } finally {
      await services.library.close();
    }
  });
});
