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
  let fence: string | null = null;
  let previousBlank = false;
  let count = 0;
  for (let at = 0; at < text.length; count++) {
    const end = text.indexOf('\n', at);
    const lineEnd = end === -1 ? text.length : end;
    const line = text.slice(at, Math.min(lineEnd, at + 80));
    if (fence) {
      // A closing fence: the same character, at least as many, nothing after but spaces.
      const close = FENCE.exec(line);
      if (close && close[1]!.startsWith(fence) && BLANK.test(line.slice(close[0].length))) {
        fence = null;
      }
    } else {
      const long = at - start >= size || count >= lines;
      if (previousBlank && long && startsTopLevelBlock(line)) {
        yield text.slice(start, at);
        start = at;
        count = 0;
      }
      fence = fenceOpenedBy(line);
    }
    previousBlank = !fence && BLANK.test(line) && lineEnd - at === line.length;
    at = lineEnd + 1;
  }
  yield text.slice(start);
}

/** The first `size` characters or `lines` lines or so, cut where the whole text would be. */
export function headSection(text: string, size: number, lines = Infinity): string {
  return markdownSections(text, size, lines).next().value ?? text;
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
