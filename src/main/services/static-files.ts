/** Serves files from the built renderer only: realpath-checked, no traversal, fixed content types. */
import { readFile, realpath } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

export interface StaticFile {
  body: Buffer;
  type: string;
}

/** Returns null for anything outside `root` (after decoding and resolving links) or not a known type. */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.split(/[\\/]/).includes('..')) return null;
  const type = TYPES[extname(decoded).toLowerCase()];
  if (!type) return null;
  try {
    const realRoot = await realpath(root);
    const real = await realpath(join(realRoot, decoded));
    if (!real.startsWith(realRoot + sep)) return null;
    return { body: await readFile(real), type };
  } catch {
    return null;
  }
}
