import { useRunTempFolder } from './run-temp-folder';

/** Vitest's global setup: the run's temp folder, removed at teardown. */
export default function setup() {
  return useRunTempFolder('lectern-unit-run-');
}
