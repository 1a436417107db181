/** The details panel's remembered layout: one schema for the contract and the store. */
import * as v from 'valibot';

export const PANEL_MIN_WIDTH = 260;
export const PANEL_MAX_WIDTH = 640;

export const PanelLayoutSchema = v.strictObject({
  open: v.boolean(),
  /** Width in CSS pixels. */
  width: v.pipe(v.number(), v.integer(), v.minValue(PANEL_MIN_WIDTH), v.maxValue(PANEL_MAX_WIDTH)),
});
export type PanelLayout = v.InferOutput<typeof PanelLayoutSchema>;

export const DEFAULT_PANEL: PanelLayout = { open: false, width: 320 };
