/**
 * What print, PDF and EPUB show of one article: its metadata header, its body with the reader's
 * highlights as marks and note references, and the notes as numbered endnotes. Built from the
 * article model (never from the window's DOM, which may hold only the blocks on screen), so the
 * printed page and the EPUB chapter agree.
 */
import { quoteText, type Annotation, type HighlightColour } from '../annotation';
import type { Article, ArticleDate, LinkTarget } from '../article';
import { anchorSpan, type TextSpan } from '../text-anchoring';
import { markArticle } from './marked-text';

export interface Mark {
  colour: HighlightColour;
  /** The endnote this highlight's note became, when it has one. */
  note: number | null;
}

/** The article's inlines with highlighted text split off and marked. */
export type MarkedInline =
  | { type: 'text'; text: string; mark: Mark | null }
  | { type: 'code'; text: string; mark: Mark | null }
  | { type: 'emphasis'; children: MarkedInline[] }
  | { type: 'strong'; children: MarkedInline[] }
  | { type: 'link'; target: LinkTarget; children: MarkedInline[] }
  | { type: 'image'; alt: string }
  | { type: 'break' }
  /** Right after the end of a highlight that has a note: the note's number. */
  | { type: 'note-ref'; note: number };

export type MarkedBlock =
  | { type: 'paragraph'; id: string; children: MarkedInline[] }
  | { type: 'heading'; id: string; level: 1 | 2 | 3 | 4 | 5 | 6; children: MarkedInline[] }
  | { type: 'list'; id: string; ordered: boolean; start: number; items: MarkedBlock[][] }
  | { type: 'quote'; id: string; children: MarkedBlock[] }
  | { type: 'code'; id: string; text: string }
  | { type: 'image'; id: string; alt: string }
  | { type: 'rule'; id: string }
  | { type: 'embed'; id: string };

export interface Endnote {
  number: number;
  colour: HighlightColour;
  /** The highlighted passage, as stored. */
  quote: string;
  note: string;
  /** False when the passage is no longer in the article as saved (or not in its body). */
  placed: boolean;
}

export interface ExportChapter {
  title: string;
  /** The bylines, as the window's header says them ("AFP and Reuters"); null when there are none. */
  source: string | null;
  date: ArticleDate | null;
  originalUrl: string | null;
  fileName: string;
  caption: { children: MarkedInline[]; credit: string | null } | null;
  body: MarkedBlock[];
  notes: Endnote[];
  /** How many highlights are drawn in the caption and body. */
  highlighted: number;
  /** Whether any link in the body lost its address when saved (the legend explains the marking). */
  hasLostLinks: boolean;
}

/** A highlight placed in the export text, with its endnote number. */
export interface PlacedMark extends TextSpan {
  mark: Mark;
}

export function buildExportChapter(article: Article, annotations: Annotation[]): ExportChapter {
  const { text, render } = markArticle(article);
  const placed: { annotation: Annotation; span: TextSpan | null }[] = annotations.map(
    (annotation) => {
      const [quote, position] = annotation.target.selector;
      // The window's text has its header laid out otherwise: positions are hints, quotes decide.
      return { annotation, span: anchorSpan(text, { quote, position }, { samePositions: false }) };
    },
  );
  // Notes are numbered in reading order; notes whose passage is gone come last.
  placed.sort((a, b) => (a.span?.start ?? Infinity) - (b.span?.start ?? Infinity));
  const notes: Endnote[] = [];
  const marks: PlacedMark[] = [];
  for (const { annotation, span } of placed) {
    const note = annotation.note.trim();
    const number = note ? notes.length + 1 : null;
    if (number !== null) {
      notes.push({
        number,
        colour: annotation.colour,
        quote: quoteText(annotation),
        note,
        placed: span !== null,
      });
    }
    if (span && span.end > span.start) {
      marks.push({ ...span, mark: { colour: annotation.colour, note: number } });
    }
  }
  const { caption, body, hasLostLinks, refs, drawn } = render(marks);
  for (const note of notes) note.placed = refs.has(note.number);
  return {
    title: article.title,
    source: bylineText(article),
    date: article.date,
    originalUrl: article.originalUrl,
    fileName: article.source.name,
    caption,
    body,
    notes,
    highlighted: drawn,
    hasLostLinks,
  };
}

/** "AFP", "Ann Lee and Bo Chen", "A, B and C": as the window's byline line reads. */
export function bylineText(article: Article): string | null {
  const names = article.bylines.map((byline) => byline.name.trim()).filter(Boolean);
  if (names.length === 0) return null;
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
}
