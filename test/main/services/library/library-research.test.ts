import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../src/shared/annotation';
import type { AppEvent } from '../../../../src/shared/library';
import { RememberedStore } from '../../../../src/main/services/remembered-store';
import { LibraryService } from '../../../../src/main/services/library/library-service';
import { researchHandlers } from '../../../../src/main/services/library/research-handlers';
import { SEARCH_PAGE, type SearchResults } from '../../../../src/shared/library';
import {
  NO_FILTER,
  readingStatus,
  type SearchFilter,
} from '../../../../src/shared/library-research';

let folder: string;
let userData: string;
let events: AppEvent[];
let service: LibraryService;
let store: RememberedStore;
let calls: ReturnType<typeof researchHandlers>;

const article = (title: string, body: string, url: string) =>
  `# ${title}\n\nBy [Wire](#)\n\nJune 8, 2025\n\n${body}\n\nOriginal url:\n\n<${url}>\n`;

const ARTICLES: Record<string, string> = {
  '001_000000000000000a.txt': article(
    'Talks in Kyiv',
    'Volodymyr Zelensky met officials in Kyiv on Monday. Kyiv was calm.',
    'https://www.example.com/talks/',
  ),
  // The same page saved again, its address spelt differently: a copy.
  '002_000000000000000b.txt': article(
    'Talks in Kyiv (saved again)',
    'Volodymyr Zelensky met officials in Kyiv on Monday. Kyiv was calm. An update followed.',
    'http://example.com/talks#top',
  ),
  // Another address, the same body as the first: a copy too, so all three are one group.
  'sub/003_000000000000000c.txt': article(
    'Kyiv talks',
    'Volodymyr Zelensky met officials in Kyiv on Monday. Kyiv was calm.',
    'https://mirror.example.org/1',
  ),
  '004_000000000000000d.txt': article(
    'Harvest in Odesa',
    'Farmers near Odesa brought in the wheat. Odesa exports rose.',
    'https://example.com/harvest',
  ),
  // No article id in the name: its key comes from its original address, as the reader's.
  'plain-name.md': article(
    'A market report',
    'Traders in Odesa said prices held steady.',
    'https://example.com/market',
  ),
};

function write(rel: string, text: string) {
  writeFileSync(join(folder, rel), text);
}

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'lectern-research-'));
  userData = mkdtempSync(join(tmpdir(), 'lectern-research-data-'));
  mkdirSync(join(folder, 'sub'));
  for (const [rel, text] of Object.entries(ARTICLES)) write(rel, text);
  events = [];
  service = new LibraryService({ userDataDir: userData, emit: (e) => events.push(e) });
  store = new RememberedStore(userData);
  calls = researchHandlers(service, store);
  await service.open(folder);
  await service.whenIdle();
  await service.whenAnalysed();
});

afterEach(async () => {
  await service.close();
  rmSync(folder, { recursive: true, force: true });
  rmSync(userData, { recursive: true, force: true });
});

const idOf = (rel: string) => service.entryIdAt(join(service.root!, rel))!;

describe('copies', () => {
  it('groups articles with the same original address or the same body', async () => {
    const facts = (await calls['research.facts']())!;
    expect(facts.copies.map((group) => group.sort())).toEqual([
      [
        idOf('001_000000000000000a.txt'),
        idOf('002_000000000000000b.txt'),
        idOf('sub/003_000000000000000c.txt'),
      ].sort(),
    ]);
  });

  it('forgets a copy that is deleted', async () => {
    unlinkSync(join(folder, '002_000000000000000b.txt'));
    unlinkSync(join(folder, 'sub/003_000000000000000c.txt'));
    await until(async () => (await calls['research.facts']())!.copies.length === 0);
  });
});

describe('people and places', () => {
  it('counts the articles each name appears in, most first, and filters by name', async () => {
    const list = (await calls['research.names'](''))!;
    expect(list.names.slice(0, 3)).toEqual([
      { name: 'Kyiv', kind: 'place', articles: 3 },
      { name: 'Volodymyr Zelensky', kind: 'person', articles: 3 },
      { name: 'Odesa', kind: 'place', articles: 2 },
    ]);
    const filtered = (await calls['research.names']('ODE'))!;
    expect(filtered.names.map((n) => n.name)).toEqual(['Odesa']);
    expect(filtered.matching).toBe(1);
    expect((await calls['research.mentioning']('Odesa')).sort()).toEqual(
      [idOf('004_000000000000000d.txt'), idOf('plain-name.md')].sort(),
    );
  });

  it('says in how many other articles each of an article’s names appears', async () => {
    const path = join(service.root!, '004_000000000000000d.txt');
    expect(await calls['research.otherMentions'](path, ['Odesa', 'Kyiv', 'Nowhere'])).toEqual({
      Odesa: 1,
      Kyiv: 3,
      Nowhere: 0,
    });
  });

  it('reads a changed article again', async () => {
    write(
      '004_000000000000000d.txt',
      article('Harvest', 'Nothing about places.', 'https://example.com/h'),
    );
    await until(async () => (await calls['research.mentioning']('Odesa')).length === 1);
  });
});

describe('reading status', () => {
  it('reports how far each article was read and which to continue', async () => {
    await store.setPosition('000000000000000a', { block: 'b3', offset: 0, progress: 1 });
    await store.setPosition('000000000000000a', { block: 'b1', offset: 0, progress: 0.2 });
    await store.setPosition('000000000000000d', { block: 'b2', offset: 4, progress: 0.4 });
    const facts = (await calls['research.facts']())!;
    const byId = new Map(facts.reading.map((r) => [r.id, r.record]));
    // The end was reached once, so it stays finished though the reader scrolled back.
    expect(byId.get(idOf('001_000000000000000a.txt'))).toMatchObject({
      progress: 0.2,
      furthest: 1,
    });
    expect(byId.get(idOf('004_000000000000000d.txt'))).toMatchObject({
      progress: 0.4,
      furthest: 0.4,
    });
    expect(facts.continueWith?.title).toBe('Harvest in Odesa');
  });

  it('marks articles read and unread, by key, also one named without an id', async () => {
    const plain = idOf('plain-name.md');
    await calls['research.markRead']([plain, idOf('004_000000000000000d.txt')], true);
    let facts = (await calls['research.facts']())!;
    expect(facts.reading.map((r) => [r.id, r.record.furthest]).sort()).toEqual(
      [
        [plain, 1],
        [idOf('004_000000000000000d.txt'), 1],
      ].sort(),
    );
    expect(Object.keys(await store.readingRecords())).toContainEqual(
      expect.stringMatching(/^sha-/),
    );
    await calls['research.markRead']([plain], false);
    facts = (await calls['research.facts']())!;
    expect(facts.reading.map((r) => r.id)).toEqual([idOf('004_000000000000000d.txt')]);
    expect(facts.continueWith).toBeNull();
  });

  it('marked read and then unread, a partly read article is back where it was, place and all', async () => {
    const key = '000000000000000d';
    const id = idOf('004_000000000000000d.txt');
    await store.setPosition(key, { block: 'b2', offset: 4, progress: 0.4 });
    await calls['research.markRead']([id], true);
    const marked = (await calls['research.facts']())!.reading.find((r) => r.id === id);
    expect(readingStatus(marked?.record)).toEqual({ state: 'finished' });
    await calls['research.markRead']([id], false);
    const back = (await calls['research.facts']())!.reading.find((r) => r.id === id);
    expect(readingStatus(back?.record)).toEqual({ state: 'reading', percent: 40 });
    expect(await store.position(key)).toEqual({ block: 'b2', offset: 4, progress: 0.4 });
    // Read again since, or finished by reading, it is forgotten as before.
    await calls['research.markRead']([id], true);
    await store.setPosition(key, { block: 'b9', offset: 0, progress: 0.7 });
    await calls['research.markRead']([id], false);
    expect(await store.position(key)).toBeNull();
  });
});

describe('search with the syntax', () => {
  const titles = (found: SearchResults) => found.hits.map((h) => h.entry.title).sort();
  const search = (typed: string, filter: SearchFilter, limit = SEARCH_PAGE) =>
    calls['research.search'](typed, filter, limit);

  it('keeps to the list’s filters: reading status, copies and a name', async () => {
    expect(titles(await search('odesa', NO_FILTER))).toEqual([
      'A market report',
      'Harvest in Odesa',
    ]);
    await calls['research.markRead']([idOf('004_000000000000000d.txt')], true);
    expect(titles(await search('odesa', { ...NO_FILTER, status: 'finished' }))).toEqual([
      'Harvest in Odesa',
    ]);
    expect(titles(await search('odesa', { ...NO_FILTER, status: 'unread' }))).toEqual([
      'A market report',
    ]);
    expect(titles(await search('kyiv -update', { ...NO_FILTER, duplicates: true }))).toEqual([
      'Kyiv talks',
      'Talks in Kyiv',
    ]);
    expect(
      titles(await search('talks', { ...NO_FILTER, named: 'Volodymyr Zelensky' })),
    ).toHaveLength(3);
    expect(await search('talks', { ...NO_FILTER, source: 'Nobody' })).toEqual({
      hits: [],
      total: 0,
    });
  });

  it('sends the best results up to the limit asked for, and counts every match', async () => {
    const all = await search('talks', NO_FILTER);
    expect(all.hits).toHaveLength(all.total);
    expect(all.total).toBeGreaterThan(2);
    const best = await search('talks', NO_FILTER, 2);
    expect(best.total).toBe(all.total);
    // The first of a longer list are the same results, in the same order: "Show more" adds on.
    expect(best.hits.map((hit) => hit.entry.path)).toEqual(
      all.hits.slice(0, 2).map((hit) => hit.entry.path),
    );
  });

  it('follows an article read when it moves, though the remembered keys stay the same', async () => {
    const finished = { ...NO_FILTER, status: 'finished' as const };
    await calls['research.markRead']([idOf('004_000000000000000d.txt')], true);
    const before = await search('odesa', finished);
    expect(before.hits.map((hit) => hit.entry.path)).toEqual([
      join(folder, '004_000000000000000d.txt'),
    ]);
    renameSync(
      join(folder, '004_000000000000000d.txt'),
      join(folder, 'sub/004_000000000000000d.txt'),
    );
    await until(async () => {
      const after = await search('odesa', finished);
      return after.hits[0]?.entry.path === join(folder, 'sub/004_000000000000000d.txt');
    });
  });

  it('shows the opening of the body for a result matched by its source or title alone', async () => {
    const text = (found: SearchResults) => found.hits[0]!.snippet.map((part) => part.text).join('');
    const byFields = await search('source:wire title:harvest', NO_FILTER);
    expect(byFields.hits[0]!.snippet).toEqual([
      { text: 'Farmers near Odesa brought in the wheat. Odesa exports rose.', hit: false },
    ]);
    // A word sought in the text is marked there, whatever fields come with it.
    const mixed = await search('title:harvest source:wire exports', NO_FILTER);
    expect(text(mixed)).toMatch(/^…brought in the wheat/);
    expect(mixed.hits[0]!.snippet.filter((part) => part.hit)).toEqual([
      { text: 'exports', hit: true },
    ]);
  });

  it('reads a word before a colon and a space as a word, as in a pasted headline', async () => {
    expect(titles(await search('Odesa: prices', NO_FILTER))).toEqual(['A market report']);
  });

  it('refuses a malformed query with what is wrong', async () => {
    await expect(search('odesa author:x', NO_FILTER)).rejects.toThrow('Unknown field “author:”');
  });
});

describe('every highlight', () => {
  const annotation = (id: string, created: string, exact: string): Annotation => ({
    id,
    type: 'Annotation',
    created,
    modified: created,
    colour: 'yellow',
    note: '',
    target: {
      selector: [
        { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: 0, end: exact.length },
      ],
    },
  });

  it('lists them newest first, with their article, and keeps those of articles gone', async () => {
    await store.setHighlights('000000000000000d', {
      title: 'Harvest in Odesa',
      annotations: [annotation('h1', '2025-01-01T00:00:00Z', 'wheat')],
    });
    await store.setHighlights('0123456789abcdef', {
      title: 'An article read elsewhere',
      annotations: [annotation('h2', '2025-02-01T00:00:00Z', 'elsewhere')],
    });
    const all = await calls['highlights.all']();
    expect(all.map((h) => [h.annotation.id, h.title, h.article?.source ?? null])).toEqual([
      ['h2', 'An article read elsewhere', null],
      ['h1', 'Harvest in Odesa', 'Wire'],
    ]);
    expect(all[1]!.article).toMatchObject({
      path: join(service.root!, '004_000000000000000d.txt'),
      url: 'https://example.com/harvest',
    });
  });

  it('reads files written by an earlier run, and sweeps the temp files a killed write left', async () => {
    const dir = join(userData, 'highlights');
    mkdirSync(dir, { recursive: true });
    const stored = {
      title: 'Harvest in Odesa',
      annotations: [annotation('h3', '2025-03-01T00:00:00Z', 'wheat')],
    };
    writeFileSync(join(dir, '000000000000000d.json'), JSON.stringify({ version: 1, data: stored }));
    writeFileSync(join(dir, '000000000000000d.json.12345'), '{"version":1,"da');
    writeFileSync(join(dir, 'notes.txt'), 'not a highlights file');
    const all = await new RememberedStore(userData).allHighlights();
    expect(all).toEqual([['000000000000000d', stored]]);
    expect(readdirSync(dir).sort()).toEqual(['000000000000000d.json', 'notes.txt']);
  });
});

describe('the analysis', () => {
  it('reports its own progress and is not redone on reopen', async () => {
    const phases = events.flatMap((e) => (e.type === 'library-analysis' ? [e.progress] : []));
    expect(phases.at(-1)).toMatchObject({ phase: 'names', done: 5, total: 5, running: false });
    await service.close();
    events = [];
    await service.open(folder);
    await service.whenIdle();
    await service.whenAnalysed();
    const again = events.flatMap((e) => (e.type === 'library-analysis' ? [e.progress] : []));
    // Every article counted as done from the start: nothing was due.
    expect(again.length).toBeGreaterThan(0);
    expect(again.every((p) => p.total === 5 && p.done === 5)).toBe(true);
  });
});

async function until(check: () => Promise<boolean>, ms = 8000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting for the analysis');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
