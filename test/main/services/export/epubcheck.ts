/**
 * The W3C EPUB validator, where it is installed. Debian's package puts a jar at /usr/bin/epubcheck
 * that runs directly only where jar files are registered with the kernel, so it is run with java.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, openSync, readSync, closeSync } from 'node:fs';

export type Epubcheck =
  | {
      available: true;
      reason?: undefined;
      run: (file: string) => { status: number | null; output: string };
    }
  | { available: false; reason: string; run: () => never };

const CANDIDATES = [process.env.EPUBCHECK, '/usr/bin/epubcheck', '/usr/share/java/epubcheck.jar'];

export function epubcheck(): Epubcheck {
  const path = CANDIDATES.find((candidate) => candidate && existsSync(candidate));
  const missing = (reason: string): Epubcheck => ({
    available: false,
    reason,
    run: () => {
      throw new Error(reason);
    },
  });
  if (!path) return missing('epubcheck is not installed (apt-get install epubcheck)');
  const jar = isZip(path);
  if (jar && spawnSync('java', ['-version']).status !== 0) {
    return missing(`${path} is a jar and no java runtime was found`);
  }
  return {
    available: true,
    run: (file) => {
      const [command, args] = jar ? ['java', ['-jar', path, file]] : [path, [file]];
      const result = spawnSync(command, args, { encoding: 'utf8', timeout: 110_000 });
      return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
    },
  };
}

function isZip(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(2);
    readSync(fd, head, 0, 2, 0);
    return head.toString('latin1') === 'PK';
  } finally {
    closeSync(fd);
  }
}
