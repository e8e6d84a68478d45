import { createContext, useContext, useState, type ReactNode } from 'react';

const Slot = createContext<HTMLElement | null>(null);

/**
 * The on-screen keyboard's own row at the bottom of the page (issue 21). The page is a column:
 * the scrolling screen with its action bar, then this row; so an open keyboard shrinks the
 * screen instead of covering its fields or its "Tiếp tục".
 */
export function KeyboardSlotProvider({
  children,
}: {
  children: (slotRef: (element: HTMLElement | null) => void) => ReactNode;
}) {
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  return <Slot.Provider value={slot}>{children(setSlot)}</Slot.Provider>;
}

/** Where the keyboard renders; null outside the kiosk's page (then it renders in place). */
export function useKeyboardSlot(): HTMLElement | null {
  return useContext(Slot);
}
