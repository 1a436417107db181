// Runs electronegativity through its API (its CLI never fails on findings) and prints JSON results.
const { resolve } = require('node:path');
const electronegativityModule = require('@doyensec/electronegativity');

const run = electronegativityModule.default ?? electronegativityModule;

(async () => {
  const input = resolve(process.argv[2]);
  const silent = console.log;
  console.log = () => undefined; // it narrates progress on stdout
  const result = await run({
    input,
    electronVersionOverride: require('electron/package.json').version,
    isRelative: true,
    // This check downloads Electron's release list; the version is pinned in package.json instead.
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  });
  console.log = silent;
  const issues = result.issues.map((i) => ({
    id: i.id,
    severity: i.severity.name,
    confidence: i.confidence.name,
    file: i.file,
    line: i.location.line,
    manualReview: i.manualReview,
  }));
  const errors = result.errors.map((e) => ({ file: e.file, message: e.message }));
  process.stdout.write(JSON.stringify({ issues, errors }));
})();
