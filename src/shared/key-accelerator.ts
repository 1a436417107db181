/** Matching a key press against an accelerator from the keymap ("CmdOrCtrl+Shift+O", "Alt+C"). */

/** The parts of a KeyboardEvent a match reads (structural, so this stays free of the DOM). */
export interface KeyPress {
  readonly key: string;
  readonly code: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
}

export interface Accelerator {
  readonly key: string;
  readonly cmdOrCtrl: boolean;
  readonly alt: boolean;
  readonly shift: boolean;
}

const NAMED_KEYS: Record<string, string> = { Plus: '+', Space: ' ' };

export function parseAccelerator(accelerator: string): Accelerator {
  // "CmdOrCtrl+-" and "CmdOrCtrl+=": the key is the part after the last "+".
  const at = accelerator.lastIndexOf('+', accelerator.length - 2);
  const modifiers = at < 0 ? [] : accelerator.slice(0, at).split('+');
  const key = accelerator.slice(at + 1);
  return {
    key,
    cmdOrCtrl: modifiers.includes('CmdOrCtrl'),
    alt: modifiers.includes('Alt'),
    shift: modifiers.includes('Shift'),
  };
}

const isLetter = (key: string) => /^[A-Za-z]$/.test(key);

function keyMatches(press: KeyPress, wanted: Accelerator): boolean {
  // By physical key with Alt, which changes the character on some layouts (macOS: Alt+C is ç).
  if (wanted.alt && isLetter(wanted.key)) return press.code === `Key${wanted.key.toUpperCase()}`;
  if (isLetter(wanted.key)) return press.key.toLowerCase() === wanted.key.toLowerCase();
  return press.key === (NAMED_KEYS[wanted.key] ?? wanted.key);
}

/** Whether the press is one of the keys; with `anyShift`, Shift held or not. */
export function matchesKeys(press: KeyPress, keys: readonly string[], anyShift = false): boolean {
  return keys.some((accelerator) => {
    const wanted = parseAccelerator(accelerator);
    if (press.ctrlKey || press.metaKey ? !wanted.cmdOrCtrl : wanted.cmdOrCtrl) return false;
    if (press.altKey !== wanted.alt) return false;
    if (!anyShift && press.shiftKey !== wanted.shift) return false;
    return keyMatches(press, wanted);
  });
}
