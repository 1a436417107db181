/**
 * One EPUB chapter as an XHTML fragment, from the export model: every piece of the article's text
 * is escaped here, and characters XML cannot hold are dropped, so a hostile title stays text.
 */
import type { LinkTarget } from '../../../shared/article';
import type { ExportChapter, MarkedBlock, MarkedInline } from '../../../shared/export/export-model';
import {
  creditLabel,
  LOST_LINK_LEGEND,
  REMOVED_EMBED_TEXT,
} from '../../../shared/export/export-wording';

/** Control characters, lone surrogates and U+FFFE/U+FFFF are not allowed anywhere in XML 1.0. */
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The chapter's header, body and endnotes; `formatDate` turns an ISO date into words. */
export function chapterXhtml(chapter: ExportChapter, formatDate: (iso: string) => string): string {
  const out: string[] = [
    '<header class="meta">',
    `<h1 dir="auto">${escapeXml(chapter.title)}</h1>`,
  ];
  const date = chapter.date
    ? chapter.date.iso
      ? `${chapter.date.label ? `${escapeXml(chapter.date.label)} ` : ''}<time datetime="${chapter.date.iso}">${escapeXml(formatDate(chapter.date.iso))}</time>`
      : escapeXml(chapter.date.raw)
    : null;
  const byline = [chapter.source ? `By ${escapeXml(chapter.source)}` : null, date]
    .filter(Boolean)
    .join(' · ');
  if (byline) out.push(`<p class="byline" dir="auto">${byline}</p>`);
  if (chapter.originalUrl) {
    const href = safeHref(chapter.originalUrl);
    const url = escapeXml(chapter.originalUrl);
    out.push(`<p class="origin">Original: ${href ? `<a href="${href}">${url}</a>` : url}</p>`);
  }
  out.push(`<p class="file">File: ${escapeXml(chapter.fileName)}</p>`, '</header>');
  if (chapter.caption) {
    const credit = chapter.caption.credit
      ? ` <span class="credit">${escapeXml(creditLabel(chapter.caption.credit))}</span>`
      : '';
    out.push(
      `<div class="lead"><p dir="auto">${inlines(chapter.caption.children)}${credit}</p></div>`,
    );
  }
  for (const block of chapter.body) out.push(blockXhtml(block));
  if (chapter.hasLostLinks) out.push(`<p class="legend">${escapeXml(LOST_LINK_LEGEND)}</p>`);
  if (chapter.notes.length) out.push(endnotes(chapter));
  return out.join('\n');
}

function endnotes(chapter: ExportChapter): string {
  const items = chapter.notes.map((note) => {
    const back = note.placed
      ? ` <a href="#ref-${note.number}" role="doc-backlink" title="Back to the text">↩</a>`
      : ' <em>(This passage is no longer in the article as saved.)</em>';
    return (
      `<li id="note-${note.number}" epub:type="endnote" role="doc-endnote">` +
      `<p><q class="hl-${note.colour}">${escapeXml(note.quote)}</q></p>` +
      `<p dir="auto">${escapeXml(note.note)}${back}</p></li>`
    );
  });
  return (
    '<section class="notes" epub:type="endnotes" role="doc-endnotes">' +
    `<h2>Notes</h2><ol>${items.join('')}</ol></section>`
  );
}

function blockXhtml(block: MarkedBlock): string {
  switch (block.type) {
    case 'paragraph':
      return `<p dir="auto">${inlines(block.children)}</p>`;
    case 'heading': {
      const level = Math.min(6, Math.max(2, block.level));
      return `<h${level} dir="auto">${inlines(block.children)}</h${level}>`;
    }
    case 'quote':
      return `<blockquote dir="auto">${block.children.map(blockXhtml).join('')}</blockquote>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const start = block.ordered && block.start !== 1 ? ` start="${block.start}"` : '';
      const items = block.items.map((item) => `<li>${item.map(blockXhtml).join('')}</li>`);
      return `<${tag}${start}>${items.join('')}</${tag}>`;
    }
    case 'code':
      return `<pre><code>${escapeXml(block.text)}</code></pre>`;
    case 'image':
      return `<p class="image">[Image not saved${block.alt ? `: ${escapeXml(block.alt)}` : ''}]</p>`;
    case 'rule':
      return '<hr/>';
    case 'embed':
      return `<p class="embed">${escapeXml(REMOVED_EMBED_TEXT)}</p>`;
  }
}

function inlines(nodes: MarkedInline[]): string {
  return nodes.map(inline).join('');
}

function inline(node: MarkedInline): string {
  switch (node.type) {
    case 'text':
      return marked(escapeXml(node.text), node.mark);
    case 'code':
      return marked(`<code>${escapeXml(node.text)}</code>`, node.mark);
    case 'emphasis':
      return `<em>${inlines(node.children)}</em>`;
    case 'strong':
      return `<strong>${inlines(node.children)}</strong>`;
    case 'link':
      return link(node.target, inlines(node.children));
    case 'image':
      return `<span class="image">[Image${node.alt ? `: ${escapeXml(node.alt)}` : ''}]</span>`;
    case 'break':
      return '<br/>';
    case 'note-ref':
      return (
        `<a class="noteref" id="ref-${node.note}" href="#note-${node.note}" ` +
        `epub:type="noteref" role="doc-noteref">${node.note}</a>`
      );
  }
}

function marked(xhtml: string, mark: { colour: string } | null): string {
  return mark ? `<mark class="hl-${mark.colour}">${xhtml}</mark>` : xhtml;
}

/** A link's address as a valid, escaped URL (spaces and non-ASCII encoded), or null. */
function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? escapeXml(parsed.href) : null;
  } catch {
    return null;
  }
}

function link(target: LinkTarget, content: string): string {
  const href = target.kind === 'web' ? safeHref(target.url) : null;
  if (href) return `<a href="${href}">${content}</a>`;
  if (target.kind === 'lost') return `<em class="lost">${content}</em>`;
  return `<span class="blocked">${content}</span>`;
}
