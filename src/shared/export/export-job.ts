/** An export's request, progress and outcome, as main and the window both see them. */

/** The most articles one EPUB may hold: a whole library of the size the list is built for. */
export const MAX_EXPORT_ARTICLES = 50_000;

export interface ExportProgress {
  /** Reading and laying out the articles, then packing the book. */
  phase: 'reading' | 'packing';
  done: number;
  total: number;
  running: boolean;
}

export interface EpubExport {
  /** Where it was saved (a path in Electron, the download's name in a browser). */
  saved: string;
  /** How many articles the book holds. */
  articles: number;
  /** Articles left out, each as a sentence saying why. */
  skipped: string[];
}

export interface EpubDownload extends Omit<EpubExport, 'saved'> {
  name: string;
  bytes: Uint8Array;
}

const MOST_SLUG_CHARS = 60;

/**
 * "russia-says-pushing-offensive.epub": a file name from a title, safe on every system; a long
 * title is cut between words. `suffix` goes before the extension ("-highlights").
 */
export function exportFileName(title: string, extension: string, suffix = ''): string {
  const words = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .toLowerCase();
  const cut = words.slice(0, MOST_SLUG_CHARS);
  const lastBreak = cut.lastIndexOf('-');
  const whole = words.length <= MOST_SLUG_CHARS || words[MOST_SLUG_CHARS] === '-' || lastBreak < 0;
  const slug = (whole ? cut : cut.slice(0, lastBreak)).replace(/-+$/, '');
  return `${slug || 'article'}${suffix}.${extension}`;
}
