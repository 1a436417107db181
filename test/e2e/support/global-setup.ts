import { useRunTempFolder } from '../../support/run-temp-folder';
import { electronBinary } from './electron-binary';

/**
 * Says once, plainly, why the Electron project's specs are skipped on this machine, and gives the
 * run one temp folder (hosts' user data, test folders, Chromium's profiles), removed at the end.
 */
export default function globalSetup() {
  const electron = electronBinary();
  if ('missing' in electron) {
    console.log(`\n[electron] every spec is skipped on Electron here: ${electron.missing}.`);
    console.log(
      '[electron] the same specs run against the browser host, which mounts the same services.\n',
    );
  }
  return useRunTempFolder('lectern-e2e-run-');
}
