/** Writes realistic articles of any size for tests and benchmarks (deterministic: same seed, same text). */
const WORDS = (
  'the of and to in a is that for on said with as was by it at from his be have an are has not ' +
  'government minister region forces talks week city president people officials Kyiv Moscow ' +
  'ceasefire agreement border military economy report Tuesday Sunday statement council meeting ' +
  'Élysée Dnipró café naïve résumé coöperation attack village capital industrial offensive'
).split(' ');

export function seededRandom(seed = 42) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function paragraph(random: () => number, words = 60): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(random() * WORDS.length)]!);
  out[0] = out[0]!.charAt(0).toUpperCase() + out[0]!.slice(1);
  return `${out.join(' ')}.`;
}

/** An article in the saved format, about `bytes` long. */
export function generateArticle(bytes: number, seed = 7, title = 'A Generated Article'): string {
  const random = seededRandom(seed);
  const parts = [
    `# ${title}`,
    'By [Agence Test](#)',
    'June 08, 2025',
    'A caption for the lead photo of the article. **Photo: Test Agency**',
  ];
  let size = parts.join('\n\n').length;
  let n = 0;
  while (size < bytes) {
    const text =
      n % 9 === 8 ? `## Section ${n}` : paragraph(random, 40 + Math.floor(random() * 60));
    const withLink = n % 5 === 2 ? text.replace(/ (\w+) /, ' [$1](#) ') : text;
    parts.push(withLink);
    size += withLink.length + 2;
    n++;
  }
  parts.push('Original url:', '<https://www.example.com/generated>');
  return `${parts.join('\n\n')}\n`;
}
