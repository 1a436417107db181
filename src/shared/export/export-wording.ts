/** Words the window and the exports share, so a printed page says what the screen says. */

/** A few words and a colon before the name: "Photo:", "Foto:", "الصورة:". */
const OWN_LABEL = /^[^:：/]{1,24}(\s?:\s|：)/u;

/** Credits often say "Photo: …" themselves; the label is added only when they do not. */
export function creditLabel(credit: string): string {
  // A credit with a label of its own, in any language ("الصورة: رويترز", "Crédit photo :"), keeps it.
  const labelled =
    /^(photo(graph)?s?|images?|pictures?|foto)\b/i.test(credit) || OWN_LABEL.test(credit);
  return labelled ? credit : `Photo: ${credit}`;
}

/** The text a removed embed leaves in the window and in exports. */
export const REMOVED_EMBED_TEXT =
  'An embedded post or video was here. It was not saved with the article.';

/** How a lost link is explained under an export that has one. */
export const LOST_LINK_LEGEND =
  'Text with a dotted underline was a link; the saved file did not keep its address.';
