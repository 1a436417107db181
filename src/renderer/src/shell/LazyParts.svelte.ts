/**
 * Parts of the window its first frame does not need, each in its own chunk: loaded once that
 * frame is painted, or before it when they take room beside the article at start (an open
 * library, an open details panel), so the article is not laid out twice.
 */
import type DetailsPanel from '../details/DetailsPanel.svelte';
import type HighlightsLayer from '../highlights/HighlightsLayer.svelte';
import type LibraryPanel from '../library/LibraryPanel.svelte';
import type ExternalLinkDialog from '../links/ExternalLinkDialog.svelte';
import { loadMarkJs } from '../find/mark-loader';

export class LazyParts {
  libraryPanel = $state.raw<typeof LibraryPanel | null>(null);
  detailsPanel = $state.raw<typeof DetailsPanel | null>(null);
  highlightsLayer = $state.raw<typeof HighlightsLayer | null>(null);
  linkDialog = $state.raw<typeof ExternalLinkDialog | null>(null);

  loadLibraryPanel = async () => {
    this.libraryPanel ??= (await import('../library/LibraryPanel.svelte')).default;
  };

  loadDetailsPanel = async () => {
    this.detailsPanel ??= (await import('../details/DetailsPanel.svelte')).default;
  };

  /** Everything not loaded yet. */
  loadRest = async () => {
    await Promise.all([
      this.loadLibraryPanel(),
      this.loadDetailsPanel(),
      import('../highlights/HighlightsLayer.svelte').then(
        (m) => (this.highlightsLayer = m.default),
      ),
      import('../links/ExternalLinkDialog.svelte').then((m) => (this.linkDialog = m.default)),
      loadMarkJs(),
    ]);
  };
}
