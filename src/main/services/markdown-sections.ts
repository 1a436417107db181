/**
 * Cuts Markdown text into sections that parse, one by one, to exactly the blocks the whole text
 * parses to: a long file is then parsed in linear time and bounded memory, and its head can be read
 * before the rest. A cut is made only where CommonMark cannot carry a block across it: at a blank
 * line followed by a line that starts at the margin, is not a list marker (a list may go on after
 * a blank line) and is not inside a fenced code block. Link reference definitions apply to the
 * whole text, so a text that has any is never cut.
 */

const REFERENCE_DEFINITION = /^ {0,3}\[(?:[^\]\n\\]|\\.)+\]:/m;
const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const BLANK = /^[ \t]*$/;

/**
 * Sections of at least `size` characters or `lines` lines (the last may be shorter), in order.
 */
export function* markdownSections(text: string, size: number, lines = Infinity): Generator<string> {
  if (text.length <= size || hasReferenceDefinition(text)) {
    yield text;
    return;
  }
  let start = 0;
  let startLine = 0;
  for (const { at, line } of cutPlaces(text)) {
    if (at - start < size && line - startLine < lines) continue;
    yield text.slice(start, at);
    start = at;
    startLine = line;
  }
  yield text.slice(start);
}

/**
 * The first `size` characters or `lines` lines or so, cut where the whole text would be. Where the
 * first such cut is more than `most` characters in (a block of megabytes), the head stops before
 * that block instead, if it can: then the title is answered at once, and the block follows.
 */
export function headSection(text: string, size: number, lines = Infinity, most = Infinity): string {
  if (text.length <= size || hasReferenceDefinition(text)) return text;
  let before = 0;
  for (const { at, line } of cutPlaces(text)) {
    const long = at >= size || line >= lines;
    if (long && at > most && before > 0) return text.slice(0, before);
    if (long) return text.slice(0, at);
    before = at;
  }
  return text.length > most && before > 0 ? text.slice(0, before) : text;
}

/** Each place a cut may be made (see the top), with the number of the line starting there. */
function* cutPlaces(text: string): Generator<{ at: number; line: number }> {
  let fence: string | null = null;
  let previousBlank = false;
  let line = 0;
  for (let at = 0; at < text.length; line++) {
    const end = text.indexOf('\n', at);
    const lineEnd = end === -1 ? text.length : end;
    const start = text.slice(at, Math.min(lineEnd, at + 80));
    if (fence) {
      // A closing fence: the same character, at least as many, nothing after but spaces.
      const close = FENCE.exec(start);
      if (close && close[1]!.startsWith(fence) && BLANK.test(start.slice(close[0].length))) {
        fence = null;
      }
    } else {
      if (previousBlank && at > 0 && startsTopLevelBlock(start)) yield { at, line };
      fence = fenceOpenedBy(start);
    }
    previousBlank = !fence && BLANK.test(start) && lineEnd - at === start.length;
    at = lineEnd + 1;
  }
}

/** The quick look first: the pattern is a scan of every line, and nearly no article has one. */
const hasReferenceDefinition = (text: string) =>
  text.includes(']:') && REFERENCE_DEFINITION.test(text);

function fenceOpenedBy(line: string): string | null {
  const open = FENCE.exec(line);
  if (!open) return null;
  // A backtick fence's info string has no backtick: "```a`b```" is inline code, not a fence.
  return open[1]!.startsWith('`') && line.includes('`', open[0].length) ? null : open[1]!;
}

function startsTopLevelBlock(line: string): boolean {
  const first = line.charCodeAt(0);
  // Not blank, not indented (an indented line may continue a list item or code block).
  if (Number.isNaN(first) || first === 32 || first === 9) return false;
  return !LIST_MARKER.test(line);
}
