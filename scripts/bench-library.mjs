// `npm run bench:library [-- --sizes 1000,10000,50000]`: builds the app and the benchmark, then runs it.
import { spawnSync } from 'node:child_process';
import { build } from 'vite';
import { ensureBuilt } from './ensure-built.mjs';

ensureBuilt();
await build({
  configFile: false,
  logLevel: 'warn',
  build: {
    ssr: 'scripts/library-bench.ts',
    outDir: 'out/bench',
    emptyOutDir: true,
    rollupOptions: { output: { entryFileNames: 'library-bench.mjs' } },
  },
});
const run = spawnSync(process.execPath, ['out/bench/library-bench.mjs', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
