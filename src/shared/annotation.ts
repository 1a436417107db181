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
});
export type Annotation = v.InferOutput<typeof AnnotationSchema>;

export const AnnotationListSchema = v.pipe(v.array(AnnotationSchema), v.maxLength(5000));

export const ArticleAnnotationsSchema = v.strictObject({
  title: v.pipe(v.string(), v.maxLength(1000)),
  annotations: AnnotationListSchema,
});
export type ArticleAnnotations = v.InferOutput<typeof ArticleAnnotationsSchema>;
