import { pressed } from './keys';

/** A toolbar button that shows a non-modal panel: Escape closes it and returns focus; leaving closes it. */
export class Disclosure {
  expanded = $state(false);

  toggle = () => {
    this.expanded = !this.expanded;
  };

  close = () => {
    this.expanded = false;
  };

  /** Attachment for the element that holds the button and its panel. */
  attach = (root: HTMLElement) => {
    const onKeydown = (event: KeyboardEvent) => {
      if (!pressed(event, 'popover-close') || !this.expanded) return;
      // Consumed here: whatever holds the disclosure (the library's side sheet) stays open.
      event.preventDefault();
      this.expanded = false;
      root.querySelector('button')?.focus();
    };
    const onFocusOut = (event: FocusEvent) => {
      if (!root.contains(event.relatedTarget as Node | null)) this.expanded = false;
    };
    root.addEventListener('keydown', onKeydown);
    root.addEventListener('focusout', onFocusOut);
    return () => {
      root.removeEventListener('keydown', onKeydown);
      root.removeEventListener('focusout', onFocusOut);
    };
  };
}
