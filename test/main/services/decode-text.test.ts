import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/main/services/decode-text';
import { AppFailure } from '../../../src/shared/result';

const french = 'Le président de l’Élysée a dit « déjà vu » — café crème, naïve coöpération.';

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
}

describe('decodeText', () => {
  it('reads UTF-8 without a BOM', () => {
    const decoded = decodeText(Buffer.from(french));
    expect(decoded).toMatchObject({
      text: french,
      encoding: 'utf-8',
      bom: false,
      replacedBytes: 0,
    });
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const decoded = decodeText(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(french)]),
    );
    expect(decoded).toMatchObject({ text: french, encoding: 'utf-8', bom: true });
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    const le = decodeText(
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(french, 'utf16le')]),
    );
    const be = decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(french)]));
    expect(le).toMatchObject({ text: french, encoding: 'utf-16le', bom: true });
    expect(be).toMatchObject({ text: french, encoding: 'utf-16be', bom: true });
  });

  it('reads UTF-16 LE without a BOM', () => {
    const text = 'Plain English text saved as UTF-16 without a byte order mark.';
    expect(decodeText(Buffer.from(text, 'utf16le'))).toMatchObject({ text, encoding: 'utf-16le' });
  });

  it('detects Windows-1252, including its curly quotes and dashes', () => {
    const text = 'Le président a dit “déjà vu” – café crème à l’Élysée, naïveté et cœur.';
    const bytes = Buffer.from(
      [...text].map(
        (c) => ({ '“': 0x93, '”': 0x94, '–': 0x96, '’': 0x92, œ: 0x9c })[c] ?? c.charCodeAt(0),
      ),
    );
    expect(decodeText(bytes)).toMatchObject({ text, encoding: 'windows-1252' });
  });

  it('detects Latin-1 text (read as its superset Windows-1252)', () => {
    const text = 'Über die Brücke gingen Müller und Schäfer, während es regnete. Größe: groß.';
    expect(decodeText(Buffer.from(text, 'latin1'))).toMatchObject({
      text,
      encoding: 'windows-1252',
    });
  });

  it('keeps mostly valid UTF-8 with a few broken bytes, replacing only those', () => {
    const bytes = Buffer.concat([
      Buffer.from(`${french} ${french} `),
      Buffer.from([0xc3]),
      Buffer.from(' end'),
    ]);
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.replacedBytes).toBe(1);
    expect(decoded.text).toBe(`${french} ${french} \uFFFD end`);
  });

  it('normalises CRLF and CR line endings and reports them', () => {
    expect(decodeText(Buffer.from('a\r\nb\r\n'))).toMatchObject({
      text: 'a\nb\n',
      lineEndings: 'CRLF',
    });
    expect(decodeText(Buffer.from('a\rb\r'))).toMatchObject({ text: 'a\nb\n', lineEndings: 'CR' });
    expect(decodeText(Buffer.from('a\nb'))).toMatchObject({ lineEndings: 'LF' });
    expect(decodeText(Buffer.from('a\r\nb\nc'))).toMatchObject({
      text: 'a\nb\nc',
      lineEndings: 'mixed',
    });
    expect(decodeText(Buffer.from('one line'))).toMatchObject({ lineEndings: 'none' });
  });

  it.each([
    ['PNG image', '89504e470d0a1a0a0000000d4948445200'],
    ['PDF document', '255044462d312e370a25e2e3cfd30a'],
    ['ZIP archive (or an Office/EPUB document)', '504b0304140000000800'],
    ['gzip archive', '1f8b0800000000000003'],
  ])('refuses a %s by its signature', (name, hex) => {
    expect(() => decodeText(Buffer.from(hex, 'hex'))).toThrow(`This is a ${name}`);
  });

  it('refuses unknown binary data', () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 251;
    expect(() => decodeText(bytes)).toThrow(AppFailure);
  });

  it('refuses text that is mostly undecodable', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.alloc(4001, 0xdc)]);
    expect(() => decodeText(bytes)).toThrow(/could not be decoded/);
  });
});
