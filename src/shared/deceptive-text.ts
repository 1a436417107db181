/**
 * Characters that change what people see without being seen: bidi overrides, embeddings and isolates
 * (which can reorder a link's text, "moc.evil" shown as "live.com"), and zero-width spaces. They are
 * removed from titles, bylines and link text. Joiners (U+200C/U+200D) stay: scripts and emoji need them.
 */
const INVISIBLE_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200B\u2060\uFEFF]/g;

export function removeInvisibleControls(text: string): string {
  return text.replace(INVISIBLE_CONTROLS, '');
}

export function hasInvisibleControls(text: string): boolean {
  return new RegExp(INVISIBLE_CONTROLS.source).test(text);
}

/** The host as the URL standard spells it: punycode (xn--) for any non-ASCII label. */
export function asciiHost(url: string): string | null {
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

/** True when a host has internationalised labels, which can imitate another site (аpple.com). */
export function isInternationalisedHost(host: string): boolean {
  return host.split('.').some((label) => label.startsWith('xn--'));
}
