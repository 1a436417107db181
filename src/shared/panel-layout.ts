/** The details panel's remembered layout. */
export interface PanelLayout {
  open: boolean;
  /** Width in CSS pixels, kept between PANEL_MIN_WIDTH and PANEL_MAX_WIDTH. */
  width: number;
}
export const PANEL_MIN_WIDTH = 260;
export const PANEL_MAX_WIDTH = 640;
