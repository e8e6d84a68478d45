import { useEffect } from 'react';

/** The attribute that marks a screen's or a dialog's "back" button for the keypad. */
export const KEYPAD_BACK = 'data-keypad-back';

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/**
 * A hardware keypad's back keys (issue 21): Escape, and Backspace outside a text field (where it
 * deletes), press the back button of what is on top: the open dialog's, else the screen's. The
 * buttons are the ones a finger taps, so back does exactly what the screen says it does.
 */
export function useKeypadBack(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const back =
        event.key === 'Escape' || (event.key === 'Backspace' && !isEditable(event.target));
      if (!back || event.defaultPrevented) return;
      const buttons = document.querySelectorAll<HTMLButtonElement>(`button[${KEYPAD_BACK}]`);
      // A dialog is rendered after its screen's content, so the last one is on top.
      const button = buttons[buttons.length - 1];
      if (!button || button.disabled) return;
      event.preventDefault();
      button.click();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
