/**
 * The article's body in the page, in chunks of about a screen of top-level blocks. Every chunk is
 * `content-visibility: auto`, so the browser styles, lays out and paints only those near the view;
 * off screen a chunk stands in at an estimated height (its size class) until it has been seen, and
 * then at the height it was measured at. ArticleView renders the chunks' elements; each is filled
 * by mounting its blocks' components (ChunkBlocks, BlockView) into it, near the view first and the
 * rest in idle time: the title is painted at once and the whole article is in the page (for
 * selection, screen readers, find) soon after. A body of more blocks than any article has (a file
 * of hundreds of thousands of tiny paragraphs) is filled in idle time only up to IDLE_FILL_BLOCKS;
 * past them its chunks are filled as they come near, and the rest stays model data, which is what
 * find, highlights and positions read anyway. Mounting is synchronous, so find and highlights
 * can fill the chunk they need and use its elements at once. The body's text and offsets come
 * from the model, so they are known before a chunk is filled.
 */
import { flushSync, mount, unmount, untrack } from 'svelte';
import type { Block } from '../../../../shared/article';
import type { ArticleStream } from '../ArticleStream.svelte';
import { blockText } from './block-text';
import ChunkBlocks from './ChunkBlocks.svelte';
import { BodyChunk as Chunk } from './body-chunk';
import { TopBlockIndex } from './top-block-index';
import { blockLines, chunkLines, MAX_CHUNK_BLOCKS, MIN_CHUNK_LINES } from './chunk-sizes';

/** Filling is done in slices of this much work, between frames. */
const SLICE_MS = 8;
/**
 * Blocks filled in idle time, at most: a book has about 20 000 paragraphs. Each mounted block
 * costs the window a few kilobytes of components and elements, so 350 000 tiny ones filled would
 * cost it most of a gigabyte, and collecting that garbage would stall it for long stretches.
 */
const IDLE_FILL_BLOCKS = 40_000;

const bodies = new WeakMap<Element, ArticleBody>();

/** The body shown in an `<article>` element, if the reader built it. */
export const articleBodyOf = (article: Element | null): ArticleBody | undefined =>
  article ? bodies.get(article) : undefined;

export class ArticleBody {
  container: HTMLElement = null!;
  /** Replaced whole when the body grows: ArticleView renders an element for each. */
  chunks = $state.raw<Chunk[]>([]);
  readonly stream: ArticleStream;
  readonly #blocks: Block[];
  /** Where each top-level block's text starts in the body's text; the total at the end. */
  #starts: number[] = [0];
  /** The top-level block each block id is in, descendants too (a lookup, not state). */
  readonly #topOf = new TopBlockIndex();
  #near: IntersectionObserver | null = null;
  readonly #byElement = new WeakMap<Element, Chunk>();
  /** Context for the mounted components (the link opener): the article view's. */
  readonly #context: Map<unknown, unknown>;
  #unfilled = $state(0);
  /** Blocks in filled chunks; idle filling stops at IDLE_FILL_BLOCKS. */
  #filledBlocks = 0;
  #idleBudgetSpent = $state(false);
  /** Chunks before this one are all filled. */
  #nextFill = 0;
  #idle = 0;
  readonly #stopGrowing: () => void;
  /** Listeners, called by hand (not state). */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #changed = new Set<() => void>();
  /** Lines of blocks per chunk: more for a longer article, so there are never many chunks. */
  readonly #chunkLines: number;

  constructor(stream: ArticleStream, context: Map<unknown, unknown>) {
    this.stream = stream;
    this.#context = context;
    this.#blocks = stream.article.body;
    // A long article's length in lines is guessed from its head, which is a sample of its text.
    const lines = this.#blocks.reduce((sum, block) => sum + blockLines(block), 0);
    const more = stream.article.continued;
    this.#chunkLines = chunkLines(more ? (lines * more.characters) / more.headCharacters : lines);
    this.#grow(0);
    this.#stopGrowing = stream.onGrow((from) => this.#grow(from));
    void stream.whenComplete().then(() => this.#notify());
  }

  /**
   * Attached to the body's element: chunks start filling once it is in the page. Untracked: the
   * state read here must not re-run the attachment (that would tear the body down).
   */
  attach = (container: HTMLElement) => untrack(() => this.#attach(container));

  #attach(container: HTMLElement) {
    this.container = container;
    // Chunks coming near the view are filled before they get there.
    this.#near = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (entry.isIntersecting) this.#fill(this.#byElement.get(entry.target));
        }
      },
      { root: container.closest('main'), rootMargin: '100% 0px' },
    );
    for (const chunk of this.chunks)
      if (!chunk.filled && chunk.element) this.#near.observe(chunk.element);
    bodies.set(container.closest('article') ?? container, this);
    this.#scheduleFill();
    this.#notify();
    return () => this.#destroy();
  }

  /**
   * Attached to each chunk's element. The first chunk is filled for the first frame; the rest as
   * they come near, or when idle.
   */
  chunk = (chunk: Chunk) => (element: HTMLElement) =>
    untrack(() => {
      chunk.element = element;
      this.#byElement.set(element, chunk);
      if (chunk.first === 0) this.#fill(chunk);
      else this.#near?.observe(element);
      return () => {
        this.#near?.unobserve(element);
        if (chunk.mounted) void unmount(chunk.mounted);
        chunk.mounted = null;
      };
    });

  get blocks(): readonly Block[] {
    return this.#blocks;
  }

  /** True while chunks are being filled or pieces of the body are still on their way. */
  get busy(): boolean {
    // Read in the template (aria-busy): both parts are state.
    return (this.#unfilled > 0 && !this.#idleBudgetSpent) || !this.stream.complete;
  }

  /** Where top-level block `index` starts in the body's text; `blocks.length` gives the total. */
  textStart(index: number): number {
    return this.#starts[index]!;
  }

  /** The top-level block holding the body text at `offset` (the last one for the very end). */
  blockAt(offset: number): number {
    let low = 0;
    let high = this.#blocks.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.#starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** The element of top-level block `index`, its chunk filled first if need be. */
  topElement(index: number): HTMLElement | null {
    const chunk = this.chunkOf(index);
    if (!chunk) return null;
    this.#fill(chunk);
    return chunk.element.children[index - chunk.first] as HTMLElement;
  }

  /** The element of the block with this id (nested ones too), its chunk filled first. */
  element(id: string): HTMLElement | null {
    const top = this.#topOf.get(id);
    const element = top === undefined ? null : this.topElement(top);
    if (!element || element.dataset.block === id) return element;
    return element.querySelector<HTMLElement>(`[data-block="${CSS.escape(id)}"]`);
  }

  /** The top-level block holding a node of the body, and its index. */
  topBlockOf(node: Node): { element: HTMLElement; index: number } | null {
    let element = node instanceof HTMLElement ? node : node.parentElement;
    while (element && element.parentElement?.parentElement !== this.container) {
      element = element.parentElement;
    }
    const chunk = element ? this.#byElement.get(element.parentElement!) : undefined;
    if (!element || !chunk) return null;
    return {
      element,
      index: chunk.first + Array.prototype.indexOf.call(chunk.element.children, element),
    };
  }

  chunkOf(index: number): Chunk | undefined {
    let low = 0;
    let high = this.chunks.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.chunks[mid]!.first <= index) low = mid;
      else high = mid - 1;
    }
    const chunk = this.chunks[low];
    return chunk && index >= chunk.first && index < chunk.end ? chunk : undefined;
  }

  /** Fills every chunk now (find and highlights need only the ones they touch). */
  fillAll() {
    for (const chunk of this.chunks) this.#fill(chunk);
  }

  /** Called when the body grows or chunks are filled; returns the way to stop. */
  onChange(listener: () => void): () => void {
    this.#changed.add(listener);
    return () => this.#changed.delete(listener);
  }

  #destroy() {
    this.#stopGrowing();
    this.#near?.disconnect();
    cancelIdleCallback(this.#idle);
  }

  /** Chunks for the blocks from `from` on (blocks replaced from there are dropped first). */
  #grow(from: number) {
    // A chunk left short at the end of the last piece is made again, full, with the next one's.
    const chunks = [...this.chunks];
    const last = chunks.at(-1);
    this.#dropFrom(
      chunks,
      last && last.lines < this.#chunkLines && last.end - last.first < MAX_CHUNK_BLOCKS
        ? Math.min(from, last.first)
        : from,
    );
    const blocks = this.#blocks;
    let first = chunks.at(-1)?.end ?? 0;
    let lines = 0;
    for (let i = first; i < blocks.length; i++) {
      const block = blocks[i]!;
      this.#starts[i + 1] = this.#starts[i]! + blockText(block).length;
      this.#index(block, i);
      lines += blockLines(block);
      // The first chunk is a small one: it is filled and laid out before the first frame.
      const limit = chunks.length === 0 ? MIN_CHUNK_LINES : this.#chunkLines;
      if (lines >= limit || i + 1 - first >= MAX_CHUNK_BLOCKS || i === blocks.length - 1) {
        chunks.push(new Chunk(first, i + 1, lines));
        this.#unfilled++;
        first = i + 1;
        lines = 0;
      }
    }
    this.#starts.length = blocks.length + 1;
    this.chunks = chunks;
    // Before the page exists, its first render makes the chunks' elements; after, they are made
    // now, so those listening can use them.
    if (!this.container) return;
    flushSync();
    this.#scheduleFill();
    this.#notify();
  }

  /** Removes the chunks holding blocks from `from` on; the chunk it falls in is rebuilt too. */
  #dropFrom(chunks: Chunk[], from: number) {
    while (chunks.length && chunks.at(-1)!.end > from) {
      if (!chunks.pop()!.filled) this.#unfilled--;
    }
    this.#nextFill = Math.min(this.#nextFill, chunks.length);
  }

  #index(block: Block, top: number) {
    this.#topOf.set(block.id, top);
    if (block.type === 'quote') for (const child of block.children) this.#index(child, top);
    if (block.type === 'list') for (const child of block.items.flat()) this.#index(child, top);
  }

  #fill(chunk: Chunk | undefined) {
    if (!chunk || chunk.filled || !chunk.element) return;
    chunk.mounted = mount(ChunkBlocks, {
      target: chunk.element,
      props: { blocks: this.#blocks.slice(chunk.first, chunk.end) },
      context: this.#context,
    });
    this.#unfilled--;
    this.#filledBlocks += chunk.end - chunk.first;
    this.#near?.unobserve(chunk.element);
    if (this.#unfilled === 0) this.#notify();
  }

  /** The rest is filled in idle time, a slice at a time, so typing and scrolling stay smooth. */
  #scheduleFill() {
    if (this.#idle || this.#unfilled === 0 || this.#idleBudgetSpent) return;
    this.#idle = requestIdleCallback(
      (deadline) => {
        this.#idle = 0;
        const started = performance.now();
        const budget = Math.min(SLICE_MS, Math.max(deadline.timeRemaining(), 4));
        while (this.#nextFill < this.chunks.length && performance.now() - started < budget) {
          if (this.#filledBlocks >= IDLE_FILL_BLOCKS) {
            // The rest is filled as it comes near: the body is no longer busy once all is in.
            this.#idleBudgetSpent = true;
            this.#notify();
            return;
          }
          this.#fill(this.chunks[this.#nextFill++]);
        }
        this.#scheduleFill();
      },
      { timeout: 100 },
    );
  }

  #notify() {
    for (const listener of this.#changed) listener();
  }
}
