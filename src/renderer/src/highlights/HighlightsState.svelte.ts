/**
 * The reader's highlights on the open article: anchored in its text, drawn with the CSS Custom
 * Highlight API (the article DOM is never changed), saved to main after every change.
 */
import type { Annotation, HighlightColour } from '../../../shared/annotation';
import { HIGHLIGHT_COLOURS } from '../../../shared/annotation';
import type { LecternApi } from '../../../shared/ipc';
import { isoNow } from '../shell/iso-now';
import { anchorSpan, describeSpan, type TextSpan } from '../../../shared/text-anchoring';
import { offsetOf, plainText, rangeFromOffsets } from './text-positions';
import { quoteBreaks } from './quote-breaks';

export interface PlacedHighlight {
  annotation: Annotation;
  /** Where it sits in the article's text now; null when it can no longer be placed. */
  span: TextSpan | null;
}

export class HighlightsState {
  items = $state.raw<PlacedHighlight[]>([]);
  lastColour = $state<HighlightColour>('yellow');
  /** The highlight removed last, until it is restored or another is removed. */
  removed = $state.raw<Annotation | null>(null);
  saveError = $state<string | null>(null);
  /** False until the open article's stored highlights are in; nothing can be added before. */
  ready = $state(false);
  readonly #api: LecternApi;
  #key: string | null = null;
  #title = '';
  #root: HTMLElement | null = null;
  #observer: MutationObserver | null = null;
  #watching = false;

  constructor(api: LecternApi) {
    this.#api = api;
  }

  get unplaced() {
    return this.items.filter((item) => !item.span);
  }

  /** Places the article's stored highlights (they came with the article) in its text. */
  show(key: string, title: string, root: HTMLElement, annotations: Annotation[]) {
    this.detach();
    this.#key = key;
    this.#title = title;
    this.#root = root;
    this.removed = null;
    const text = plainText(root);
    this.items = annotations.map((annotation) => {
      const [quote, position] = annotation.target.selector;
      return { annotation, span: anchorSpan(text, { quote, position }) };
    });
    // Find-in-article wraps matches in <mark>; ranges are rebuilt from text offsets after it does.
    this.#observer = new MutationObserver(() => this.#draw());
    this.#draw();
    this.ready = true;
    this.#addMissingBreaks(text);
  }

  detach() {
    this.#observer?.disconnect();
    this.#observer = null;
    this.#watching = false;
    this.#key = null;
    this.ready = false;
    this.items = [];
    this.#draw();
  }

  /** The current selection as a span of the article's text, if it lies inside the article. */
  selectedSpan(): TextSpan | null {
    const selection = getSelection();
    const root = this.#root;
    if (!this.ready || !root || !selection || selection.isCollapsed || selection.rangeCount === 0)
      return null;
    const range = selection.getRangeAt(0);
    // What the app wrote (a removed embed's note, "Saved from") is no passage of the article.
    if (isAppText(range.startContainer) || isAppText(range.endContainer)) return null;
    const start = offsetOf(root, range.startContainer, range.startOffset);
    const end = offsetOf(root, range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return null;
    return plainText(root).slice(start, end).trim() ? { start, end } : null;
  }

  /** Highlights the selection; returns the new annotation's id. */
  addFromSelection = (colour: HighlightColour = this.lastColour): string | null => {
    const span = this.selectedSpan();
    if (!span || !this.#root) return null;
    // The same passage again is the same highlight, in the colour now chosen.
    const same = this.items.find((i) => i.span?.start === span.start && i.span.end === span.end);
    if (same) {
      const { id } = same.annotation;
      if (same.annotation.colour !== colour) this.recolour(id, colour);
      this.lastColour = colour;
      getSelection()?.removeAllRanges();
      return id;
    }
    const { quote, position } = describeSpan(plainText(this.#root), span);
    const now = isoNow();
    const annotation: Annotation = withBreaks(
      {
        id: crypto.randomUUID(),
        type: 'Annotation',
        created: now,
        modified: now,
        colour,
        note: '',
        target: { selector: [quote, position] },
      },
      rangeFromOffsets(this.#root, span.start, span.end),
    );
    this.lastColour = colour;
    this.items = [...this.items, { annotation, span }].sort(
      (a, b) => (a.span?.start ?? Infinity) - (b.span?.start ?? Infinity),
    );
    getSelection()?.removeAllRanges();
    this.#changed();
    return annotation.id;
  };

  recolour = (id: string, colour: HighlightColour) => this.#edit(id, { colour });
  setNote = (id: string, note: string) => this.#edit(id, { note });

  remove = (id: string) => {
    this.removed = this.items.find((item) => item.annotation.id === id)?.annotation ?? null;
    this.items = this.items.filter((item) => item.annotation.id !== id);
    this.#changed();
  };

  undoRemove = () => {
    const annotation = this.removed;
    if (!annotation || !this.#root) return;
    const [quote, position] = annotation.target.selector;
    const span = anchorSpan(plainText(this.#root), { quote, position });
    this.items = [...this.items, { annotation, span }].sort(
      (a, b) => (a.span?.start ?? Infinity) - (b.span?.start ?? Infinity),
    );
    this.removed = null;
    this.#changed();
  };

  /** A live range over a placed highlight, to scroll to it or select it. */
  rangeOf(id: string): Range | null {
    const span = this.items.find((item) => item.annotation.id === id)?.span;
    return span && this.#root ? rangeFromOffsets(this.#root, span.start, span.end) : null;
  }

  /**
   * The placed highlight painted under a point of the window, the shortest where several overlap;
   * null over none. The caret's offset finds the few that could be there; their lines' boxes say
   * whether the point is on one, not just beside its end.
   */
  highlightAt(x: number, y: number): string | null {
    const root = this.#root;
    const caret = document.caretPositionFromPoint?.(x, y);
    if (!this.ready || !root || !caret) return null;
    const offset = offsetOf(root, caret.offsetNode, caret.offset);
    if (offset === null) return null;
    const around = this.items
      .flatMap(({ annotation, span }) =>
        span && span.start <= offset && offset <= span.end ? [{ id: annotation.id, span }] : [],
      )
      .sort((a, b) => a.span.end - a.span.start - (b.span.end - b.span.start));
    for (const { id, span } of around) {
      const boxes = rangeFromOffsets(root, span.start, span.end)?.getClientRects() ?? [];
      const hit = [...boxes].some(
        (box) => x >= box.left && x <= box.right && y >= box.top && y <= box.bottom,
      );
      if (hit) return id;
    }
    return null;
  }

  /**
   * Highlights saved before quotes kept their paragraph breaks get them, once, where the passage
   * is still exactly where it was: the same text, so the same breaks.
   */
  #addMissingBreaks(text: string) {
    let added = false;
    this.items = this.items.map((item) => {
      const { annotation, span } = item;
      const exact = annotation.target.selector[0].exact;
      if (annotation.breaks || !span || !this.#root || text.slice(span.start, span.end) !== exact)
        return item;
      const updated = withBreaks(annotation, rangeFromOffsets(this.#root, span.start, span.end));
      added ||= updated !== annotation;
      return updated === annotation ? item : { ...item, annotation: updated };
    });
    if (added) this.#changed();
  }

  #edit(id: string, change: Partial<Pick<Annotation, 'colour' | 'note'>>) {
    const modified = isoNow();
    this.items = this.items.map((item) =>
      item.annotation.id === id
        ? { ...item, annotation: { ...item.annotation, ...change, modified } }
        : item,
    );
    this.#changed();
  }

  #changed() {
    this.#draw();
    const key = this.#key;
    if (!key) return;
    const annotations = this.items.map((item) => item.annotation);
    void this.#api.call('highlights.set', key, { title: this.#title, annotations }).then((r) => {
      this.saveError = r.ok ? null : r.error.message;
    });
  }

  #draw() {
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    let drawn = false;
    for (const colour of HIGHLIGHT_COLOURS) {
      const ranges: Range[] = [];
      for (const { annotation, span } of this.items) {
        if (annotation.colour !== colour || !span || !this.#root) continue;
        const range = rangeFromOffsets(this.#root, span.start, span.end);
        if (range) ranges.push(range);
      }
      const name = `lectern-${colour}`;
      // Every change to the registry repaints the page's text: none while nothing is drawn.
      if (ranges.length) CSS.highlights.set(name, new Highlight(...ranges));
      else CSS.highlights.delete(name);
      drawn ||= ranges.length > 0;
    }
    this.#watch(drawn);
  }

  /**
   * The article is watched for changes only while highlights are drawn in it: a watcher makes the
   * browser record every node find's marks split, wrap and merge (a third of their cost), and
   * with nothing drawn there is nothing to redraw.
   */
  #watch(drawn: boolean) {
    if (!this.#observer || !this.#root || drawn === this.#watching) return;
    if (drawn) this.#observer.observe(this.#root, { childList: true, subtree: true });
    else this.#observer.disconnect();
    this.#watching = drawn;
  }
}

/** The annotation with its quote's paragraph breaks, read from its range; itself when it has none. */
function withBreaks(annotation: Annotation, range: Range | null): Annotation {
  const breaks = range ? quoteBreaks(range, annotation.target.selector[0].exact.length) : [];
  return breaks.length ? { ...annotation, breaks } : annotation;
}

/** Text the reader added around the article's own: marked `data-app-text` where it is drawn. */
const isAppText = (node: Node) =>
  !!(node instanceof Element ? node : node.parentElement)?.closest('[data-app-text]');
