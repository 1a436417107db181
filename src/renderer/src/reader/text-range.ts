/** A live Range over characters [start, end) of some text nodes read as one string, in order. */
export function rangeOverNodes(nodes: Iterable<Text>, start: number, end: number): Range | null {
  const range = document.createRange();
  let seen = 0;
  let started = false;
  for (const node of nodes) {
    const next = seen + node.data.length;
    if (!started && start <= next) {
      range.setStart(node, start - seen);
      started = true;
    }
    if (started && end <= next) {
      range.setEnd(node, end - seen);
      return range;
    }
    seen = next;
  }
  return null;
}
