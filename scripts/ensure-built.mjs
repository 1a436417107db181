// Builds with electron-vite when out/ is missing or older than any source file.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/**
 * Runs a build step with its output kept back: electron-vite's notices (the asset list, the
 * [PLUGIN_TIMINGS] hint a slow machine gets) are not for someone starting Lectern. They are shown
 * only when the step fails, where they say why. Returns the exit status.
 */
export function runQuietly(command, args) {
  const run = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status === 0) return 0;
  process.stderr.write(`${run.stdout ?? ''}${run.stderr ?? ''}`);
  if (run.error) process.stderr.write(`lectern: could not run ${command}: ${run.error.message}\n`);
  return run.status ?? 1;
}

export function ensureBuilt() {
  const marker = 'out/main/browser-host.js';
  const sources = Math.max(newest('src'), statSync('electron.vite.config.ts').mtimeMs);
  if (existsSync(marker) && statSync(marker).mtimeMs >= sources) return;
  // One line, so a first start that takes a while does not look stuck.
  console.log('Building Lectern…');
  const status = runQuietly('npx', ['electron-vite', 'build', '--logLevel', 'warn']);
  if (status !== 0) {
    console.error(`lectern: the build failed (exit status ${status}); its output is above.`);
    process.exit(status);
  }
}
