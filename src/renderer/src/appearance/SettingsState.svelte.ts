/** Reading-comfort settings: given at start-up, applied to the root at once, saved on every change. */
import type { LecternApi } from '../../../shared/ipc';
import {
  DEFAULT_SETTINGS,
  MAX_TEXT_STEP,
  MIN_TEXT_STEP,
  type Settings,
  type SettingsPatch,
} from '../../../shared/settings';

const BASE_SIZE_REM = 1.2;
const STEP_FACTOR = 1.1;

export const textScalePercent = (step: number) => Math.round(100 * STEP_FACTOR ** step);

/** Puts the settings on <html>: data attributes for the choices, a CSS variable for the size. */
export function applySettings(settings: Settings, root = document.documentElement) {
  root.dataset.theme = settings.theme;
  root.dataset.font = settings.font;
  root.dataset.width = settings.width;
  root.dataset.spacing = settings.spacing;
  // CSSOM is allowed by `style-src 'self'`; only inline style attributes in markup are not.
  root.style.setProperty(
    '--reading-size',
    `${(BASE_SIZE_REM * STEP_FACTOR ** settings.textStep).toFixed(3)}rem`,
  );
}

export class SettingsState {
  settings = $state<Settings>({ ...DEFAULT_SETTINGS });
  /** A message when the settings could not be saved; they still apply for this session. */
  saveError = $state<string | null>(null);
  readonly #api: LecternApi;
  #changedBeforeLoad = false;

  constructor(api: LecternApi) {
    this.#api = api;
    applySettings(this.settings);
  }

  /** The stored settings, from the start-up answer; a change made before it arrived wins. */
  take(stored: Settings) {
    if (!this.#changedBeforeLoad) this.settings = stored;
    applySettings(this.settings);
  }

  /**
   * Wraps a change that lays the article out again (text size, font, width, spacing): the reading
   * position keeps the same words at the top across it (RememberedState connects the two).
   */
  keepingPlace: (change: () => void) => void = (change) => change();

  set = async (patch: SettingsPatch) => {
    this.#changedBeforeLoad = true;
    this.settings = { ...this.settings, ...patch };
    this.keepingPlace(() => applySettings(this.settings));
    const result = await this.#api.call('settings.set', patch);
    this.saveError = result.ok ? null : result.error.message;
  };

  /** Said to screen readers when the size changes by a key or the menu, away from its controls. */
  sizeAnnouncement = $state('');

  changeTextSize = (direction: 1 | -1 | 0) => {
    const step = direction === 0 ? 0 : this.settings.textStep + direction;
    if (step < MIN_TEXT_STEP || step > MAX_TEXT_STEP) return;
    void this.set({ textStep: step });
  };

  /** The same, from a shortcut or the menu: the Appearance popover's readout may not be shown. */
  changeTextSizeAloud = (direction: 1 | -1 | 0) => {
    this.changeTextSize(direction);
    this.sizeAnnouncement = `Text size ${textScalePercent(this.settings.textStep)}%`;
  };
}
