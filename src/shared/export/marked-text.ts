/**
 * The article's text as the window reads it (title, caption, then the body blocks run together),
 * and the body rebuilt with highlighted stretches of that text split off as marks.
 */
import type { Article, Block, Inline } from '../article';
import type { MarkedBlock, MarkedInline, PlacedMark } from './export-model';
import { creditLabel, REMOVED_EMBED_TEXT } from './export-wording';

interface Rendered {
  caption: { children: MarkedInline[]; credit: string | null } | null;
  body: MarkedBlock[];
  hasLostLinks: boolean;
  /** The note numbers whose reference made it into the rendered text. */
  refs: Set<number>;
  /** How many marks were drawn (a highlight of the title is not). */
  drawn: number;
}

/** Walks the article twice in the same order: once for its text, once to render it with marks. */
export function markArticle(article: Article): {
  text: string;
  render: (marks: PlacedMark[]) => Rendered;
} {
  const walk = (walker: Walker) => {
    walker.skip(article.title);
    walker.skip(' ');
    const caption = article.caption
      ? { children: walker.inlines(article.caption.children), credit: article.caption.credit }
      : null;
    if (article.caption?.credit) walker.skip(creditLabel(article.caption.credit));
    walker.skip(' ');
    const body = walker.blocks(article.body);
    return {
      caption,
      body,
      hasLostLinks: walker.lostLinks > 0,
      refs: walker.refs,
      drawn: walker.drawn.size,
    };
  };
  const counting = new Walker([]);
  walk(counting);
  return { text: counting.text, render: (marks) => walk(new Walker(marks)) };
}

class Walker {
  text = '';
  lostLinks = 0;
  readonly refs = new Set<number>();
  readonly drawn = new Set<PlacedMark>();
  #linkDepth = 0;
  /** Note references that ended inside a link wait until it closes: links cannot nest. */
  #heldRefs: number[] = [];
  readonly #marks: PlacedMark[];

  constructor(marks: PlacedMark[]) {
    this.#marks = [...marks].sort((a, b) => a.start - b.start);
  }

  skip(text: string) {
    this.text += text;
  }

  blocks(blocks: Block[]): MarkedBlock[] {
    return blocks.map((block) => this.#block(block));
  }

  #block(block: Block): MarkedBlock {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        return { ...block, children: this.inlines(block.children) };
      case 'quote':
        return { ...block, children: this.blocks(block.children) };
      case 'list':
        return { ...block, items: block.items.map((item) => this.blocks(item)) };
      case 'code':
        this.skip(block.text);
        return block;
      case 'image':
        this.skip(`[Image not saved${block.alt ? `: ${block.alt}` : ''}]`);
        return block;
      case 'embed':
        this.skip(`▢${REMOVED_EMBED_TEXT}`);
        return block;
      default:
        return block;
    }
  }

  inlines(nodes: Inline[]): MarkedInline[] {
    const out: MarkedInline[] = [];
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
        case 'code':
          this.#text(node.type, node.text, out);
          break;
        case 'emphasis':
        case 'strong':
          out.push({ type: node.type, children: this.inlines(node.children) });
          break;
        case 'link': {
          if (node.target.kind === 'lost') this.lostLinks++;
          this.#linkDepth++;
          out.push({ type: 'link', target: node.target, children: this.inlines(node.children) });
          this.#linkDepth--;
          if (this.#linkDepth === 0) this.#releaseRefs(out);
          break;
        }
        case 'image':
          this.skip(`[Image${node.alt ? `: ${node.alt}` : ''}]`);
          out.push(node);
          break;
        default:
          out.push(node);
      }
    }
    return out;
  }

  /** Splits one text run where marks start and end; a note's number follows its mark's end. */
  #text(type: 'text' | 'code', text: string, out: MarkedInline[]) {
    const start = this.text.length;
    const end = start + text.length;
    this.text += text;
    const touching = this.#marks.filter((m) => m.start < end && m.end > start);
    if (touching.length === 0) {
      out.push({ type, text, mark: null });
      return;
    }
    const cuts = new Set([start, end]);
    for (const m of touching) {
      if (m.start > start) cuts.add(m.start);
      if (m.end < end) cuts.add(m.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i++) {
      const [from, to] = [points[i]!, points[i + 1]!];
      // Where highlights overlap, the one that starts later is drawn on top, as in the window.
      const covering = touching.filter((m) => m.start <= from && m.end >= to).at(-1);
      if (covering) this.drawn.add(covering);
      out.push({ type, text: text.slice(from - start, to - start), mark: covering?.mark ?? null });
      for (const m of touching) {
        if (m.end === to && m.mark.note !== null) this.#heldRefs.push(m.mark.note);
      }
      if (this.#linkDepth === 0) this.#releaseRefs(out);
    }
  }

  #releaseRefs(out: MarkedInline[]) {
    for (const note of this.#heldRefs.splice(0)) {
      this.refs.add(note);
      out.push({ type: 'note-ref', note });
    }
  }
}
