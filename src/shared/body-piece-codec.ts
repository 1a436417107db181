/**
 * The blocks of a long article's body piece as one string, made where the piece is cut (the
 * article worker) and read in the window: a host hands a string over without looking into it, so
 * the host's own thread does no per-block work (no structured clone of thousands of objects, no
 * JSON replacer), and a plain paragraph, all of a file of tiny ones, travels as its text alone.
 *
 * The string is a JSON array: first the id number the next plain paragraph gets, then one entry
 * per block. A string entry is a paragraph of plain text (none for ''), whose id is the next number;
 * any other block is itself, and the next number follows the largest id in it. Block ids are
 * numbered in parse order, so this holds for nearly every paragraph; one that breaks the rule (a
 * gap where a block was taken out) is sent whole.
 */
import type { Block } from './article';

const ID = /^b(\d+)$/;

const idNumber = (id: string): number | null => {
  const match = ID.exec(id);
  return match ? Number(match[1]) : null;
};

/** The text of a paragraph of plain text alone ('' for an empty one), else null. */
function plainParagraphText(block: Block): string | null {
  if (block.type !== 'paragraph') return null;
  const { children } = block;
  if (children.length === 0) return '';
  const only = children[0]!;
  return children.length === 1 && only.type === 'text' && only.text !== '' ? only.text : null;
}

/** The next id number after a block and everything in it (null when it has no numbered id). */
function nextAfter(block: Block, next: number | null): number | null {
  let largest = idNumber(block.id);
  const inner =
    block.type === 'quote' ? block.children : block.type === 'list' ? block.items.flat() : [];
  for (const child of inner) {
    const after = nextAfter(child, null);
    if (after !== null) largest = Math.max(largest ?? -1, after - 1);
  }
  return largest === null ? next : largest + 1;
}

export function encodeBlocks(blocks: readonly Block[]): string {
  const first = blocks[0] ? idNumber(blocks[0].id) : null;
  const entries: unknown[] = [first ?? 0];
  let next: number | null = first;
  for (const block of blocks) {
    const text = plainParagraphText(block);
    if (text !== null && next !== null && block.id === `b${next}`) {
      entries.push(text);
      next++;
    } else {
      entries.push(block);
      next = nextAfter(block, next);
    }
  }
  return JSON.stringify(entries);
}

export function decodeBlocks(encoded: string): Block[] {
  const entries = JSON.parse(encoded) as unknown[];
  let next: number | null = entries[0] as number;
  const blocks: Block[] = new Array<Block>(entries.length - 1);
  for (let i = 1; i < entries.length; i++) {
    const entry = entries[i] as string | Block;
    if (typeof entry === 'string') {
      blocks[i - 1] = {
        type: 'paragraph',
        id: `b${next}`,
        children: entry === '' ? [] : [{ type: 'text', text: entry }],
      };
      next = next! + 1;
    } else {
      blocks[i - 1] = entry;
      next = nextAfter(entry, next);
    }
  }
  return blocks;
}
