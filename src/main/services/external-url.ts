/** The only URLs Lectern hands to the system browser, and only after a click. */
import { AppFailure } from '../../shared/result';

const OPENABLE = new Set(['http:', 'https:', 'mailto:']);

export function checkExternalUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppFailure('not-allowed', 'That link is not a web address, so it was not opened.');
  }
  if (!OPENABLE.has(url.protocol)) {
    throw new AppFailure('not-allowed', `Links of the kind “${url.protocol}” are never opened.`);
  }
  return url.href;
}
