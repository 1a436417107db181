/** Turns a file's bytes into text: BOM sniffing, strict UTF-8, then chardet for legacy encodings. */
import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import type { LineEndings } from '../../shared/article';
import { AppFailure } from '../../shared/result';
import { binarySignature } from './binary-signatures';

export interface DecodedText {
  text: string;
  encoding: string;
  bom: boolean;
  lineEndings: LineEndings;
  replacedBytes: number;
  /** Stray control characters (terminal escapes, backspaces, form feeds…) shown as symbols or removed. */
  controlCharacters: number;
}

export const SNIFF_BYTES = 64 * 1024;
const BOMS = [
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0xfe, 0xff],
];
/** chardet's answers we trust over the Western default, when it is confident enough. */
const NON_WESTERN = new Set([
  'windows-1250',
  'windows-1251',
  'windows-1253',
  'windows-1254',
  'windows-1255',
  'windows-1256',
  'ISO-8859-2',
  'ISO-8859-5',
  'ISO-8859-6',
  'ISO-8859-7',
  'ISO-8859-8',
  'ISO-8859-9',
  'KOI8-R',
  'Shift_JIS',
  'EUC-JP',
  'ISO-2022-JP',
  'GB18030',
  'Big5',
  'EUC-KR',
]);
const MIN_CONFIDENCE = 50;
/** Past this share of replaced characters the file is not text in any encoding we know. */
const MAX_REPLACED_SHARE = 0.1;

/** `subject` names the file in a refusal (“notes.pdf” is a PDF document…). */
export function decodeText(bytes: Uint8Array, subject?: string): DecodedText {
  const { text, encoding, bom, replacedBytes } = decodeBytes(bytes, subject);
  const { normalised, lineEndings } = normaliseLineEndings(text);
  const shown = showControls(normalised);
  return { encoding, bom, lineEndings, replacedBytes, ...shown };
}

/**
 * The first `most` bytes or so of a text that is all valid UTF-8 with no carriage return, decoded
 * alone (cut between characters): what the rest holds then cannot change them. Null for any other
 * text, and for a start with stray controls (UTF-16 without a BOM has NULs): those are decoded
 * whole. Checking the whole is two byte scans, a few milliseconds for 20 MB.
 */
export function decodeUtf8Start(
  bytes: Uint8Array,
  most: number,
): { start: string; bom: boolean } | null {
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(bom ? 3 : 0);
  if (body.includes(0x0d) || !isUtf8(body)) return null;
  let end = Math.min(most, body.length);
  // Back to the first byte of a character: continuation bytes are 10xxxxxx.
  while (end < body.length && end > 0 && (body[end]! & 0xc0) === 0x80) end--;
  const start = body.toString('utf8', 0, end);
  return STRAY_CONTROL.test(start) ? null : { start, bom };
}

/** C0 controls but tab and line feed, DEL, and C1 controls: text has no use for them on a page. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const STRAY_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;
/** A terminal's escape sequences: CSI (colours, cursor moves), OSC (titles, links), and two-byte ones. */
const TERMINAL_ESCAPE =
  // eslint-disable-next-line no-control-regex -- as above
  /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]|\x9b[0-?]*[ -/]*[@-~]/g;

/**
 * Makes stray control characters harmless and visible: a terminal's escape sequences are removed
 * whole (their text stays), other C0 controls and DEL become their Unicode Control Pictures
 * (backspace ␈, form feed ␌, escape ␛), C1 controls are removed. All are counted.
 */
export function showControls(text: string): { text: string; controlCharacters: number } {
  if (!STRAY_CONTROL.test(text)) return { text, controlCharacters: 0 };
  const controlCharacters = text.match(new RegExp(STRAY_CONTROL, 'g'))!.length;
  const shown = text
    .replace(TERMINAL_ESCAPE, '')
    // eslint-disable-next-line no-control-regex -- as above
    .replace(/[\x00-\x08\x0b-\x1f]/g, (c) => String.fromCharCode(0x2400 + c.charCodeAt(0)))
    .replace(/\x7f/g, '\u2421')
    .replace(/[\x80-\x9f]/g, '');
  return { text: shown, controlCharacters };
}

function decodeBytes(
  bytes: Uint8Array,
  subject?: string,
): Omit<DecodedText, 'lineEndings' | 'controlCharacters'> {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeWith('utf-8', bytes.subarray(3), true);
  if (startsWith(bytes, [0xff, 0xfe])) return decodeWith('utf-16le', bytes.subarray(2), true);
  if (startsWith(bytes, [0xfe, 0xff])) return decodeWith('utf-16be', bytes.subarray(2), true);

  const head = bytes.subarray(0, SNIFF_BYTES);
  refuseBinary(head, subject);
  const utf16 = sniffUtf16WithoutBom(head);
  if (utf16) return decodeWith(utf16, bytes, false);

  const strict = tryStrictUtf8(bytes);
  if (strict !== null) return { text: strict, encoding: 'utf-8', bom: false, replacedBytes: 0 };

  // Mostly valid UTF-8 with a few broken sequences (a truncated download) stays UTF-8.
  const lenient = new TextDecoder('utf-8').decode(bytes);
  if (countNonAscii(lenient) > countReplacements(lenient) * 4)
    return decodeWith('utf-8', bytes, false);

  return decodeWith(guessLegacyEncoding(bytes), bytes, false);
}

/**
 * Refuses binary data from a file's first bytes alone, so a large binary is never read whole. Only
 * evidence counts: a known format's signature, or a NUL byte (which text never holds, outside
 * UTF-16). Other control characters are text's strays: they are shown (see showControls).
 */
export function refuseBinary(head: Uint8Array, subject?: string): void {
  if (BOMS.some((bom) => startsWith(head, bom))) return;
  const format = binarySignature(head);
  if (format)
    throw new AppFailure('binary', `${subject ?? 'This'} is a ${format}, not a text article.`);
  if (!sniffUtf16WithoutBom(head) && head.includes(0)) {
    const what = subject ?? 'This file';
    throw new AppFailure('binary', `${what} holds binary data, not the text of an article.`);
  }
}

function guessLegacyEncoding(bytes: Uint8Array): string {
  const best = chardet.analyse(bytes).find((m) => m.name !== 'UTF-8' && m.name !== 'ASCII');
  if (best && best.confidence >= MIN_CONFIDENCE && NON_WESTERN.has(best.name)) return best.name;
  // ISO-8859-1 is read as its superset windows-1252, as browsers do (WHATWG Encoding).
  return 'windows-1252';
}

/** UTF-8/16 through TextDecoder; legacy code pages through iconv-lite (Node's windows-1252 is Latin-1). */
function decodeWith(encoding: string, bytes: Uint8Array, bom: boolean) {
  let text: string;
  if (encoding.startsWith('utf-')) {
    text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  } else if (iconv.encodingExists(encoding)) {
    text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  } else {
    throw new AppFailure('undecodable', `The text is in ${encoding}, which Lectern cannot read.`);
  }
  const replacedBytes = countReplacements(text);
  if (replacedBytes > 16 && replacedBytes > text.length * MAX_REPLACED_SHARE) {
    throw new AppFailure(
      'undecodable',
      `This file's text could not be decoded as ${encoding}: most of it is not valid text.`,
    );
  }
  return { text, encoding: encoding.toLowerCase(), bom, replacedBytes };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function tryStrictUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-16 without a BOM shows as text with a NUL in every other byte. */
function sniffUtf16WithoutBom(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(head.length / 2);
  if (pairs < 8) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  if (oddNul / pairs > 0.3 && evenNul / pairs < 0.05) return 'utf-16le';
  if (evenNul / pairs > 0.3 && oddNul / pairs < 0.05) return 'utf-16be';
  return null;
}

function normaliseLineEndings(text: string): { normalised: string; lineEndings: LineEndings } {
  // Most files have no CR at all: skip the three counting passes and the copy.
  if (!text.includes('\r'))
    return { normalised: text, lineEndings: text.includes('\n') ? 'LF' : 'none' };
  const crlf = countMatches(text, /\r\n/g);
  const cr = countMatches(text, /\r(?!\n)/g);
  const lf = countMatches(text, /(?<!\r)\n/g);
  const kinds = [crlf > 0, cr > 0, lf > 0].filter(Boolean).length;
  const lineEndings: LineEndings =
    kinds === 0 ? 'none' : kinds > 1 ? 'mixed' : crlf ? 'CRLF' : cr ? 'CR' : 'LF';
  return { normalised: text.replace(/\r\n?/g, '\n'), lineEndings };
}

const startsWith = (bytes: Uint8Array, prefix: number[]) =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
const countMatches = (text: string, re: RegExp) => text.match(re)?.length ?? 0;
const countReplacements = (text: string) => countMatches(text, /\uFFFD/g);
const countNonAscii = (text: string) => countMatches(text, /[^\p{ASCII}\uFFFD]/gu);
