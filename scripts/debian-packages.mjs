// Installs the Debian packages whose commands the tests use, where it can (root with apt-get), so a
// fresh machine runs every check rather than skipping those that need them.
import { execFileSync, spawnSync } from 'node:child_process';

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

/** `tools`: [command, Debian package] pairs. Returns the packages still missing. */
export function installMissing(tools) {
  const missing = tools.filter(([command]) => !has(command)).map(([, pkg]) => pkg);
  const canInstall = process.getuid?.() === 0 && has('apt-get');
  if (missing.length === 0 || !canInstall) return missing;
  console.log(`lectern: installing Debian's ${missing.join(', ')} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
  return tools.filter(([command]) => !has(command)).map(([, pkg]) => pkg);
}
