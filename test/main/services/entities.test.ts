import { describe, expect, it } from 'vitest';
import { findEntities } from '../../../src/main/services/entities';

const names = async (segments: string[]) =>
  (await findEntities(segments)).map((entity) => `${entity.name}/${entity.kind}/${entity.count}`);

describe('findEntities', () => {
  it('still finds a name that first appears after many sentences about others', async () => {
    const early = Array.from(
      { length: 12 },
      (_, i) => `On day ${i + 1} the officials in Kyiv met Volodymyr Zelensky again.`,
    );
    const found = await names([...early, 'Later the delegation met Oleksandr Syrskyi in Odesa.']);
    expect(found).toEqual(expect.arrayContaining(['Odesa/place/1', 'Oleksandr Syrskyi/person/1']));
    // Sentences that were not read again for names are still counted.
    expect(found).toContain('Kyiv/place/12');
    expect(found).toContain('Volodymyr Zelensky/person/12');
  });

  it('reads a name at the start of a sentence when it is known or an acronym', async () => {
    const found = await names(['Paris was calm on Sunday.', 'AFP reported the talks.']);
    expect(found).toEqual(expect.arrayContaining(['Paris/place/1', 'AFP/organization/1']));
  });

  it('leaves titles out of names, and a title alone is no name', async () => {
    const found = await names([
      'Ukrainian President Volodymyr Zelensky met Prime Minister Keir Starmer in London.',
      'The President said that Defense Minister Andrei Belousov had left.',
    ]);
    expect(found).toEqual(
      expect.arrayContaining([
        'Volodymyr Zelensky/person/1',
        'Keir Starmer/person/1',
        'Andrei Belousov/person/1',
      ]),
    );
    expect(found.some((name) => /President|Minister/.test(name))).toBe(false);
  });

  it('reads names far into a long sentence by the words beside them', async () => {
    const found = await names([
      'After a long night of heavy shelling along the whole of the eastern front, which went on ' +
        'until dawn, the head of the Dnipropetrovsk Region military administration, Serhiy Lysak, ' +
        'said that the town of Nikopol had been hit again.',
    ]);
    expect(found).toEqual(['Dnipropetrovsk/place/1', 'Nikopol/place/1', 'Serhiy Lysak/person/1']);
  });

  it('counts whole words only, a full name once, its surname alone as the same person', async () => {
    const found = await names([
      'Kyiv and Kyivstar were named.',
      'Kyiv’s mayor spoke.',
      'Volodymyr Zelensky spoke; later Zelensky left.',
    ]);
    expect(found).toEqual(['Kyiv/place/2', 'Volodymyr Zelensky/person/2']);
  });

  it('reads names outside ASCII, first in a sentence too, and leaves demonyms out', async () => {
    expect(
      await names([
        'Zürich was quiet.',
        'Émile Zola wrote from Zürich.',
        'In Zürich the talks went on.',
      ]),
    ).toEqual(['Zürich/place/3', 'Émile Zola/person/1']);
    expect(await names(['Russian troops advanced near Pokrovsk.', 'Russians say so.'])).toEqual([
      'Pokrovsk/place/1',
    ]);
  });

  it('takes a weekday or a month for a date, not a name, beside a name of its own', async () => {
    expect(
      await names([
        'He spoke at the Friday news conference in Kyiv.',
        'On Monday, January talks began.',
        'The Monday Club met in London.',
      ]),
    ).toEqual(['Kyiv/place/1', 'London/place/1', 'Monday Club/organization/1']);
  });

  it('finds nothing in text without capitalised words', async () => {
    expect(await findEntities(['all lower case here.', 'no names at all'])).toEqual([]);
  });
});
