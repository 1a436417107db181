/**
 * The text each block's component shows (BlockView, InlineContent, EmbedCard), character for
 * character, worked out from the model: find and highlights count offsets in it before a chunk's
 * components are mounted. The notes the components show are made here, so the two cannot differ.
 */
import type { Block, Inline } from '../../../../shared/article';
import { REMOVED_EMBED_TEXT } from '../../../../shared/export/export-wording';

export const EMBED_ICON = '▢';
export const imageNote = (alt: string) => `[Image not saved${alt ? `: ${alt}` : ''}]`;
export const inlineImageNote = (alt: string) => `[Image${alt ? `: ${alt}` : ''}]`;

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
      return `${EMBED_ICON} ${REMOVED_EMBED_TEXT}`;
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
