// `npm test`: static checks, unit tests, a build, then end-to-end tests in Chromium; one summary line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { installMissing } from './debian-packages.mjs';
import { findChromium, HOW_TO_GET_CHROMIUM } from './find-chromium.mjs';

const results = 'test-results';
mkdirSync(results, { recursive: true });
const failures = [];

function step(name, command, args, env = {}) {
  console.log(`\n── ${name} ──`);
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (run.status !== 0) failures.push(name);
  return run.status === 0;
}

const chromium = findChromium();
if (!chromium) {
  console.error(HOW_TO_GET_CHROMIUM);
  process.exit(1);
}
// Reading back the printed PDF and validating the EPUB export; without them those checks skip.
const absent = installMissing([
  ['pdftotext', 'poppler-utils'],
  ['epubcheck', 'epubcheck'],
]);
if (absent.length) {
  console.log(
    `lectern: ${absent.join(' and ')} not installed: the checks that need them will skip.`,
  );
}

step('lint', 'npx', ['eslint', '.']);
step('format', 'npx', ['prettier', '--check', '.']);
step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
// The build comes first: the static security scan reads the built out/ as well as src/.
const built = step('build', 'npx', ['electron-vite', 'build']);
step('unit tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${results}/unit.json`,
]);
if (built) {
  step('end-to-end tests', 'npx', ['playwright', 'test'], {
    CHROME_PATH: chromium,
    PLAYWRIGHT_JSON_OUTPUT_NAME: `${results}/e2e.json`,
  });
}

const count = { passed: 0, failed: 0, skipped: 0 };
if (existsSync(`${results}/unit.json`)) {
  const unit = JSON.parse(readFileSync(`${results}/unit.json`, 'utf8'));
  count.passed += unit.numPassedTests;
  count.failed += unit.numFailedTests;
  count.skipped += unit.numPendingTests + unit.numTodoTests;
}
if (built && existsSync(`${results}/e2e.json`)) {
  const e2e = JSON.parse(readFileSync(`${results}/e2e.json`, 'utf8')).stats;
  count.passed += e2e.expected + e2e.flaky;
  count.failed += e2e.unexpected;
  count.skipped += e2e.skipped;
}
console.log(`\n${failures.length ? `Failed steps: ${failures.join(', ')}` : 'All steps passed.'}`);
console.log(`${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped`);
process.exit(failures.length ? 1 : 0);
