import { describe, expect, it } from 'vitest';
import { anchorSpan, describeSpan } from '../../src/shared/text-anchoring';

const TEXT =
  'Russia said Sunday it was pushing into Ukraine’s eastern industrial Dnipropetrovsk region ' +
  'for the first time in its three-year offensive. The region is industrial too.';

const spanOf = (text: string, needle: string, from = 0) => {
  const start = text.indexOf(needle, from);
  return { start, end: start + needle.length };
};

describe('anchoring a highlight', () => {
  it('finds it where it was when nothing changed', () => {
    const span = spanOf(TEXT, 'eastern industrial');
    expect(anchorSpan(TEXT, describeSpan(TEXT, span))).toEqual(span);
  });

  it('follows it when text was added before it', () => {
    const span = spanOf(TEXT, 'three-year offensive');
    const selectors = describeSpan(TEXT, span);
    const edited = `UPDATED: ${TEXT}`;
    expect(anchorSpan(edited, selectors)).toEqual(spanOf(edited, 'three-year offensive'));
  });

  it('picks the occurrence whose context matches, not the first one', () => {
    const second = spanOf(TEXT, 'industrial', TEXT.indexOf('The region'));
    const selectors = describeSpan(TEXT, second);
    const edited = TEXT.replace('Russia said', 'Moscow said on');
    expect(anchorSpan(edited, selectors)).toEqual(
      spanOf(edited, 'industrial', edited.indexOf('The region')),
    );
  });

  it('re-attaches to a lightly corrected quote', () => {
    const span = spanOf(TEXT, 'for the first time in its three-year offensive');
    const edited = TEXT.replace('three-year', 'three year');
    const found = anchorSpan(edited, describeSpan(TEXT, span));
    expect(found && edited.slice(found.start, found.end)).toMatch(
      /^for the first time.*offensive$/,
    );
  });

  it('gives up when the passage is gone', () => {
    const span = spanOf(TEXT, 'three-year offensive');
    const edited = 'A completely different article about the weather in Lisbon this week.';
    expect(anchorSpan(edited, describeSpan(TEXT, span))).toBeNull();
  });
});
