/**
 * A paragraph longer than any article has (megabytes on one line, in a hostile file) is cut into
 * paragraphs of about MAX_PARAGRAPH_CHARS characters, at a space where there is one. A browser lays
 * out a paragraph in one go, however long: a 3 MB one held the window for a second, and it was in
 * the first frame, so the title waited for it. Cut, it is a run of blocks like any other, that the
 * body's chunks lay out only near the view. The text and its formatting stay the same; an element
 * that straddles a cut (a link, emphasis) is continued in the next part.
 */
import type { Inline } from '../../shared/article';

/** Several pages of text: no article's paragraph comes near it. */
export const MAX_PARAGRAPH_CHARS = 10_000;
/** A cut looks back this far for a space before cutting inside a word. */
const LOOK_BACK = 200;

type Parent = Inline & { children: Inline[] };

/** The paragraph's inline content as one part, or cut into parts of at most `limit` characters. */
export function cutParagraph(children: Inline[], limit = MAX_PARAGRAPH_CHARS): Inline[][] {
  if (weight(children) <= limit) return [children];
  const parts: Inline[][] = [];
  /** The elements continued across a cut: one left empty by it is dropped. */
  const copies = new WeakSet<Inline>();
  let room = limit;
  // The innermost open part: the top-level list and, inside it, copies of the elements cut.
  let path: Inline[][] = [[]];
  const close = () => {
    const part = withoutEmpty(path[0]!, copies);
    if (part.length) parts.push(part);
    room = limit;
  };
  /** Starts the next part, with an empty copy of each element the cut went through. */
  const reopen = (ancestors: Parent[]) => {
    close();
    path = [[]];
    for (const ancestor of ancestors) {
      const copy = { ...ancestor, children: [] } as Parent;
      copies.add(copy);
      path.at(-1)!.push(copy);
      path.push(copy.children);
    }
  };
  const walk = (nodes: Inline[], ancestors: Parent[]) => {
    for (const node of nodes) {
      const size = weight([node]);
      if (size <= room) {
        path.at(-1)!.push(node);
        room -= size;
      } else if (node.type === 'text') {
        let text = node.text;
        while (text.length > room) {
          const cut = room > 0 ? cutAt(text, room) : 0;
          if (cut > 0) path.at(-1)!.push({ type: 'text', text: text.slice(0, cut) });
          text = text.slice(cut);
          reopen(ancestors);
        }
        if (text) path.at(-1)!.push({ type: 'text', text });
        room -= text.length;
      } else if ('children' in node) {
        const copy = { ...node, children: [] } as Parent;
        copies.add(copy);
        path.at(-1)!.push(copy);
        path.push(copy.children);
        walk(node.children, [...ancestors, copy]);
        path.pop();
      } else {
        // Code or an image alone longer than the room: it goes whole into a part of its own.
        if (room < limit) reopen(ancestors);
        path.at(-1)!.push(node);
        room -= size;
      }
    }
  };
  walk(children, []);
  close();
  return parts;
}

/** A copy left with nothing in it, where a cut fell at its start or end, is dropped. */
function withoutEmpty(nodes: Inline[], copies: WeakSet<Inline>): Inline[] {
  const kept: Inline[] = [];
  for (const node of nodes) {
    if (!copies.has(node) || !('children' in node)) kept.push(node);
    else {
      const children = withoutEmpty(node.children, copies);
      if (children.length) kept.push({ ...node, children });
    }
  }
  return kept;
}

/** Where to cut a text that has `room` characters left: after a space, else at `room`. */
function cutAt(text: string, room: number): number {
  const space = text.lastIndexOf(' ', room - 1);
  if (space >= 0 && space >= room - LOOK_BACK) return space + 1;
  // Not between the two halves of a surrogate pair.
  const code = text.charCodeAt(room - 1);
  return room > 0 && code >= 0xd800 && code <= 0xdbff ? room - 1 : room;
}

/** About how many characters the content shows. */
function weight(nodes: Inline[]): number {
  let size = 0;
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'code') size += node.text.length;
    else if (node.type === 'image') size += node.alt.length + 8;
    else if (node.type === 'break') size += 1;
    else size += weight(node.children);
  }
  return size;
}
