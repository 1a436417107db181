/**
 * Long work done in idle time, a slice at a time: as many slices as each idle period holds,
 * stopping as soon as a key or a click waits (where the browser can tell; elsewhere one slice a
 * period). One slice a period leaves most of the period unused: the next comes only with the next
 * period, up to 50 ms later.
 */

type WithScheduling = Navigator & { scheduling?: { isInputPending?: () => boolean } };

/** Whether input waits to be handled; where the browser cannot tell, assume it does. */
const inputPending = (): boolean =>
  (navigator as WithScheduling).scheduling?.isInputPending?.() ?? true;

/**
 * Calls `slice(sliceMs)` in idle periods until it returns true (all done) or `cancelled()` does.
 * Each call is to do about `sliceMs` of work.
 */
export function inIdleSlices(
  slice: (sliceMs: number) => boolean,
  sliceMs: number,
  cancelled = () => false,
) {
  const period = (deadline: IdleDeadline) => {
    do {
      if (cancelled() || slice(sliceMs)) return;
    } while (deadline.timeRemaining() > sliceMs && !inputPending());
    requestIdleCallback(period);
  };
  requestIdleCallback(period);
}
