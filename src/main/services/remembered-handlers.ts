/** The contract's calls that change what Lectern remembers, all kept by one RememberedStore. */
import type { Handlers } from '../../shared/ipc';
import type { RememberedStore } from './remembered-store';

type RememberedChannel =
  | 'settings.set'
  | 'uiState.get'
  | 'uiState.set'
  | 'position.set'
  | 'highlights.set'
  | 'ui.setPanel';

export function rememberedHandlers(store: RememberedStore): Pick<Handlers, RememberedChannel> {
  return {
    'settings.set': (patch) => store.setSettings(patch),
    'uiState.get': (namespace) => store.uiState(namespace),
    'uiState.set': (namespace, value) => store.setUiState(namespace, value),
    'position.set': (key, position) => store.setPosition(key, position),
    'highlights.set': (key, value) => store.setHighlights(key, value),
    'ui.setPanel': (layout) => store.setPanel(layout),
  };
}
