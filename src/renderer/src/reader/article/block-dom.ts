/**
 * The article's blocks built as DOM from the model, with plain DOM calls rather than a Svelte
 * component per block: a long article has thousands of blocks (a hostile file 350 000), and a
 * component per block and per inline run cost about 1.5 KB and several effects each. Only
 * elements and text nodes are made, from the model's fields: nothing is parsed as HTML.
 *
 * `blockText` is the text those elements hold, exactly: find and highlights count offsets in it
 * before a block's elements exist (a chunk not yet filled).
 */
import type { Block, Inline, LinkTarget } from '../../../../shared/article';
import { LOST_LINK_HINT } from '../../links/link-opener';

const EMBED_NOTE = 'An embedded post or video was here. It was not saved with the article.';
const EMBED_ICON = '▢';

const element = <K extends keyof HTMLElementTagNameMap>(tag: K, attributes: [string, string][]) => {
  const made = document.createElement(tag);
  for (const [name, value] of attributes) made.setAttribute(name, value);
  return made;
};

export function buildBlock(block: Block): HTMLElement {
  const id = block.id;
  switch (block.type) {
    case 'paragraph':
      return withInlines(
        element('p', [
          ['dir', 'auto'],
          ['data-block', id],
        ]),
        block.children,
      );
    case 'heading': {
      const tag = `h${Math.min(6, Math.max(2, block.level))}` as 'h2';
      return withInlines(
        element(tag, [
          ['dir', 'auto'],
          ['id', id],
          ['data-block', id],
        ]),
        block.children,
      );
    }
    case 'quote': {
      const quote = element('blockquote', [
        ['dir', 'auto'],
        ['data-block', id],
      ]);
      for (const child of block.children) quote.append(buildBlock(child));
      return quote;
    }
    case 'list': {
      const start: [string, string][] =
        block.ordered && block.start !== 1 ? [['start', String(block.start)]] : [];
      const list = element(block.ordered ? 'ol' : 'ul', [
        ...start,
        ['dir', 'auto'],
        ['data-block', id],
      ]);
      for (const item of block.items) {
        const li = document.createElement('li');
        for (const child of item) li.append(buildBlock(child));
        list.append(li);
      }
      return list;
    }
    case 'code': {
      const pre = element('pre', [
        ['dir', 'auto'],
        ['data-block', id],
      ]);
      pre.append(element('code', []));
      pre.firstChild!.textContent = block.text;
      return pre;
    }
    case 'image': {
      const note = element('p', [
        ['class', 'image'],
        ['data-block', id],
      ]);
      note.textContent = imageNote(block.alt);
      return note;
    }
    case 'rule':
      return element('hr', [['data-block', id]]);
    default: {
      const card = element('div', [
        ['class', 'embed'],
        ['role', 'note'],
        ['aria-label', 'Removed embed'],
      ]);
      const icon = element('span', [
        ['class', 'icon'],
        ['aria-hidden', 'true'],
      ]);
      icon.textContent = EMBED_ICON;
      const note = document.createElement('span');
      note.textContent = EMBED_NOTE;
      card.append(icon, ' ', note);
      return card;
    }
  }
}

/** Inline content into `parent`: text as text nodes, formatting and links as elements. */
export function withInlines<T extends HTMLElement | DocumentFragment>(
  parent: T,
  nodes: Inline[],
): T {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        if (node.text) parent.append(node.text);
        break;
      case 'emphasis':
        parent.append(withInlines(document.createElement('em'), node.children));
        break;
      case 'strong':
        parent.append(withInlines(document.createElement('strong'), node.children));
        break;
      case 'code': {
        const code = document.createElement('code');
        code.textContent = node.text;
        parent.append(code);
        break;
      }
      case 'link':
        parent.append(withInlines(linkElement(node.target), node.children));
        break;
      case 'image': {
        const placeholder = element('span', [
          ['class', 'image-placeholder'],
          ['title', 'Image not saved'],
        ]);
        placeholder.textContent = inlineImageNote(node.alt);
        parent.append(placeholder);
        break;
      }
      default:
        parent.append(document.createElement('br'));
    }
  }
  return parent;
}

/**
 * A link from the article. A web link opens in the system browser only on a click (ArticleView
 * handles clicks for all of them); a lost target reads as emphasised text with a hint; any other
 * target is shown but never followed.
 */
export function linkElement(target: LinkTarget): HTMLElement {
  if (target.kind === 'web') {
    return element('a', [
      ['href', target.url],
      ['title', target.url],
      ['rel', 'noreferrer noopener'],
    ]);
  }
  if (target.kind === 'lost') {
    return element('em', [
      ['class', 'lost'],
      ['title', LOST_LINK_HINT],
      ['aria-describedby', 'lost-link-hint'],
    ]);
  }
  return element('span', [
    ['class', 'blocked'],
    ['title', `Not opened: ${target.raw}`],
    ['aria-describedby', 'blocked-link-hint'],
  ]);
}

const imageNote = (alt: string) => `[Image not saved${alt ? `: ${alt}` : ''}]`;
const inlineImageNote = (alt: string) => `[Image${alt ? `: ${alt}` : ''}]`;

/** The text `buildBlock(block)` holds, character for character. */
export function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return inlineText(block.children);
    case 'quote':
      return block.children.map(blockText).join('');
    case 'list':
      return block.items.map((item) => item.map(blockText).join('')).join('');
    case 'code':
      return block.text;
    case 'image':
      return imageNote(block.alt);
    case 'rule':
      return '';
    default:
      return `${EMBED_ICON} ${EMBED_NOTE}`;
  }
}

export function inlineText(nodes: Inline[]): string {
  let text = '';
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'code') text += node.text;
    else if (node.type === 'image') text += inlineImageNote(node.alt);
    else if (node.type !== 'break') text += inlineText(node.children);
  }
  return text;
}
