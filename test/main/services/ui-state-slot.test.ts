import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/services/dispatch';
import { createServices } from '../../../src/main/services/lectern-handlers';
import type { LecternApi } from '../../../src/shared/ipc';
import { UiStateSlot } from '../../../src/renderer/src/shell/ui-state';

/** The real services behind the real dispatcher, as the window reaches them. */
function apiOver(userDataDir: string): LecternApi {
  const { handlers } = createServices({
    info: { host: 'browser', version: '0', nativeMenu: false },
    startupPath: '/nonexistent',
    startupIsSample: true,
    userDataDir,
    openExternal: async () => undefined,
  });
  return {
    call: (channel, ...args) => dispatch(handlers, channel, args) as never,
  } as Pick<LecternApi, 'call'> as LecternApi;
}

describe('UiStateSlot', () => {
  it('keeps a namespaced value across restarts and ignores values of another shape', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-ui-'));
    const history = new UiStateSlot(apiOver(dir), 'find.history', v.array(v.string()), () => []);
    expect(await history.read()).toEqual([]);
    expect((await history.write(['kyiv', 'moscow'])).ok).toBe(true);

    const again = new UiStateSlot(apiOver(dir), 'find.history', v.array(v.string()), () => []);
    expect(await again.read()).toEqual(['kyiv', 'moscow']);
    const wrongShape = new UiStateSlot(apiOver(dir), 'find.history', v.number(), () => 0);
    expect(await wrongShape.read()).toBe(0);
  });

  it('refuses a namespace that is not lower-case words', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-ui-'));
    const bad = new UiStateSlot(apiOver(dir), '../Settings', v.string(), () => '');
    const result = await bad.write('x');
    expect(result.ok).toBe(false);
  });
});
