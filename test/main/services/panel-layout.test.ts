import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PANEL, PanelLayoutStore } from '../../../src/main/services/panel-layout';

describe('PanelLayoutStore', () => {
  it('starts closed at the default width, then remembers what was set across restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-panel-'));
    expect(await new PanelLayoutStore(dir).get()).toEqual(DEFAULT_PANEL);
    await new PanelLayoutStore(dir).set({ open: true, width: 400 });
    expect(await new PanelLayoutStore(dir).get()).toEqual({ open: true, width: 400 });
    expect(JSON.parse(readFileSync(join(dir, 'panel.json'), 'utf8'))).toEqual({
      version: 1,
      open: true,
      width: 400,
    });
  });

  it('sets a corrupt file aside and uses the defaults', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-panel-'));
    writeFileSync(join(dir, 'panel.json'), '{"version":1,"open":"yes","width":9999}');
    expect(await new PanelLayoutStore(dir).get()).toEqual(DEFAULT_PANEL);
    expect(readdirSync(dir).some((name) => name.startsWith('panel.json.corrupt-'))).toBe(true);
  });
});
