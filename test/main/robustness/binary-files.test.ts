/** Fifty binary files of common formats, renamed .txt: every one refused, quickly, from its first bytes. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { loadArticleFile } from '../../../src/main/services/article-file';
import { generateArticle } from '../../support/generate-articles';

const dir = mkdtempSync(join(tmpdir(), 'lectern-binary-'));
const text = Buffer.from(generateArticle(64 * 1024));
const pad = (head: number[] | Buffer, size = 200 * 1024) =>
  Buffer.concat([Buffer.from(head), randomBytes(size)]);
const ascii = (s: string) => [...Buffer.from(s, 'latin1')];

const fontFiles = readdirSync('node_modules/@fontsource/literata/files').filter((f) =>
  /latin-400-normal/.test(f),
);

const FORMATS: Record<string, () => Buffer> = {
  png: () => pad([0x89, ...ascii('PNG\r\n\x1a\n'), 0, 0, 0, 13, ...ascii('IHDR')]),
  jpeg: () => pad([0xff, 0xd8, 0xff, 0xe0, 0, 16, ...ascii('JFIF\0')]),
  gif: () => pad(ascii('GIF89a')),
  pdf: () => pad(ascii('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')),
  zip: () => pad([0x50, 0x4b, 0x03, 0x04, 20, 0, 8, 0]),
  docx: () => pad([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0, ...ascii('[Content_Types].xml')]),
  gzip: () => gzipSync(text),
  deflate: () => deflateSync(Buffer.concat([text, randomBytes(4096)])),
  brotli: () => brotliCompressSync(Buffer.concat([text, randomBytes(4096)])),
  bzip2: () => pad(ascii('BZh91AY&SY')),
  xz: () => pad([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]),
  '7z': () => pad([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]),
  rar: () => pad([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00]),
  zstd: () => pad([0x28, 0xb5, 0x2f, 0xfd]),
  tar: () => Buffer.concat([Buffer.alloc(257), Buffer.from('ustar\x0000'), randomBytes(4096)]),
  elf: () => readFileSync(process.execPath).subarray(0, 1024 * 1024),
  pe: () => pad([...ascii('MZ'), 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]),
  macho: () => pad([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]),
  javaClass: () => pad([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 52]),
  wasm: () => pad([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]),
  sqlite: () => {
    const path = join(dir, 'real.sqlite');
    const db = new DatabaseSync(path);
    db.exec('create table t(x); insert into t values (1), (2);');
    db.close();
    return readFileSync(path);
  },
  wav: () => pad([...ascii('RIFF'), 0x24, 0x08, 0, 0, ...ascii('WAVEfmt ')]),
  webp: () => pad([...ascii('RIFF'), 0x24, 0x08, 0, 0, ...ascii('WEBPVP8 ')]),
  mp4: () => pad([0, 0, 0, 0x20, ...ascii('ftypisom'), 0, 0, 2, 0]),
  webm: () => pad([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81]),
  mp3: () => pad([...ascii('ID3'), 4, 0, 0, 0, 0, 0, 0]),
  ogg: () => pad([...ascii('OggS'), 0, 2, 0, 0]),
  flac: () => pad([...ascii('fLaC'), 0, 0, 0, 0x22]),
  tiffLE: () => pad([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]),
  tiffBE: () => pad([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]),
  bmp: () => pad([...ascii('BM'), 0x36, 0x10, 0x0e, 0, 0, 0, 0, 0]),
  ico: () => pad([0, 0, 1, 0, 1, 0, 16, 16]),
  psd: () => pad([...ascii('8BPS'), 0, 1, 0, 0]),
  woff2: () =>
    readFileSync(
      join(
        'node_modules/@fontsource/literata/files',
        fontFiles.find((f) => f.endsWith('.woff2'))!,
      ),
    ),
  woff: () =>
    readFileSync(
      join(
        'node_modules/@fontsource/literata/files',
        fontFiles.find((f) => f.endsWith('.woff'))!,
      ),
    ),
  ttf: () => pad([0x00, 0x01, 0x00, 0x00, 0x00, 0x0f, 0x00, 0x80]),
  ole: () => pad([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  nodeAddon: () =>
    readFileSync(
      'node_modules/@rolldown/binding-linux-x64-gnu/rolldown-binding.linux-x64-gnu.node',
    ).subarray(0, 512 * 1024),
};
// Random bytes are binary by their NUL bytes; a kilobyte has none about once in 55 draws, 4 KB
// once in ten million.
for (const size of [4096, 64 * 1024, 1024 * 1024, 15 * 1024 * 1024]) {
  FORMATS[`random-${size}`] = () => randomBytes(size);
}
for (let i = 0; i < 8; i++) FORMATS[`random-${i}`] = () => randomBytes(4096 + i * 7919);

describe('binary files renamed .txt', () => {
  it('refuses all fifty, each within 50 ms', async () => {
    const names = Object.keys(FORMATS);
    expect(names.length).toBeGreaterThanOrEqual(50);
    const paths = names.map((name, i) => {
      const path = join(dir, `${String(i).padStart(3, '0')}_${name}.txt`);
      writeFileSync(path, FORMATS[name]!());
      return path;
    });
    const times: Array<[string, number]> = [];
    for (const [i, name] of names.entries()) {
      // The median of three refusals measures Lectern, not a busy machine's scheduler.
      const runs: number[] = [];
      for (let run = 0; run < 3; run++) {
        const started = performance.now();
        await expect(loadArticleFile(paths[i]!), name).rejects.toMatchObject({ code: 'binary' });
        runs.push(performance.now() - started);
      }
      times.push([name, runs.sort((a, b) => a - b)[1]!]);
    }
    const slowest = times.reduce((a, b) => (b[1] > a[1] ? b : a));
    console.log(
      `binary files: ${times.length} refused; slowest ${slowest[0]} in ${slowest[1].toFixed(1)} ms`,
    );
    expect(slowest[1]).toBeLessThan(50);
  });
});
