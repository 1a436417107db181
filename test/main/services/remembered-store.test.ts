import {
  mkdirSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { quoteAnnotation } from '../../support/quote-annotation';
import { RememberedStore } from '../../../src/main/services/remembered-store';
import { createServices } from '../../../src/main/services/lectern-handlers';
import { settleWrites } from '../../../src/main/services/pending-writes';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';

const tempDir = () => mkdtempSync(join(tmpdir(), 'lectern-remembered-'));
const KEY = 'e51e31a3faca41e8';

const annotation = quoteAnnotation(
  'western border',
  { start: 10, prefix: 'reached the ', suffix: ' of' },
  { colour: 'green', note: 'Worth checking' },
);

describe('RememberedStore', () => {
  it('keeps settings, UI state, positions and highlights across restarts', async () => {
    const dir = tempDir();
    const first = new RememberedStore(dir);
    expect(await first.settings()).toEqual(DEFAULT_SETTINGS);
    await first.setSettings({ theme: 'sepia', textStep: 2 });
    await first.setUiState('find.history', ['moscow', 'kyiv']);
    await first.setPosition(KEY, { block: 'b4', offset: 17, progress: 0.4 });
    await first.setHighlights(KEY, { title: 'Sample', annotations: [annotation] });

    const second = new RememberedStore(dir);
    expect(await second.settings()).toEqual({ ...DEFAULT_SETTINGS, theme: 'sepia', textStep: 2 });
    expect(await second.uiState('find.history')).toEqual(['moscow', 'kyiv']);
    expect(await second.uiState('other.thing')).toBeNull();
    expect(await second.position(KEY)).toEqual({ block: 'b4', offset: 17, progress: 0.4 });
    expect((await second.highlights(KEY)).annotations).toEqual([annotation]);
    expect(existsSync(join(dir, 'highlights', `${KEY}.json`))).toBe(true);
  });

  it('sets a damaged settings file aside, starts afresh and says so once', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), '{"version":1,"data":{"settings":{"theme":"neon"}}}');
    const store = new RememberedStore(dir);
    expect(await store.settings()).toEqual(DEFAULT_SETTINGS);
    const notices = store.takeNotices();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/damaged file was set aside/);
    expect(store.takeNotices()).toEqual([]);
    expect(readdirSync(dir).some((name) => name.startsWith('settings.json.corrupt-'))).toBe(true);
  });

  it('refuses a file from a newer version instead of reading it wrongly', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'positions.json'), '{"version":2,"data":{}}');
    const store = new RememberedStore(dir);
    expect(await store.position(KEY)).toBeNull();
    expect(store.takeNotices()[0]).toContain('positions.json');
  });
});

describe('the article read last', () => {
  it('is reopened at launch when no file is named', async () => {
    const dir = tempDir();
    const articles = join(dir, 'articles');
    await mkdir(articles);
    const sample = join(articles, 'sample.txt');
    const mine = join(articles, '001_0123456789abcdef.txt');
    await writeFile(sample, '# The sample\n\nText.\n');
    await writeFile(mine, '# My own article\n\nMore text.\n');
    const env = {
      info: { host: 'browser' as const, version: '0', nativeMenu: false },
      startupPath: sample,
      startupIsSample: true,
      userDataDir: join(dir, 'data'),
      openExternal: async () => undefined,
    };
    const first = createServices({ ...env, startupPath: mine, startupIsSample: false });
    expect((await first.handlers['app.start']()).article?.article.title).toBe('My own article');
    await settleWrites();
    const again = createServices(env);
    expect((await again.handlers['app.start']()).article?.article.title).toBe('My own article');
  });

  it('reopens the folder that was open last when nothing is named at launch', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-last-folder-'));
    const sample = join(dir, 'sample.txt');
    writeFileSync(sample, '# The sample\n\nBody.');
    const folder = join(dir, 'news');
    mkdirSync(folder);
    writeFileSync(join(folder, '001_00000000000000a1.txt'), '# In the folder\n\nBody.');
    const env = {
      info: { host: 'browser' as const, version: '0', nativeMenu: false },
      startupPath: sample,
      startupIsSample: true,
      userDataDir: join(dir, 'data'),
      openExternal: async () => undefined,
    };
    const first = createServices({ ...env, startupPath: folder, startupIsSample: false });
    const named = await first.handlers['app.start']();
    expect(named.article).toBeNull();
    expect(named.library?.folder).toBe(folder);
    await first.library.close();
    await settleWrites();
    const again = createServices(env);
    expect((await again.handlers['app.start']()).library?.folder).toBe(folder);
    await again.library.close();
  });
});

describe('exporting to a file the user chose', () => {
  it('writes the text where the Save dialog said, and nothing when it was cancelled', async () => {
    const dir = tempDir();
    const target = join(dir, 'notes.md');
    const env = {
      info: { host: 'electron' as const, version: '0', nativeMenu: true },
      startupPath: join(dir, 'none.txt'),
      startupIsSample: true,
      userDataDir: join(dir, 'data'),
      openExternal: async () => undefined,
    };
    let answer: string | null = target;
    const { handlers } = createServices({ ...env, showSaveDialog: async () => answer });
    const request = { suggestedName: 'notes.md', text: '# Highlights\n' };
    expect(await handlers['file.saveText'](request)).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe('# Highlights\n');
    answer = null;
    expect(await handlers['file.saveText']({ ...request, text: 'other' })).toBeNull();
    expect(readFileSync(target, 'utf8')).toBe('# Highlights\n');
  });
});

describe('a damaged settings file', () => {
  const cases: Array<[string, string]> = [
    ['truncated', '{"version":1,"data":{"settings":{"theme":"da'],
    [
      'of the wrong types',
      '{"version":1,"data":{"settings":{"theme":42},"ui":[],"lastArticle":7}}',
    ],
    ['huge', `{"version":1,"data":"${'x'.repeat(30 * 1024 * 1024)}"}`],
    [
      'carrying __proto__ keys',
      '{"version":1,"data":{"__proto__":{"polluted":true},"settings":{"__proto__":{"polluted":true}}}}',
    ],
  ];
  it.each(cases)('starts with defaults when %s, sets it aside and says so', async (_name, text) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), text);
    const store = new RememberedStore(dir);
    expect(await store.settings()).toEqual(DEFAULT_SETTINGS);
    expect(store.takeNotices().join(' ')).toContain('settings.json');
    expect(readdirSync(dir).some((name) => name.startsWith('settings.json.corrupt-'))).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('the Recent list and the panel layout', () => {
  it('are kept across restarts like every other store', async () => {
    const dir = tempDir();
    const first = new RememberedStore(dir);
    expect(await first.recent()).toEqual([]);
    expect(await first.panel()).toEqual({ open: false, width: 320 });
    await first.opened('/news/a.txt', 'A');
    const recent = await first.opened('/news/b.txt', 'B');
    expect(recent.map((entry) => entry.title)).toEqual(['B', 'A']);
    await first.setPanel({ open: true, width: 400 });
    await settleWrites();

    const second = new RememberedStore(dir);
    expect((await second.recent()).map((entry) => entry.path)).toEqual([
      '/news/b.txt',
      '/news/a.txt',
    ]);
    expect(await second.lastArticle()).toBe('/news/b.txt');
    expect(await second.panel()).toEqual({ open: true, width: 400 });
    expect(second.takeNotices()).toEqual([]);
  });

  it('reads the files an earlier version wrote, without calling them damaged', async () => {
    const dir = tempDir();
    const entry = { path: '/news/old.txt', title: 'Old', openedAt: '2026-01-01T00:00:00.000Z' };
    writeFileSync(join(dir, 'recent.json'), JSON.stringify({ version: 1, entries: [entry] }));
    writeFileSync(join(dir, 'panel.json'), JSON.stringify({ version: 1, open: true, width: 300 }));
    const store = new RememberedStore(dir);
    expect(await store.recent()).toEqual([entry]);
    expect(await store.panel()).toEqual({ open: true, width: 300 });
    expect(store.takeNotices()).toEqual([]);
    await store.setPanel({ open: false, width: 300 });
    expect(JSON.parse(readFileSync(join(dir, 'panel.json'), 'utf8'))).toEqual({
      version: 2,
      data: { open: false, width: 300 },
    });
  });

  it('answers an open before its two files are on disk, and still writes them', async () => {
    const dir = tempDir();
    const store = new RememberedStore(dir);
    await store.recent();
    await store.lastArticle();
    const recent = await store.opened('/news/c.txt', 'C');
    // Nothing has reached the disk yet: the answer did not wait for either fsync.
    expect(existsSync(join(dir, 'recent.json'))).toBe(false);
    expect(recent[0]?.title).toBe('C');
    await settleWrites();
    expect(await new RememberedStore(dir).lastArticle()).toBe('/news/c.txt');
  });

  it('reports a background save that failed, once', async () => {
    const root = tempDir();
    const dir = join(root, 'data');
    const store = new RememberedStore(dir);
    await store.recent();
    await store.lastArticle();
    // A plain file where the folder should be makes every write fail, even for root.
    writeFileSync(dir, '');
    await store.opened('/news/d.txt', 'D');
    await settleWrites();
    const notices = store.takeNotices();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/could not save to .*kept while Lectern stays open/);
    expect((await store.recent())[0]?.title).toBe('D');
  });
});

describe('every damaged store', () => {
  it.each([
    ['settings.json', (s: RememberedStore) => s.settings()],
    ['positions.json', (s: RememberedStore) => s.position(KEY)],
    ['recent.json', (s: RememberedStore) => s.recent()],
    ['panel.json', (s: RememberedStore) => s.panel()],
    [`highlights/${KEY}.json`, (s: RememberedStore) => s.highlights(KEY)],
  ])('%s is set aside and reported in the same words', async (name, read) => {
    const dir = tempDir();
    mkdirSync(join(dir, 'highlights'));
    writeFileSync(join(dir, name), '{"version": 1, "data": ');
    const store = new RememberedStore(dir);
    await read(store);
    const notices = store.takeNotices();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(
      new RegExp(
        `^A damaged file was set aside and started afresh: .*${name} \\(kept as .*\\)\\.$`,
      ),
    );
  });
});
