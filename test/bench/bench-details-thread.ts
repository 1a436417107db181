/**
 * Part of `npm run bench:details`: what the first Details panel costs the thread that answers the
 * window. Inline, loading the entity tagger (compromise) blocks that thread for its whole load; on
 * the details thread (entity-thread.ts, the built worker) only the thread's start shows. The
 * longest gap between 5 ms timer ticks is the stall; three rounds, alternating, in one run.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const WORKER = resolve('out/main/entity-worker.js');

if (process.argv[2] === 'probe') {
  const { entityFinder } = await import('../../src/main/services/entity-thread');
  let last = performance.now();
  let worst = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 5);
  const finder = entityFinder(process.argv[3] === 'thread' ? WORKER : undefined);
  const started = performance.now();
  const names = await finder.find(['Vladimir Putin met Emmanuel Macron in Paris on Monday.']);
  const took = performance.now() - started;
  await new Promise((done) => setTimeout(done, 50));
  clearInterval(tick);
  console.log(JSON.stringify({ took, worst, names: names.length }));
  process.exit(0);
}

// Each round in a fresh process, so compromise is loaded cold each time, as at a launch.
const run = (mode: string) =>
  JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, 'probe', mode], {
      encoding: 'utf8',
    }).trim(),
  ) as { took: number; worst: number; names: number };
console.log('first Details names | inline: answer / stall | on the details thread: answer / stall');
for (let round = 1; round <= 3; round++) {
  const inline = run('inline');
  const thread = run('thread');
  console.log(
    `round ${round} | ${inline.took.toFixed(0)} / ${inline.worst.toFixed(0)} ms | ${thread.took.toFixed(0)} / ${thread.worst.toFixed(0)} ms`,
  );
}
