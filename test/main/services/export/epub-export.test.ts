/**
 * EPUB export through the real handlers: a library of three articles (one with a hostile title),
 * highlights and a note stored as the window stores them, the Save dialog answered with a path;
 * then the book is opened as a zip and checked by epubcheck where it is installed.
 */
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createServices,
  type LecternServices,
} from '../../../../src/main/services/lectern-handlers';
import { loadArticleFile } from '../../../../src/main/services/article-file';
import { articleKey } from '../../../../src/shared/article-key';
import { formatArticleDate } from '../../../../src/shared/article-date-format';
import type { EpubExport, ExportProgress } from '../../../../src/shared/export/export-job';
import { markArticle } from '../../../../src/shared/export/marked-text';
import { describeSpan } from '../../../../src/shared/text-anchoring';
import { generateArticle } from '../../../support/generate-articles';
import { epubcheck } from './epubcheck';

const root = mkdtempSync(join(tmpdir(), 'lectern-epub-test-'));
const folder = join(root, 'library');
const out = join(root, 'out');
const HOSTILE = '<script>alert("owned")</script> & Sons';
const paths = [
  join(folder, '000_e51e31a3faca41e8.txt'),
  join(folder, '002_00000000000000bb.txt'),
  join(folder, '003_00000000000000cc.txt'),
];
let services: LecternServices;
let saveTo = '';
const progress: ExportProgress[] = [];

beforeAll(async () => {
  mkdirSync(folder);
  mkdirSync(out);
  copyFileSync(join('resources', '000_e51e31a3faca41e8.txt'), paths[0]!);
  writeFileSync(paths[1]!, generateArticle(6_000, 3, HOSTILE));
  writeFileSync(paths[2]!, generateArticle(4_000, 5, 'Third Article'));
  services = createServices({
    info: { host: 'electron', version: 'test', nativeMenu: true },
    startupPath: folder,
    startupIsSample: false,
    userDataDir: join(root, 'user-data'),
    openExternal: async () => undefined,
    showSaveDialog: async () => saveTo || null,
  });
  services.events.subscribe((event) => {
    if (event.type === 'export-progress') progress.push(event.progress);
  });
  await services.handlers['library.openDropped'](folder);
  // Two highlights and a note on the sample, stored under its key as the window stores them.
  const sample = await loadArticleFile(paths[0]!);
  const { text } = markArticle(sample);
  const annotation = (quote: string, colour: 'yellow' | 'pink', note: string) => {
    const start = text.indexOf(quote);
    const { quote: q, position } = describeSpan(text, { start, end: start + quote.length });
    const when = '2025-06-08T00:00:00Z';
    return {
      id: `h-${start}`,
      type: 'Annotation' as const,
      ...{ created: when, modified: when, colour, note },
      target: { selector: [q, position] as [typeof q, typeof position] },
    };
  };
  await services.handlers['highlights.set'](await articleKey(sample), {
    title: sample.title,
    annotations: [
      annotation('pushing into Ukraine', 'yellow', ''),
      annotation('stalled peace talks', 'pink', 'Talks in Istanbul on June 2.'),
    ],
  });
});

afterAll(async () => {
  await services.library.close();
  rmSync(root, { recursive: true, force: true });
});

const unzip = (file: string, entry: string) =>
  execFileSync('unzip', ['-p', file, entry], { encoding: 'utf8' });

describe('Export as EPUB', () => {
  let result: EpubExport | null;
  const book = join(out, 'three.epub');

  beforeAll(async () => {
    saveTo = book;
    result = await services.handlers['export.epub']({ articles: paths, title: 'Three & more' });
  });

  it('saves one chapter per article, in list order, and says so', () => {
    expect(result).toEqual({ saved: book, articles: 3, skipped: [] });
    const entries = execFileSync('unzip', ['-Z1', book], { encoding: 'utf8' }).split('\n');
    expect(entries[0]).toBe('mimetype');
    expect(entries.filter((e) => /article-\d+\.xhtml$/.test(e)).sort()).toEqual([
      'OEBPS/article-0001.xhtml',
      'OEBPS/article-0002.xhtml',
      'OEBPS/article-0003.xhtml',
    ]);
    // Only the book is left in the folder: no temp file of the atomic write.
    expect(readdirSync(out)).toEqual(['three.epub']);
  });

  it('has a table of contents with every title, escaped', () => {
    const nav = unzip(book, 'OEBPS/toc.xhtml');
    const titles = [...nav.matchAll(/<a href="(article-\d+\.xhtml)">([^<]*)</g)].map((m) => m[2]);
    expect(titles).toEqual([
      'Russia Says Pushing Offensive Into Ukraine&#39;s Dnipropetrovsk Region',
      '&lt;script&gt;alert(&#34;owned&#34;)&lt;/script&gt; &amp; Sons',
      'Third Article',
    ]);
    expect(nav).not.toContain('<script');
  });

  it('gives each chapter its metadata header, highlights as marks and notes as endnotes', () => {
    const first = unzip(book, 'OEBPS/article-0001.xhtml');
    // The date as Lectern writes every date (the system's locale here, as main has no window).
    expect(first).toContain(
      `By AFP · <time datetime="2025-06-08">${formatArticleDate('2025-06-08')}</time>`,
    );
    expect(first).toContain('File: 000_e51e31a3faca41e8.txt');
    expect(first).toMatch(/<mark class="hl-yellow">pushing into Ukraine<\/mark>/);
    expect(first).toMatch(/<mark class="hl-pink">stalled peace talks<\/mark><a class="noteref"/);
    expect(first).toContain('Talks in Istanbul on June 2.');
    const second = unzip(book, 'OEBPS/article-0002.xhtml');
    expect(second).not.toMatch(/<script/);
    expect(second).toContain('&lt;script&gt;');
  });

  it('reports its progress, ending with a run that is over', () => {
    expect(progress.at(0)).toEqual({ phase: 'reading', done: 0, total: 3, running: true });
    expect(progress).toContainEqual({ phase: 'packing', done: 3, total: 3, running: true });
    expect(progress.at(-1)?.running).toBe(false);
  });

  const check = epubcheck();
  it.skipIf(!check.available)('passes epubcheck with no errors', { timeout: 120_000 }, () => {
    const report = check.run(book);
    expect(report.output).toMatch(/Messages: 0 fatals \/ 0 errors/);
    expect(report.status).toBe(0);
  });
  it.runIf(!check.available)('says why epubcheck did not run', () => {
    console.log(`epubcheck skipped: ${check.reason}`);
    expect(check.reason).toBeTruthy();
  });
});

describe('EPUB export refusals', () => {
  it('leaves out a file outside the library and says why', async () => {
    const outside = join(root, 'outside.txt');
    writeFileSync(outside, '# Outside\n\nNot in the library.');
    saveTo = join(out, 'two.epub');
    const result = await services.handlers['export.epub']({
      articles: [paths[2]!, outside],
      title: 'Two',
    });
    expect(result?.articles).toBe(1);
    expect(result?.skipped).toEqual([
      `${outside} is not inside the open library, so it was left out.`,
    ]);
  });

  it('writes nothing when the Save dialog is cancelled', async () => {
    saveTo = '';
    expect(await services.handlers['export.epub']({ articles: paths, title: 'None' })).toBeNull();
  });

  it('stops at once on Stop, writing nothing', async () => {
    const list = Array.from({ length: 60 }, (_, i) => {
      const path = join(folder, `many-${i}.txt`);
      writeFileSync(path, generateArticle(3_000, i, `Article ${i}`));
      return path;
    });
    saveTo = join(out, 'stopped.epub');
    const stop = services.events.subscribe((event) => {
      if (event.type === 'export-progress' && event.progress.done >= 5) {
        void services.handlers['export.cancel']();
      }
    });
    await expect(
      services.handlers['export.epub']({ articles: list, title: 'Stopped' }),
    ).rejects.toThrow('Export stopped. Nothing was written.');
    stop();
    expect(existsSync(saveTo)).toBe(false);
  });

  it('refuses a second export while one runs', async () => {
    saveTo = join(out, 'first.epub');
    const first = services.handlers['export.epub']({ articles: paths, title: 'First' });
    await expect(
      services.handlers['export.epubBytes']({ articles: paths, title: 'Second' }),
    ).rejects.toThrow('An export is already under way');
    expect((await first)?.articles).toBe(3);
  });
});
