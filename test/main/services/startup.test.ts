import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../src/shared/annotation';
import { createServices, type LecternServices } from '../../../src/main/services/lectern-handlers';
import { settleWrites } from '../../../src/main/services/pending-writes';
import { RememberedStore } from '../../../src/main/services/remembered-store';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';

const KEY = '0123456789abcdef';
const INFO = { host: 'browser' as const, version: '0', nativeMenu: false };
const opened: LecternServices[] = [];
afterEach(async () => {
  for (const services of opened.splice(0)) await services.library.close();
});

function setUp() {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-startup-'));
  const userDataDir = join(dir, 'data');
  mkdirSync(userDataDir);
  const sample = join(dir, 'sample.txt');
  writeFileSync(sample, '# The sample\n\nText.\n');
  const article = join(dir, `001_${KEY}.txt`);
  writeFileSync(article, '# Mine\n\nFirst paragraph.\n\nSecond paragraph.\n');
  const start = (named?: string) => {
    const services = createServices({
      info: INFO,
      startupPath: named ?? sample,
      startupIsSample: !named,
      userDataDir,
      openExternal: async () => undefined,
    });
    opened.push(services);
    return services.handlers['app.start']();
  };
  return { dir, userDataDir, article, start };
}

const note: Annotation = {
  id: 'n1',
  type: 'Annotation',
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  colour: 'blue',
  note: '',
  target: {
    selector: [
      { type: 'TextQuoteSelector', exact: 'Second', prefix: '', suffix: ' paragraph' },
      { type: 'TextPositionSelector', start: 21, end: 27 },
    ],
  },
};

describe('app.start, the one start-up call', () => {
  it('answers an article with its position, highlights, settings, panel and Recent list', async () => {
    const { userDataDir, article, start } = setUp();
    const store = new RememberedStore(userDataDir);
    await store.setSettings({ theme: 'dark', textStep: 1 });
    await store.setPanel({ open: true, width: 410 });
    await store.setPosition(KEY, { block: 'b1', offset: 3, progress: 0.6 });
    await store.setHighlights(KEY, { title: 'Mine', annotations: [note] });

    const answer = await start(article);
    expect(answer.info).toEqual(INFO);
    expect(answer.settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', textStep: 1 });
    expect(answer.panel).toEqual({ open: true, width: 410 });
    expect(answer.article?.article.title).toBe('Mine');
    expect(answer.article?.key).toBe(KEY);
    expect(answer.article?.position).toEqual({ block: 'b1', offset: 3, progress: 0.6 });
    expect(answer.article?.highlights.annotations).toEqual([note]);
    // A file named at launch goes on the Recent list, which the same answer carries.
    expect(answer.recent.map((entry) => entry.path)).toEqual([article]);
    expect(answer).toMatchObject({ library: null, libraryError: null, articleError: null });
    expect(answer.notices).toEqual([]);
  });

  it('answers a folder named at launch as a library, with no article chosen yet', async () => {
    const { dir, start } = setUp();
    const folder = join(dir, 'news');
    mkdirSync(folder);
    writeFileSync(join(folder, '001_00000000000000a1.txt'), '# In the folder\n\nBody.');
    const answer = await start(folder);
    expect(answer.library?.folder).toBe(folder);
    expect(answer.article).toBeNull();
    expect(answer.articleError).toBeNull();
    expect(answer.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('answers defaults and one notice per damaged file, and still shows the article', async () => {
    const { userDataDir, article, start } = setUp();
    for (const name of ['settings.json', 'positions.json', 'recent.json', 'panel.json']) {
      writeFileSync(join(userDataDir, name), '{"version": 1, "data": {"broken"');
    }
    mkdirSync(join(userDataDir, 'highlights'));
    writeFileSync(join(userDataDir, 'highlights', `${KEY}.json`), '[1, 2');

    const answer = await start(article);
    expect(answer.settings).toEqual(DEFAULT_SETTINGS);
    expect(answer.panel).toEqual({ open: false, width: 320 });
    expect(answer.article?.article.title).toBe('Mine');
    expect(answer.article?.position).toBeNull();
    expect(answer.article?.highlights.annotations).toEqual([]);
    expect(answer.notices).toHaveLength(5);
    for (const name of ['settings', 'positions', 'recent', 'panel', KEY]) {
      expect(answer.notices.filter((n) => n.includes(`${name}.json (kept as`))).toHaveLength(1);
    }
    await settleWrites();
    expect(readdirSync(userDataDir).filter((n) => n.includes('.corrupt-'))).toHaveLength(4);
  });

  it('carries a file that cannot be opened as an error beside the rest', async () => {
    const { dir, start } = setUp();
    const binary = join(dir, 'photo.txt');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    const answer = await start(binary);
    expect(answer.article).toBeNull();
    expect(answer.articleError?.message).toMatch(/PNG image/);
    expect(answer.settings).toEqual(DEFAULT_SETTINGS);
  });
});
