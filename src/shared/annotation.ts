/** Highlights and notes, stored as W3C Web Annotations (text-quote and text-position selectors). */
import * as v from 'valibot';

export const HIGHLIGHT_COLOURS = ['yellow', 'green', 'blue', 'pink'] as const;
export type HighlightColour = (typeof HIGHLIGHT_COLOURS)[number];
const MAX_QUOTE = 20_000;

export const TextQuoteSelectorSchema = v.strictObject({
  type: v.literal('TextQuoteSelector'),
  exact: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_QUOTE)),
  prefix: v.pipe(v.string(), v.maxLength(64)),
  suffix: v.pipe(v.string(), v.maxLength(64)),
});
export const TextPositionSelectorSchema = v.strictObject({
  type: v.literal('TextPositionSelector'),
  start: v.pipe(v.number(), v.integer(), v.minValue(0)),
  end: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

export const AnnotationSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{1,64}$/)),
  type: v.literal('Annotation'),
  created: v.pipe(v.string(), v.maxLength(40)),
  modified: v.pipe(v.string(), v.maxLength(40)),
  colour: v.picklist(HIGHLIGHT_COLOURS),
  note: v.pipe(v.string(), v.maxLength(20_000)),
  target: v.strictObject({
    selector: v.tuple([TextQuoteSelectorSchema, TextPositionSelectorSchema]),
  }),
  /**
   * Where in the quote a new paragraph (or heading, caption, list item) starts. The quote is the
   * article's text between two offsets, which runs blocks together ("setbacks.Moscow"), as the
   * offsets must; these say where the reader saw a break. Absent when it has none.
   */
  breaks: v.optional(
    v.pipe(
      v.array(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_QUOTE))),
      v.maxLength(MAX_QUOTE),
    ),
  ),
});
export type Annotation = v.InferOutput<typeof AnnotationSchema>;

/** The highlighted passage as the reader saw it: one string per paragraph, in order. */
export function quoteParagraphs(annotation: Annotation): string[] {
  const { exact } = annotation.target.selector[0];
  const paragraphs: string[] = [];
  let from = 0;
  // Stored files are validated but not trusted to be in order: a break out of place is skipped.
  for (const at of [...(annotation.breaks ?? []), exact.length]) {
    if (at <= from || at > exact.length) continue;
    paragraphs.push(exact.slice(from, at).trim());
    from = at;
  }
  const kept = paragraphs.filter(Boolean);
  return kept.length ? kept : [exact];
}

/** The passage as one string, its paragraphs joined by `separator`. */
export const quoteText = (annotation: Annotation, separator = '\n') =>
  quoteParagraphs(annotation).join(separator);

export const AnnotationListSchema = v.pipe(v.array(AnnotationSchema), v.maxLength(5000));

export const ArticleAnnotationsSchema = v.strictObject({
  title: v.pipe(v.string(), v.maxLength(1000)),
  annotations: AnnotationListSchema,
});
export type ArticleAnnotations = v.InferOutput<typeof ArticleAnnotationsSchema>;
