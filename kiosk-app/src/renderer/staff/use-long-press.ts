import { useCallback, useEffect, useRef } from 'react';

/** How long the header title must be held to open the staff sign-in (see the README). */
export const STAFF_LONG_PRESS_MS = 3000;

/**
 * A press held still for `ms`: any release, cancel or leaving the element before then cancels
 * it, so a citizen tapping or brushing the header never opens the staff sign-in.
 */
export function useLongPress(onLongPress: () => void, ms = STAFF_LONG_PRESS_MS) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const cancel = useCallback(() => {
    if (timer.current !== undefined) clearTimeout(timer.current);
    timer.current = undefined;
  }, []);
  useEffect(() => cancel, [cancel]);
  return {
    onPointerDown: () => {
      cancel();
      timer.current = setTimeout(() => {
        timer.current = undefined;
        onLongPress();
      }, ms);
    },
    onPointerUp: cancel,
    onPointerLeave: cancel,
    onPointerCancel: cancel,
    onContextMenu: (event: { preventDefault(): void }) => event.preventDefault(),
  };
}
