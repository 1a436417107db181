/** Magic numbers of common binary formats, so a renamed image or archive is refused at once. */
const SIGNATURES: Array<{ name: string; offset?: number; bytes: number[] }> = [
  { name: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'ZIP archive (or an Office/EPUB document)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'ZIP archive', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { name: 'gzip archive', bytes: [0x1f, 0x8b] },
  { name: 'bzip2 archive', bytes: [0x42, 0x5a, 0x68] },
  { name: 'xz archive', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: '7-Zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'RAR archive', bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  { name: 'Zstandard archive', bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { name: 'tar archive', offset: 257, bytes: [0x75, 0x73, 0x74, 0x61, 0x72] },
  { name: 'program (ELF)', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'Windows program', bytes: [0x4d, 0x5a] },
  { name: 'macOS program', bytes: [0xcf, 0xfa, 0xed, 0xfe] },
  { name: 'Java class', bytes: [0xca, 0xfe, 0xba, 0xbe] },
  { name: 'WebAssembly module', bytes: [0x00, 0x61, 0x73, 0x6d] },
  { name: 'SQLite database', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66] },
  { name: 'RIFF media (WAV, AVI or WebP)', bytes: [0x52, 0x49, 0x46, 0x46] },
  { name: 'MP4/QuickTime video', offset: 4, bytes: [0x66, 0x74, 0x79, 0x70] },
  { name: 'Matroska/WebM video', bytes: [0x1a, 0x45, 0xdf, 0xa3] },
  { name: 'MP3 audio', bytes: [0x49, 0x44, 0x33] },
  { name: 'Ogg media', bytes: [0x4f, 0x67, 0x67, 0x53] },
  { name: 'FLAC audio', bytes: [0x66, 0x4c, 0x61, 0x43] },
  { name: 'TIFF image', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { name: 'TIFF image', bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { name: 'icon', bytes: [0x00, 0x00, 0x01, 0x00] },
  { name: 'BMP image', bytes: [0x42, 0x4d] },
  { name: 'Photoshop image', bytes: [0x38, 0x42, 0x50, 0x53] },
  { name: 'WOFF font', bytes: [0x77, 0x4f, 0x46, 0x46] },
  { name: 'WOFF2 font', bytes: [0x77, 0x4f, 0x46, 0x32] },
  { name: 'TrueType font', bytes: [0x00, 0x01, 0x00, 0x00, 0x00] },
  { name: 'OLE document (old Word/Excel)', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
];

/** Names the binary format when the bytes begin with a known signature; BMP/MZ need more than 2 bytes of evidence. */
export function binarySignature(bytes: Uint8Array): string | null {
  for (const sig of SIGNATURES) {
    const at = sig.offset ?? 0;
    if (bytes.length < at + sig.bytes.length) continue;
    if (sig.bytes.every((b, i) => bytes[at + i] === b)) {
      // "BM" and "MZ" also start ordinary words; trust them only with a control byte soon after.
      if (sig.bytes.length === 2 && !hasControlBytes(bytes.subarray(0, 64))) continue;
      return sig.name;
    }
  }
  return null;
}

function hasControlBytes(bytes: Uint8Array): boolean {
  return bytes.some((b) => b < 0x09 || (b > 0x0d && b < 0x20));
}
