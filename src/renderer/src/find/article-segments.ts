/**
 * The searchable parts of a rendered article, in reading order: the title, the byline line, the
 * lead caption (read from the page) and every leaf block of the body (from the model, so a chunk
 * not yet filled is searched too). A segment's text is exactly what mark.js reads in its element,
 * so an offset in it is an offset mark.js understands.
 *
 * Segments come in groups, watched for nearness to the view: each header part alone, then each
 * chunk of the body (article-body): a few hundred groups, not one per block.
 */
import type { Block } from '../../../shared/article';
import type { ArticleBody } from '../reader/article/article-body.svelte';
import { blockText } from '../reader/article/block-text';
import { rangeOverNodes } from '../reader/text-range';

const HEADER_SELECTOR = 'h1, header p, figcaption';
/** Text under these is never searched (mark.js checks a text node's parent against this list). */
export const FIND_EXCLUDE = ['[hidden]', '[hidden] *', '[data-find-skip]', '[data-find-skip] *'];
const EXCLUDED = [...FIND_EXCLUDE, 'script', 'style'].join(', ');

export interface FindSegments {
  texts: string[];
  /** The element watched for each group: a header part, or a chunk of the body. */
  groups: HTMLElement[];
  /** Segment → its group; group → its first segment (plus the count at the end). */
  groupOf: Int32Array;
  groupStarts: Int32Array;
  /** Where each segment's text starts in its group's text, and each group's text length. */
  offsets: Int32Array;
  groupLengths: Int32Array;
  /** The element mark.js works in; a body chunk is filled first if it was not yet. */
  element(segment: number): HTMLElement | null;
}

export function articleSegments(article: HTMLElement, body: ArticleBody | undefined): FindSegments {
  const header = [...article.querySelectorAll<HTMLElement>(HEADER_SELECTOR)].filter(
    (element) => !element.matches(EXCLUDED),
  );
  const texts = header.map(segmentText);
  const groups = [...header];
  const ids: (string | null)[] = header.map(() => null);
  const groupOf: number[] = header.map((_, index) => index);
  const groupStarts: number[] = header.map((_, index) => index);
  for (const chunk of body?.chunks ?? []) {
    groupStarts.push(texts.length);
    for (let i = chunk.first; i < chunk.end; i++) {
      for (const leaf of leaves(body!.blocks[i]!)) {
        texts.push(blockText(leaf));
        ids.push(leaf.id);
        groupOf.push(groups.length);
      }
    }
    groups.push(chunk.element);
  }
  groupStarts.push(texts.length);
  const offsets = new Int32Array(texts.length);
  const groupLengths = new Int32Array(groups.length);
  texts.forEach((text, segment) => {
    const group = groupOf[segment]!;
    offsets[segment] = groupLengths[group]!;
    groupLengths[group]! += text.length;
  });
  return {
    texts,
    groups,
    groupOf: Int32Array.from(groupOf),
    groupStarts: Int32Array.from(groupStarts),
    offsets,
    groupLengths,
    element: (segment) => {
      const id = ids[segment];
      return id === undefined ? null : id === null ? header[segment]! : body!.element(id);
    },
  };
}

/**
 * The blocks that hold text of their own, as the page has them: every block has an element with
 * `data-block` but a removed embed, and a quote or list holding such blocks is not searched whole.
 */
function* leaves(block: Block): Generator<Block> {
  const children =
    block.type === 'quote' ? block.children : block.type === 'list' ? block.items.flat() : null;
  if (block.type === 'embed') return;
  if (!children || !children.some((child) => child.type !== 'embed')) {
    yield block;
    return;
  }
  for (const child of children) yield* leaves(child);
}

/**
 * A live range over characters [start, end) of a segment's text, as segmentText counts them; null
 * when the segment is shorter (it changed since it was read).
 */
export function segmentRange(segment: HTMLElement, start: number, end: number): Range | null {
  return rangeOverNodes(searchedNodes(segment), start, end);
}

/** The text nodes find reads in a segment, in order. */
function* searchedNodes(segment: HTMLElement): Generator<Text> {
  const walker = document.createTreeWalker(segment, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent && !parent.matches(EXCLUDED)) yield node as Text;
  }
}

export function segmentText(segment: HTMLElement): string {
  let text = '';
  for (const node of searchedNodes(segment)) text += node.data;
  return text;
}
