/** An article's highlights and notes as Markdown, headed by a citation of the article. */
import { quoteText, type Annotation } from '../../../shared/annotation';
import type { Article } from '../../../shared/article';
import {
  citationOf,
  escapeMarkdown,
  escapeMarkdownLine,
  originalOf,
  type Cited,
} from '../../../shared/article-citation';
import { exportFileName } from '../../../shared/export/export-job';

/**
 * A citation as the details panel copies it (Markdown), with the file's name when there is no
 * original address to find the article by. Both highlight exports cite with it.
 */
export function exportCitation(cited: Cited, file: string, locale?: string): string {
  const { markdown } = citationOf(cited, locale);
  return cited.original ? markdown : `${markdown} File: ${escapeMarkdown(file)}`;
}

export const citation = (article: Article, locale?: string) =>
  exportCitation(
    {
      bylines: article.bylines,
      title: article.title,
      date: article.date,
      original: originalOf(article.originalUrl),
    },
    article.source.name,
    locale,
  );

const escapedLines = (text: string) => text.trim().split(/\r?\n/).map(escapeMarkdownLine);

/**
 * A highlight as a Markdown block quote, and its note under it; All highlights' export writes them
 * the same way. Both are the reader's text, not Markdown: a note's `## …` line is not a heading.
 */
export const quoted = (text: string) =>
  escapedLines(text)
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');

/** A note keeps its lines: each ends in a hard break (`\`), a blank one still parts paragraphs. */
export const noteMarkdown = (note: string) => {
  const lines = escapedLines(note);
  const broken = lines.map((line, i) => (line && lines[i + 1] ? `${line}\\` : line));
  return `**Note:** ${broken.join('\n')}`;
};

export function highlightsMarkdown(
  article: Article,
  highlights: { annotation: Annotation; placed: boolean }[],
  locale?: string,
): string {
  const out = [`# Highlights: ${escapeMarkdown(article.title)}`, '', citation(article, locale), ''];
  for (const { annotation, placed } of highlights) {
    out.push(quoted(quoteText(annotation, '\n\n')), '');
    if (annotation.note.trim()) out.push(noteMarkdown(annotation.note), '');
    if (!placed) out.push('_This passage is no longer in the article as saved._', '');
  }
  if (!highlights.length) out.push('_No highlights yet._', '');
  return out.join('\n');
}

export const highlightsFileName = (article: Article) =>
  exportFileName(article.title, 'md', '-highlights');
