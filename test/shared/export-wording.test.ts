/** The lead photo's credit is labelled once, in the credit's own words when it has a label. */
import { describe, expect, it } from 'vitest';
import { creditLabel } from '../../src/shared/export/export-wording';

describe('a credit', () => {
  it('gets "Photo:" when it is only a name', () => {
    expect(creditLabel('Ludovic Marin / AFP')).toBe('Photo: Ludovic Marin / AFP');
    expect(creditLabel('رويترز')).toBe('Photo: رويترز');
  });

  it('keeps a label of its own, in any language', () => {
    for (const credit of [
      'Photo: Ludovic Marin / AFP',
      'Photograph: Reuters',
      'Foto: dpa',
      'الصورة: رويترز',
      'Crédit photo : AFP',
      '写真：共同',
    ]) {
      expect(creditLabel(credit)).toBe(credit);
    }
  });

  it('is not taken for a label by a colon far into it or an address', () => {
    expect(creditLabel('Telegram / Dnipropetrovsk Regional Administration: Serhii Lysak')).toMatch(
      /^Photo: /,
    );
    expect(creditLabel('https://example.org/photo')).toMatch(/^Photo: /);
  });
});
