import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync, truncateSync, symlinkSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  articleIdFromName,
  describeFsError,
  loadArticleFile,
} from '../../../src/main/services/article-file';

const dir = mkdtempSync(join(tmpdir(), 'lectern-file-'));
const write = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('loadArticleFile', () => {
  it('opens an article and describes its file', async () => {
    const text = '# Hello\r\n\r\nBy [AFP](#)\r\n\r\nBody.\r\n';
    const path = write('042_0123456789abcdef.txt', text);
    const article = await loadArticleFile(path);
    expect(article.title).toBe('Hello');
    expect(article.source).toMatchObject({
      name: '042_0123456789abcdef.txt',
      path,
      articleId: '0123456789abcdef',
      size: Buffer.byteLength(text),
      encoding: 'utf-8',
      lineEndings: 'CRLF',
    });
    expect(article.source.modified).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it.each([
    ['a missing file', () => join(dir, 'nope.txt'), 'not-found'],
    ['a folder', () => dir, 'is-folder'],
    ['an empty file', () => write('empty.txt', ''), 'empty'],
    ['a blank file', () => write('blank.txt', ' \n\t\n'), 'empty'],
    ['a binary file', () => write('image.txt', Buffer.from('89504e470d0a1a0a', 'hex')), 'binary'],
  ])('refuses %s with a clear code', async (_name, make, code) => {
    await expect(loadArticleFile(make())).rejects.toMatchObject({ code });
  });

  it('refuses a 300 MB file without reading it', async () => {
    const path = write('huge.txt', '');
    truncateSync(path, 300 * 1024 * 1024); // sparse: no 300 MB is written or read
    const before = process.memoryUsage().rss;
    await expect(loadArticleFile(path)).rejects.toMatchObject({
      code: 'too-large',
      message: expect.stringContaining('300.0 MB'),
    });
    expect(process.memoryUsage().rss - before).toBeLessThan(50 * 1024 * 1024);
  });

  it('reads every byte of a file that grew after its size was taken', async () => {
    const text = `# Grown\n\n${'More words in the body. '.repeat(4_000)}\n`;
    const path = write('grown.txt', text);
    // The size stat gives is the file's when it was opened; here it grew 90 KB since.
    const openShrunk = async (file: string) => {
      const handle = await open(file, 'r');
      const stat = handle.stat.bind(handle);
      return Object.assign(handle, {
        stat: async () => Object.assign(await stat(), { size: 10 }),
      }) as typeof handle;
    };
    const article = await loadArticleFile(path, openShrunk);
    expect(article.source.size).toBe(Buffer.byteLength(text));
    expect(article.title).toBe('Grown');
  });

  it('never opens a FIFO (which would hang)', async () => {
    const path = join(dir, 'pipe.txt');
    execFileSync('mkfifo', [path]);
    await expect(loadArticleFile(path)).rejects.toMatchObject({ code: 'not-a-file' });
  });

  it('reports a symlink loop', async () => {
    const path = join(dir, 'loop.txt');
    symlinkSync(path, path);
    await expect(loadArticleFile(path)).rejects.toMatchObject({ code: 'not-a-file' });
  });

  it('reports permission denied', async () => {
    const path = write('secret.txt', '# Secret\n\nBody.');
    chmodSync(path, 0o000);
    if (process.getuid?.() !== 0) {
      await expect(loadArticleFile(path)).rejects.toMatchObject({ code: 'permission-denied' });
      return;
    }
    // Root reads everything: take the real error an unprivileged user gets, and map that.
    chmodSync(dir, 0o755);
    const child = spawnSync(
      process.execPath,
      ['-e', `require('fs').readFile(${JSON.stringify(path)}, (e) => console.log(e && e.code))`],
      { uid: 65534, gid: 65534, encoding: 'utf8' },
    );
    const code = child.stdout.trim();
    expect(code).toBe('EACCES');
    expect(describeFsError(Object.assign(new Error(code), { code }), 'secret.txt')).toMatchObject({
      code: 'permission-denied',
      message: 'Lectern is not allowed to read “secret.txt” (permission denied).',
    });
  });
});

describe('articleIdFromName', () => {
  it('takes the 16-hex id from NNN_<id>.txt names only', () => {
    expect(articleIdFromName('000_e51e31a3faca41e8.txt')).toBe('e51e31a3faca41e8');
    expect(articleIdFromName('notes.txt')).toBeNull();
    expect(articleIdFromName('000_e51e31a3faca41e.txt')).toBeNull();
  });
});
