// `npm run browser -- [file|folder] [--port N] [--user-data DIR]`: build once if needed, then serve.
import { spawnSync } from 'node:child_process';
import { ensureBuilt } from './ensure-built.mjs';

ensureBuilt();
const run = spawnSync(process.execPath, ['out/main/browser-host.js', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, LECTERN_START_COMMAND: 'npm run browser --' },
});
process.exit(run.status ?? 0);
