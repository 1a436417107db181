/** An article's highlights and notes as Markdown, headed by a citation of the article. */
import type { Annotation } from '../../../shared/annotation';
import type { Article } from '../../../shared/article';
import { articleDateText } from '../../../shared/article-date-format';

/** `Author. “Title.” Date. URL.` — the parts the file has, in the usual order. */
export function citation(article: Article): string {
  return citationOf({
    authors: article.bylines.map((byline) => byline.name).join(', '),
    title: article.title,
    date: article.date ? articleDateText(article.date) : '',
    url: article.originalUrl,
    file: article.source.name,
  });
}

/** The citation from its parts; "All highlights" cites library entries with it too. */
export function citationOf(parts: {
  authors: string;
  title: string;
  date: string;
  url: string | null;
  file: string;
}): string {
  return [
    parts.authors,
    `“${parts.title}.”`,
    parts.date,
    parts.url ? `<${parts.url}>` : `File: ${parts.file}`,
  ]
    .filter(Boolean)
    .join(' ');
}

/** A highlight as a Markdown block quote; All highlights' export writes them the same way. */
export const quoted = (text: string) =>
  text
    .trim()
    .split(/\r?\n/)
    .map((line) => `> ${line}`)
    .join('\n');

export function highlightsMarkdown(
  article: Article,
  highlights: { annotation: Annotation; placed: boolean }[],
): string {
  const out = [`# Highlights: ${article.title}`, '', citation(article), ''];
  for (const { annotation, placed } of highlights) {
    const [quote] = annotation.target.selector;
    out.push(quoted(quote.exact), '');
    if (annotation.note.trim()) out.push(`**Note:** ${annotation.note.trim()}`, '');
    if (!placed) out.push('_This passage is no longer in the article as saved._', '');
  }
  if (!highlights.length) out.push('_No highlights yet._', '');
  return out.join('\n');
}

export function exportFileName(article: Article): string {
  const slug = article.title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 60)
    .toLowerCase();
  return `${slug || 'article'}-highlights.md`;
}
