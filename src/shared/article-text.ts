/** The text a reader sees of inline content: for titles, bylines, find and search. */
import type { Inline } from './article';

export function plainText(inlines: Inline[]): string {
  return inlines
    .map((node) => {
      switch (node.type) {
        case 'text':
        case 'code':
          return node.text;
        case 'image':
          return node.alt;
        case 'break':
          return '\n';
        default:
          return plainText(node.children);
      }
    })
    .join('');
}
