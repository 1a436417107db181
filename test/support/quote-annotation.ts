/** A highlight of `exact` as the app stores it (a W3C annotation), for tests that need one. */
import type { Annotation } from '../../src/shared/annotation';

export function quoteAnnotation(
  exact: string,
  at: { start: number; prefix?: string; suffix?: string },
  fields: Partial<Pick<Annotation, 'id' | 'colour' | 'note' | 'created' | 'modified'>> = {},
): Annotation {
  const when = '2026-01-01T00:00:00.000Z';
  return {
    id: 'a1',
    type: 'Annotation',
    created: when,
    modified: when,
    colour: 'yellow',
    note: '',
    ...fields,
    target: {
      selector: [
        { type: 'TextQuoteSelector', exact, prefix: at.prefix ?? '', suffix: at.suffix ?? '' },
        { type: 'TextPositionSelector', start: at.start, end: at.start + exact.length },
      ],
    },
  };
}
