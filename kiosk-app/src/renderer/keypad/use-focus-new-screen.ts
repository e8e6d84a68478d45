import { useEffect } from 'react';

/**
 * When the journey moves to another screen the focused button is gone and the focus falls back
 * to the page, so a keypad's next Tab would start from the header again. Put it on the new
 * screen's heading instead (a screen reader reads it; Tab goes on into the screen), unless
 * something on the new screen has already taken it.
 */
export function useFocusNewScreen(step: string | undefined): void {
  useEffect(() => {
    if (step === undefined) return;
    const active = document.activeElement;
    if (active !== null && active !== document.body) return;
    const heading = document.querySelector<HTMLElement>('.viewport h1');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus();
  }, [step]);
}
