/**
 * Characters that change what people see without being seen: bidi overrides, embeddings and isolates
 * (which can reorder a link's text, "moc.evil" shown as "live.com"), and zero-width spaces. They are
 * removed from titles, bylines and link text. Joiners stay: scripts and emoji need them. (Both sets
 * come from the fold table, which ignores them all when matching.)
 */
import { BIDI_CONTROLS, ZERO_WIDTH_SPACES } from './text-fold';

export const INVISIBLE_CONTROL_CLASS = `${BIDI_CONTROLS}${ZERO_WIDTH_SPACES}`;
const INVISIBLE_CONTROLS = new RegExp(`[${INVISIBLE_CONTROL_CLASS}]`, 'g');

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
