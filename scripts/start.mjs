// `npm start [-- file|folder]`: Lectern in Electron; where Electron's binary is not available and
// cannot be downloaded, say so in one line and serve the browser host instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt } from './ensure-built.mjs';

const args = process.argv.slice(2);
ensureBuilt();

function electronBinary() {
  const dir = join('node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  const binary = existsSync(pathFile) && join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (binary && existsSync(binary)) return binary;
  // Electron downloads its binary on first launch; try once, quietly.
  const install = spawnSync(process.execPath, [join(dir, 'install.js')], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (install.status === 0 && existsSync(pathFile)) {
    const downloaded = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    if (existsSync(downloaded)) return downloaded;
  }
  const reason = `${install.stderr ?? ''}${install.stdout ?? ''}`.match(
    /fetch failed|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN/,
  )?.[0];
  return { missing: reason ?? 'download failed' };
}

const electron = electronBinary();
if (typeof electron === 'string') {
  const child = spawn(electron, ['.', ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    `Electron's binary is not available here (${electron.missing}); serving Lectern in your browser instead.`,
  );
  // The host prints the link that lets a browser in, and hands it to the desktop's browser if it can.
  const child = spawn(process.execPath, ['out/main/browser-host.js', ...args, '--open'], {
    stdio: 'inherit',
    // The page names this when it needs a folder at launch: the command the user actually ran.
    env: { ...process.env, LECTERN_START_COMMAND: 'npm start --' },
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}
