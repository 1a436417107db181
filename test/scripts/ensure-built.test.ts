import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs runQuietly in a child Node, so what it writes to the terminal can be read. */
function quietly(script: string) {
  const driver = `
    const { runQuietly } = await import('./scripts/ensure-built.mjs');
    process.exitCode = runQuietly(process.execPath, ['-e', ${JSON.stringify(script)}]);
  `;
  return spawnSync(process.execPath, ['--input-type=module', '-e', driver], { encoding: 'utf8' });
}

const NOTICE = 'for (let i = 0; i < 9; i++) console.log("[PLUGIN_TIMINGS] Warning line " + i);';

describe('the build npm start runs first', () => {
  it('prints nothing of a build that succeeds, however much it says', () => {
    const run = quietly(NOTICE);
    expect(run.status).toBe(0);
    expect(run.stdout + run.stderr).toBe('');
  });

  it('shows everything a failing build said, and fails with its status', () => {
    const run = quietly(`${NOTICE} console.error("error: broken import"); process.exit(3);`);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('[PLUGIN_TIMINGS] Warning line 8');
    expect(run.stderr).toContain('error: broken import');
  });
});
