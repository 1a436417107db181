/** Remembered state in hostile shapes: nested deep, wide, huge when indented, in many namespaces. */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { readJsonFile } from '../../../src/main/services/json-store';
import { dispatch } from '../../../src/main/services/dispatch';
import { createServices } from '../../../src/main/services/lectern-handlers';
import { settleWrites } from '../../../src/main/services/pending-writes';
import { DEFAULT_SETTINGS, JSON_LIMITS, MAX_UI_NAMESPACES } from '../../../src/shared/settings';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-hostile-state-'));
  made.push(dir);
  return dir;
}

/** A fresh start of the services over `userDataDir`, called as the window calls them. */
function start(userDataDir: string) {
  const { handlers } = createServices({
    info: { host: 'browser', version: 'test', nativeMenu: false },
    startupPath: '/nonexistent',
    startupIsSample: true,
    userDataDir,
    openExternal: async () => undefined,
  });
  return (channel: string, ...args: unknown[]) => dispatch(handlers, channel, args);
}

/** `[[[…[0]…]]]`, `depth` arrays deep, built without recursion. */
function nested(depth: number, inner: unknown = 0): unknown {
  let value = inner;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

const settingsFile = (dir: string) => join(dir, 'settings.json');

describe('deeply nested state', () => {
  it('refuses a value nested 2 499 levels deep, and the next start still reads its settings', async () => {
    const dir = tempDir();
    const call = start(dir);
    expect(await call('uiState.set', 'find.history', nested(2499))).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    await settleWrites();
    expect(await start(dir)('app.start')).toMatchObject({
      ok: true,
      value: { settings: DEFAULT_SETTINGS },
    });
  });

  it('sets aside a hand-written 10 KB settings file nested 5 000 levels, and says so', async () => {
    const dir = tempDir();
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    writeFileSync(
      settingsFile(dir),
      `{"version":1,"data":{"settings":${JSON.stringify(DEFAULT_SETTINGS)},"ui":{"x":${deep}},"lastArticle":null}}`,
    );
    const call = start(dir);
    expect(await call('app.start')).toMatchObject({
      ok: true,
      value: { settings: DEFAULT_SETTINGS, notices: [expect.stringContaining('settings.json')] },
    });
    expect(readdirSync(dir).some((name) => name.startsWith('settings.json.corrupt-'))).toBe(true);
  });

  it(`accepts ${JSON_LIMITS.depth} levels and refuses one more`, async () => {
    const call = start(tempDir());
    // Levels of arrays and objects: the namespace's value itself is the first.
    expect(await call('uiState.set', 'a', nested(JSON_LIMITS.depth))).toMatchObject({ ok: true });
    expect(await call('uiState.set', 'a', nested(JSON_LIMITS.depth + 1))).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });
});

describe('state that grows when written', () => {
  it('measures the bytes written, indented, not the compact request', async () => {
    const dir = tempDir();
    const call = start(dir);
    // 18 KB as sent; each 0 lands on a line of its own, indented 64 spaces, once written.
    const wide = nested(28, new Array(9_000).fill(0));
    const sent = JSON.stringify(wide).length;
    expect(sent).toBeLessThan(JSON_LIMITS.bytes);
    expect(await call('uiState.set', 'wide', wide)).toMatchObject({
      ok: false,
      error: { code: 'too-large' },
    });
    await settleWrites();
    const written = statSync(settingsFile(dir), { throwIfNoEntry: false })?.size ?? 0;
    expect(written).toBeLessThan(JSON_LIMITS.bytes);
    expect(await call('uiState.get', 'wide')).toEqual({ ok: true, value: null });
  });

  it('refuses a value with more keys than the limit', async () => {
    const call = start(tempDir());
    const keys = Object.fromEntries(
      Array.from({ length: JSON_LIMITS.keys + 1 }, (_, i) => [`k${i}`, 1]),
    );
    expect(await call('uiState.set', 'keys', keys)).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });

  it(`keeps at most ${MAX_UI_NAMESPACES} namespaces`, async () => {
    const dir = tempDir();
    const call = start(dir);
    for (let i = 0; i < MAX_UI_NAMESPACES; i++) {
      expect(await call('uiState.set', `part-${i}`, i)).toMatchObject({ ok: true });
    }
    expect(await call('uiState.set', 'one-more', 1)).toMatchObject({
      ok: false,
      error: { code: 'too-large' },
    });
    // An existing namespace can still change.
    expect(await call('uiState.set', 'part-0', 'changed')).toMatchObject({ ok: true });
  });

  it('sets aside a settings file with more namespaces than that', async () => {
    const dir = tempDir();
    const ui = Object.fromEntries(
      Array.from({ length: MAX_UI_NAMESPACES + 1 }, (_, i) => [`part-${i}`, i]),
    );
    writeFileSync(
      settingsFile(dir),
      JSON.stringify({
        version: 1,
        data: { settings: DEFAULT_SETTINGS, ui, lastArticle: null },
      }),
    );
    const call = start(dir);
    expect(await call('uiState.get', 'part-0')).toEqual({ ok: true, value: null });
    expect(readdirSync(dir).some((name) => name.startsWith('settings.json.corrupt-'))).toBe(true);
  });
});

describe('a store file deeper than its schema can walk', () => {
  it('is set aside as damaged instead of failing every start', async () => {
    const dir = tempDir();
    const file = join(dir, 'state.json');
    writeFileSync(file, `${'['.repeat(20_000)}${']'.repeat(20_000)}`);
    // A schema that recurses as deep as the data: the stack gives out before the data does.
    type Tree = Tree[];
    const Tree: v.GenericSchema<Tree> = v.array(v.lazy(() => Tree));
    const read = await readJsonFile(file, Tree, () => []);
    expect(read.value).toEqual([]);
    expect(read.setAside).toMatch(/state\.json\.corrupt-/);
  });
});
