import { describe, expect, it } from 'vitest';
import { normaliseText, toMatchExpression } from '../../../../src/main/services/library/query-text';

describe('the library query normaliser', () => {
  it('makes curly quotes and dashes plain', () => {
    expect(normaliseText('“Don’t” — now')).toBe('"Don\'t" - now');
  });

  it('prefixes only the word still being typed', () => {
    expect(toMatchExpression('peace tal')).toBe('"peace" "tal"*');
    expect(toMatchExpression('peace talks ')).toBe('"peace" "talks"');
  });

  it('keeps quoted phrases together, curly or straight', () => {
    expect(toMatchExpression('“peace talks” kyiv')).toBe('"peace talks" "kyiv"*');
    expect(toMatchExpression('"unfinished phrase')).toBe('"unfinished phrase"');
  });

  it('drops FTS5 syntax so typing can never cause an error', () => {
    expect(toMatchExpression('NEAR(a*) OR -b:c')).toBe('"NEAR" "a" "OR" "b" "c"*');
    expect(toMatchExpression('  *** ')).toBeNull();
  });
});
