/** A highlight's passage is shown with the paragraph breaks the reader saw, and stored files are checked. */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  AnnotationSchema,
  quoteParagraphs,
  quoteText,
  type Annotation,
} from '../../src/shared/annotation';

function highlight(exact: string, breaks?: number[]): Annotation {
  return {
    id: 'h1',
    type: 'Annotation',
    created: '2025-03-01T10:00:00.000Z',
    modified: '2025-03-01T10:00:00.000Z',
    colour: 'yellow',
    note: '',
    target: {
      selector: [
        { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: 0, end: exact.length },
      ],
    },
    ...(breaks ? { breaks } : {}),
  };
}

describe('a highlight’s paragraphs', () => {
  it('are its quote cut at its breaks', () => {
    const across = highlight('after a long debate.Work on the northern', [20]);
    expect(quoteParagraphs(across)).toEqual(['after a long debate.', 'Work on the northern']);
    expect(quoteText(across)).toBe('after a long debate.\nWork on the northern');
    expect(quoteText(across, '\n\n')).toBe('after a long debate.\n\nWork on the northern');
  });

  it('are the quote alone without breaks, as highlights saved before them', () => {
    expect(quoteParagraphs(highlight('significant territorial escalation'))).toEqual([
      'significant territorial escalation',
    ]);
  });

  it('skip breaks out of place and blank pieces, and keep every character of the text', () => {
    const odd = highlight('One. Two.\n Three.', [4, 2, 4, 99, 10]);
    expect(quoteParagraphs(odd)).toEqual(['One.', 'Two.', 'Three.']);
    // Whitespace between blocks (a list's) makes no empty paragraph.
    expect(quoteParagraphs(highlight('Item one  Item two', [8, 10]))).toEqual([
      'Item one',
      'Item two',
    ]);
    expect(quoteParagraphs(highlight('   ', [1]))).toEqual(['   ']);
  });

  it('are checked when read from a file: whole offsets inside the quote’s limit', () => {
    expect(v.is(AnnotationSchema, highlight('a.b', [2]))).toBe(true);
    expect(v.is(AnnotationSchema, highlight('a.b', [1.5]))).toBe(false);
    expect(v.is(AnnotationSchema, highlight('a.b', [0]))).toBe(false);
    expect(v.is(AnnotationSchema, { ...highlight('a.b'), breaks: 'x' })).toBe(false);
  });
});
