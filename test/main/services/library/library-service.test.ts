import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../../src/shared/library';
import { LibraryService } from '../../../../src/main/services/library/library-service';
import { libraryEvents } from './library-events';
import { generateArticle } from '../../../support/generate-articles';

let folder: string;
let userData: string;
let events: AppEvent[];
let service: LibraryService;
let waits: ReturnType<typeof libraryEvents>;

function article(title: string, source: string, date: string, body: string) {
  return `# ${title}\n\nBy [${source}](#)\n\n${date}\n\n${body}\n`;
}

function write(rel: string, text: string | Buffer) {
  mkdirSync(join(folder, rel, '..'), { recursive: true });
  writeFileSync(join(folder, rel), text);
}

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'lectern-lib-'));
  userData = mkdtempSync(join(tmpdir(), 'lectern-lib-data-'));
  events = [];
  waits = libraryEvents();
  service = new LibraryService({
    userDataDir: userData,
    emit: (e) => {
      events.push(e);
      waits.notify();
    },
  });
  write(
    '001_aaaaaaaaaaaaaaaa.txt',
    article(
      'Ceasefire talks resume',
      'Agence Test',
      'June 08, 2025',
      'The minister spoke in Kyiv about the café on the border, by the Straße.',
    ),
  );
  write(
    'sub/002_bbbbbbbbbbbbbbbb.txt',
    article(
      'Harvest report',
      'Farm Weekly',
      '2024-03-01',
      'Wheat prices rose on Tuesday. Don’t panic, said the council.',
    ),
  );
  write('notes.pdf', 'not an article');
  write(
    '003_cccccccccccccccc.txt',
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]),
  );
});

afterEach(async () => {
  await service.close();
  rmSync(folder, { recursive: true, force: true });
  rmSync(userData, { recursive: true, force: true });
});

async function openIndexed() {
  await service.open(folder);
  await service.whenIdle();
  return service.snapshot();
}

describe('scanning', () => {
  it('lists articles in subfolders with title, source and date, and ignores other files', async () => {
    const snapshot = await openIndexed();
    const titles = snapshot.entries.map((e) => [e.title, e.source, e.date]).sort();
    expect(titles).toEqual([
      ['Ceasefire talks resume', 'Agence Test', '2025-06-08'],
      ['Harvest report', 'Farm Weekly', '2024-03-01'],
    ]);
  });

  it('lists a broken file with its reason and keeps going', async () => {
    const snapshot = await openIndexed();
    expect(snapshot.broken).toHaveLength(1);
    expect(snapshot.broken[0]!.path).toMatch(/003_cccccccccccccccc\.txt$/);
    expect(snapshot.broken[0]!.reason).toMatch(/PNG/);
  });
});

describe('a big first open', () => {
  it('lists every title from file headers first, then indexes them whole', async () => {
    for (let i = 0; i < 1000; i++) {
      const name = `big/${String(i).padStart(4, '0')}_${i.toString(16).padStart(16, '0')}.txt`;
      write(name, article(`Story ${i}`, `Desk ${i % 7}`, '2025-05-05', generateArticle(1500, i)));
    }
    const snapshot = await openIndexed();
    const phases = events.flatMap((e) => (e.type === 'library-progress' ? [e.progress] : []));
    expect(phases.find((p) => p.phase === 'listing')).toMatchObject({ total: 1003 });
    expect(phases.at(-1)).toMatchObject({ phase: 'indexing', done: 1003, total: 1003 });
    expect(snapshot.entries).toHaveLength(1002);
    expect(snapshot.entries.find((e) => e.title === 'Story 999')?.source).toBe('Desk 5');
    expect((await service.search('"story 42"')).hits[0]!.entry.title).toBe('Story 42');
    // Only the best are sent; the total says how many match in all ("50 best of 1 000").
    const broad = await service.search('story');
    expect(broad.hits).toHaveLength(50);
    expect(broad.total).toBe(1000);
    expect((await service.search('"story 42"')).total).toBe(1);
  });
});

describe('stopping', () => {
  /** 600 more articles, opened with Stop pressed once 200 are read. */
  async function openAndStopAt200() {
    for (let i = 0; i < 600; i++) {
      write(
        `many/${i}_${i.toString(16).padStart(16, '0')}.txt`,
        article(`Item ${i}`, 'D', '2025-01-01', 'x'),
      );
    }
    let stopped = false;
    service = new LibraryService({
      userDataDir: userData,
      emit: (event) => {
        events.push(event);
        if (event.type === 'library-progress' && event.progress.done >= 200 && !stopped) {
          stopped = true;
          service.cancel();
        }
      },
    });
    await service.open(folder);
    await service.whenIdle();
  }

  it('stops between chunks, keeps what was read, and reads the rest on the next open', async () => {
    await openAndStopAt200();
    const last = events.flatMap((e) => (e.type === 'library-progress' ? [e.progress] : [])).at(-1);
    expect(last).toMatchObject({ running: false });
    expect(last!.done).toBeLessThan(last!.total);
    const partial = service.snapshot().entries.length;
    expect(partial).toBeLessThan(602);
    await service.close();
    expect((await openIndexed()).entries).toHaveLength(602);
  });

  it('resumes a stopped run without reopening the folder', async () => {
    await openAndStopAt200();
    const read = new Set(service.snapshot().entries.map((entry) => entry.title));
    const unread = Array.from({ length: 600 }, (_, i) => `Item ${i}`).find((t) => !read.has(t))!;
    expect((await service.search(`"${unread}"`)).hits).toEqual([]);
    service.resume();
    await service.whenIdle();
    expect(service.snapshot().entries).toHaveLength(602);
    expect((await service.search(`"${unread}"`)).hits.map((h) => h.entry.title)).toEqual([unread]);
  });
});

describe('searching', () => {
  it('matches without accents, by prefix, and as a phrase, with highlighted snippets', async () => {
    await openIndexed();
    expect((await service.search('cafe')).hits[0]!.entry.title).toBe('Ceasefire talks resume');
    expect((await service.search('harv')).hits.map((h) => h.entry.title)).toEqual([
      'Harvest report',
    ]);
    expect((await service.search('"prices rose"')).hits).toHaveLength(1);
    expect((await service.search('"rose prices"')).hits).toHaveLength(0);
    const hit = (await service.search('wheat')).hits[0]!;
    expect(hit.snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['Wheat']);
    // ß reads as ss, as find reads it (one fold table): the snippet marks the word as written.
    const street = (await service.search('strasse')).hits[0]!;
    expect(street.snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['Straße']);
  });

  it('finds words written with ligatures, full-width letters or soft hyphens', async () => {
    write(
      '004_dddddddddddddddd.txt',
      article(
        'Budget',
        'Wire',
        '2025-01-02',
        'The ﬁnance office in ＫＹＩＶ went inter\u00ADnational.',
      ),
    );
    await openIndexed();
    for (const query of ['finance ', 'kyiv ', 'international ']) {
      const { hits } = await service.search(query);
      const budget = hits.find((h) => h.entry.title === 'Budget');
      expect(
        budget?.snippet.some((part) => part.hit),
        query,
      ).toBe(true);
    }
  });

  it('matches curly and straight quotes alike and never fails on odd input', async () => {
    await openIndexed();
    expect((await service.search("don't panic")).hits).toHaveLength(1);
    expect((await service.search('AND OR NOT ( * "')).hits).toEqual([]);
  });

  it('ranks a title match above a body match', async () => {
    write(
      '004_dddddddddddddddd.txt',
      article('Wheat everywhere', 'X', '2025-01-01', 'Nothing else.'),
    );
    await openIndexed();
    expect((await service.search('wheat')).hits[0]!.entry.title).toBe('Wheat everywhere');
  });
});

describe('the cache', () => {
  it('reopens from the cache, re-reading only changed files', async () => {
    await openIndexed();
    await service.close();
    write(
      '001_aaaaaaaaaaaaaaaa.txt',
      article('Ceasefire talks collapse', 'Agence Test', 'June 09, 2025', 'Longer text now.'),
    );
    events = [];
    const first = await service.open(folder);
    expect(first.entries).toHaveLength(2);
    await service.whenIdle();
    const progress = events.filter((e) => e.type === 'library-progress');
    expect(progress.at(-1)).toMatchObject({ progress: { total: 1, done: 1 } });
    expect(service.snapshot().entries.map((e) => e.title)).toContain('Ceasefire talks collapse');
    expect((await service.search('longer')).hits).toHaveLength(1);
    expect((await service.search('minister')).hits).toEqual([]);
  });

  it('rebuilds a corrupt cache instead of trusting it', async () => {
    await openIndexed();
    await service.close();
    const dir = join(userData, 'library');
    for (const name of readdirSync(dir)) writeFileSync(join(dir, name), 'garbage, not SQLite');
    const snapshot = await openIndexed();
    expect(snapshot.entries).toHaveLength(2);
  });
});

describe('the watcher', () => {
  it('adds, changes, renames and deletes entries as files change', async () => {
    await openIndexed();
    write('005_eeeeeeeeeeeeeeee.txt', article('New arrival', 'Wire', '2025-02-02', 'Fresh words.'));
    await waits.until(() => service.snapshot().entries.some((e) => e.title === 'New arrival'));
    expect((await service.search('fresh')).hits).toHaveLength(1);

    renameSync(
      join(folder, '005_eeeeeeeeeeeeeeee.txt'),
      join(folder, 'sub', '006_ffffffffffffffff.txt'),
    );
    await waits.until(() =>
      service.snapshot().entries.some((e) => e.path.endsWith('006_ffffffffffffffff.txt')),
    );
    expect(service.snapshot().entries).toHaveLength(3);

    mkdirSync(join(folder, 'later'));
    write('later/007_0000000000000007.txt', article('In a new folder', 'Wire', '2025-03-03', 'x'));
    await waits.until(() => service.snapshot().entries.some((e) => e.title === 'In a new folder'));

    rmSync(join(folder, 'later'), { recursive: true });
    rmSync(join(folder, 'sub'), { recursive: true });
    await waits.until(() => service.snapshot().entries.length === 1);
    expect((await service.search('fresh')).hits).toEqual([]);
  });
});

describe('the watcher, with files saved as editors save them', () => {
  const title = (rel: string) =>
    service.snapshot().entries.find((e) => e.path === join(folder, rel))?.title;
  /** A save as `sed -i` and many editors make it: a new file renamed over the old. */
  const replace = (rel: string, text: string) => {
    writeFileSync(join(folder, `${rel}.tmp~`), text);
    renameSync(join(folder, `${rel}.tmp~`), join(folder, rel));
  };

  it('follows a file replaced again and again, then moved out of the folder', async () => {
    await openIndexed();
    const rel = '001_aaaaaaaaaaaaaaaa.txt';
    for (const round of ['first', 'second', 'third']) {
      replace(rel, article(`Saved a ${round} time`, 'Wire', '2025-02-02', 'words'));
      await waits.until(() => title(rel) === `Saved a ${round} time`);
    }
    renameSync(join(folder, rel), join(userData, 'moved-out.txt'));
    await waits.until(() => title(rel) === undefined);
  });

  it.skipIf(process.platform === 'win32')('keeps watching beside a loop of links', async () => {
    symlinkSync('loop-b.txt', join(folder, 'loop-a.txt'));
    symlinkSync('loop-a.txt', join(folder, 'loop-b.txt'));
    await openIndexed();
    write('005_eeeeeeeeeeeeeeee.txt', article('After the loop', 'Wire', '2025-02-02', 'x'));
    await waits.until(() => service.snapshot().entries.some((e) => e.title === 'After the loop'));
  });
});

describe('hostile changes after indexing', () => {
  it.skipIf(process.platform === 'win32')(
    'a pipe swapped in for an indexed file does not hang a search',
    async () => {
      await openIndexed();
      const file = join(folder, 'sub/002_bbbbbbbbbbbbbbbb.txt');
      rmSync(file);
      execFileSync('mkfifo', [file]);
      // Opening a pipe for reading would block until a writer came; the search returns at once.
      const { hits } = await service.search('wheat');
      expect(hits.map((h) => h.entry.title)).toEqual(['Harvest report']);
      expect(hits[0]!.snippet).toEqual([]);
    },
  );
});

describe('access', () => {
  it('refuses a link that leads out of the library folder', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'lectern-outside-'));
    writeFileSync(join(outside, 'secret.txt'), generateArticle(500));
    symlinkSync(join(outside, 'secret.txt'), join(folder, 'link.txt'));
    await openIndexed();
    await expect(service.openArticle(join(folder, 'link.txt'))).rejects.toThrow(
      /links outside the library/,
    );
    expect((await service.openArticle(join(folder, '001_aaaaaaaaaaaaaaaa.txt'))).title).toBe(
      'Ceasefire talks resume',
    );
    expect(service.snapshot().entries.some((e) => e.path.endsWith('link.txt'))).toBe(false);
    rmSync(outside, { recursive: true, force: true });
  });
});
