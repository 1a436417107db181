import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * axe's serious and critical violations on the page, each as "id: help (nodes)". Legacy mode runs
 * axe in the page itself: the window has no frames, and the default mode opens a second page to
 * merge frame results, which doubled each check's time (1.8–2.5 s against 0.9–1.1 s here).
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  return results.violations
    .filter((v) => ['serious', 'critical'].includes(v.impact ?? ''))
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}
