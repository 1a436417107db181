/**
 * The reading font's faces, waited for (briefly) before an article is first put on screen: its text
 * is then laid out once, in its own font, and a restored position does not move when a face
 * arrives. index.html preloads Literata's Latin faces, so they are usually in before the answer.
 */
const STYLES = ['400', '700', 'italic 400'];

/** Resolves once the faces the sample text needs are loaded, or after `limitMs` whatever happens. */
export async function readingFontsReady(sample: string, limitMs = 300): Promise<void> {
  const family = getComputedStyle(document.documentElement).getPropertyValue('--font-reading');
  if (!family.trim()) return;
  const loads = STYLES.map((style) =>
    document.fonts.load(`${style} 16px ${family}`, sample).catch(() => []),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise((resolve) => (timer = setTimeout(resolve, limitMs)));
  await Promise.race([Promise.all(loads), limit]);
  clearTimeout(timer);
}
