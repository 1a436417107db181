/** Every encoding we promise, with and without BOMs, mixed and truncated: decoded exactly or reported. */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/main/services/decode-text';

const SAMPLES = {
  english: 'Officials said on Sunday that talks would resume next week in Istanbul.',
  french: 'Le président de l’Élysée a dit « déjà vu » — café crème, naïveté et cœur.',
  german: 'Über die Brücke gingen Müller und Schäfer, während es regnete. Größe: groß.',
  spanish: 'El señor Muñoz llegó a la reunión; ¿habrá acuerdo? ¡Quizás mañana!',
  russian: 'Министерство обороны России заявило о продвижении в Днепропетровской области.',
  greek: 'Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία την Κυριακή.',
  japanese: '日本政府は日曜日、新たな経済対策を発表した。',
  emoji: 'Reactions poured in 👍🏽 — “historic”, said one observer. 🇺🇦',
};

type Variant = {
  name: string;
  encode: (text: string) => Buffer;
  expect: string;
  applies: (t: string) => boolean;
};

const withBom = (bom: number[], body: Buffer) => Buffer.concat([Buffer.from(bom), body]);
const be = (text: string) => iconv.encode(text, 'utf-16be');
const westernOnly = (t: string) =>
  iconv.decode(iconv.encode(t, 'windows-1252'), 'windows-1252') === t;
const latin1Only = (t: string) => [...t].every((c) => c.charCodeAt(0) < 256);

const VARIANTS: Variant[] = [
  { name: 'UTF-8', encode: (t) => Buffer.from(t), expect: 'utf-8', applies: () => true },
  {
    name: 'UTF-8 BOM',
    encode: (t) => withBom([0xef, 0xbb, 0xbf], Buffer.from(t)),
    expect: 'utf-8',
    applies: () => true,
  },
  {
    name: 'UTF-16LE BOM',
    encode: (t) => withBom([0xff, 0xfe], Buffer.from(t, 'utf16le')),
    expect: 'utf-16le',
    applies: () => true,
  },
  {
    name: 'UTF-16BE BOM',
    encode: (t) => withBom([0xfe, 0xff], be(t)),
    expect: 'utf-16be',
    applies: () => true,
  },
  {
    name: 'UTF-16LE',
    encode: (t) => Buffer.from(t, 'utf16le'),
    expect: 'utf-16le',
    applies: latin1Only,
  },
  { name: 'UTF-16BE', encode: (t) => be(t), expect: 'utf-16be', applies: latin1Only },
  {
    name: 'Windows-1252',
    encode: (t) => iconv.encode(t, 'windows-1252'),
    expect: 'windows-1252',
    applies: westernOnly,
  },
  {
    name: 'ISO-8859-1',
    encode: (t) => iconv.encode(t, 'latin1'),
    expect: 'windows-1252',
    applies: latin1Only,
  },
];

describe('encoding matrix', () => {
  const results: Array<{ sample: string; variant: string; ok: boolean }> = [];

  for (const variant of VARIANTS) {
    for (const [sample, text] of Object.entries(SAMPLES)) {
      if (!variant.applies(text)) continue;
      it(`${variant.name} · ${sample}`, () => {
        const body = `# ${sample}\n\n${text}\n\n${text}\n`;
        const decoded = decodeText(variant.encode(body));
        results.push({ sample, variant: variant.name, ok: decoded.text === body });
        expect(decoded.text).toBe(body);
        // Pure ASCII is the same bytes in every single-byte encoding, and reads as UTF-8.
        const ascii = /^[\x20-\x7e\n#]*$/.test(body) && !variant.name.startsWith('UTF-16');
        expect(decoded.encoding).toBe(ascii ? 'utf-8' : variant.expect);
        expect(decoded.replacedBytes).toBe(0);
      });
    }
  }

  it('reports, and keeps readable, a UTF-8 file with one stray Latin-1 byte (mixed)', () => {
    const bytes = Buffer.concat([
      Buffer.from(`${SAMPLES.french} `.repeat(3)),
      Buffer.from([0xe9]),
      Buffer.from(' fin'),
    ]);
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.replacedBytes).toBe(1);
    expect(decoded.text.endsWith('\uFFFD fin')).toBe(true);
  });

  it('reports a UTF-8 file truncated in the middle of a character', () => {
    const full = Buffer.from(`${SAMPLES.russian} ${SAMPLES.japanese}`);
    const decoded = decodeText(full.subarray(0, full.length - 1));
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.replacedBytes).toBe(1);
  });

  it('reports a UTF-16 file cut to an odd length', () => {
    const full = withBom([0xff, 0xfe], Buffer.from(SAMPLES.french, 'utf16le'));
    const decoded = decodeText(full.subarray(0, full.length - 1));
    expect(decoded.replacedBytes).toBe(1);
    expect(decoded.text.startsWith(SAMPLES.french.slice(0, -1))).toBe(true);
  });

  it('prints the detector’s accuracy on the matrix', () => {
    const right = results.filter((r) => r.ok).length;
    console.log(
      `encoding matrix: ${right}/${results.length} decoded text-exact (${((100 * right) / results.length).toFixed(1)}%)`,
    );
    expect(right).toBe(results.length);
  });
});
