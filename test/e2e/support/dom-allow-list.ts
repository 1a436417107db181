/** What the article view may contain: anything else in the DOM came from a file and is a failure. */
export const ALLOWED_TAGS = [
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'P',
  'SPAN',
  'EM',
  'STRONG',
  'CODE',
  'PRE',
  'A',
  'BR',
  'BLOCKQUOTE',
  'UL',
  'OL',
  'LI',
  'FIGURE',
  'FIGCAPTION',
  'BUTTON',
  'TIME',
  'DIV',
  'HR',
  'MARK',
  'SECTION',
  'NAV',
];
export const ALLOWED_ATTRIBUTES = [
  'class',
  'dir',
  'id',
  'data-block',
  'title',
  'href',
  'rel',
  'datetime',
  'hidden',
  'start',
  'type',
  'role',
  'tabindex',
  'data-find-skip',
  'data-markjs',
  'data-app-text',
  'lang',
];

/** Runs in the page: lists every element or attribute under `root` that is not allowed. */
export function findDisallowed(
  root: Element,
  allowed: { tags: string[]; attributes: string[] },
): string[] {
  const problems: string[] = [];
  for (const element of [root, ...root.querySelectorAll('*')]) {
    if (!allowed.tags.includes(element.tagName))
      problems.push(`<${element.tagName.toLowerCase()}>`);
    for (const attribute of element.attributes) {
      const name = attribute.name;
      if (!allowed.attributes.includes(name) && !name.startsWith('aria-')) {
        problems.push(`${element.tagName.toLowerCase()}[${name}]`);
      }
      if (name === 'href' && !/^(https?:|mailto:)/i.test(attribute.value)) {
        problems.push(`${element.tagName.toLowerCase()}[href=${attribute.value}]`);
      }
    }
  }
  return problems;
}
