/**
 * How tall a chunk of the body is guessed to be before it is first laid out, in lines of the
 * reading text. The guess is a size class (CSS in ArticleView, in `lh`, so it follows the text
 * size and spacing) rather than an inline style: the body holds no style from anywhere. Once a
 * chunk has been on screen the browser remembers its real height (`contain-intrinsic-size: auto`).
 */
import type { Block } from '../../../../shared/article';
import { blockText, inlineText } from './block-text';

/** The smallest chunk: about two screens. */
export const MIN_CHUNK_LINES = 64;
/**
 * At most about this many chunks: the browser checks every chunk for whether it is near the view,
 * in every frame that changes anything, so a long article has larger chunks rather than more.
 */
const MAX_CHUNKS = 256;
/**
 * …and no more blocks than this in one: a chunk is filled in one step, and 2 000 lines of one-letter
 * paragraphs are 1 200 blocks, a tenth of a second to mount. Only such files reach it.
 */
export const MAX_CHUNK_BLOCKS = 384;
/** Characters on a line at the default measure (66ch); measured on generated articles. */
const CHARACTERS_PER_LINE = 70;
/** A paragraph's bottom margin (1.05em at 1.65 leading), in lines. */
const PARAGRAPH_GAP = 0.65;

export function blockLines(block: Block): number {
  switch (block.type) {
    case 'paragraph':
      return Math.ceil(inlineText(block.children).length / CHARACTERS_PER_LINE) + PARAGRAPH_GAP;
    case 'heading':
      return 3;
    case 'quote':
      return 1.7 + block.children.reduce((sum, child) => sum + blockLines(child), 0);
    case 'list':
      return 1 + block.items.flat().reduce((sum, child) => sum + 0.8 * blockLines(child), 0);
    case 'code':
      return 1.5 + 0.85 * block.text.split('\n').length;
    case 'embed':
      return 3;
    default:
      return Math.ceil(blockText(block).length / CHARACTERS_PER_LINE) + 2;
  }
}

/** Lines of blocks in a chunk, for a body guessed this long: a size class, so chunks fill theirs. */
export function chunkLines(totalLines: number): number {
  const lines = 2 ** Math.round(Math.log2(Math.max(1, totalLines / MAX_CHUNKS)));
  return Math.min(4096, Math.max(MIN_CHUNK_LINES, lines));
}

/** The nearest size class ArticleView's CSS has: 64 lines (none), then 128 and so on to 4 096. */
export function sizeClass(lines: number): string {
  const size = Math.min(4096, 2 ** Math.round(Math.log2(Math.max(lines, MIN_CHUNK_LINES))));
  return size === MIN_CHUNK_LINES ? '' : `lines-${size}`;
}
