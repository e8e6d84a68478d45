import type { ReactNode } from 'react';

function focusedTextField(): HTMLInputElement | HTMLTextAreaElement | undefined {
  const el = document.activeElement;
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el : undefined;
}

/**
 * A screen's actions ("Quay lại", "Tiếp tục"), kept in view at the bottom of the screen, just
 * above the on-screen keyboard. A tap here must not close the keyboard before the tap ends: that
 * moves the bar down and the tap's click lands on whatever is now under the finger (issue 21).
 * So the bar keeps the focus where it is on press, and on click first ends the field's editing
 * (its blur saves the typed answer) before the button's own action runs.
 */
export function ActionBar({ children }: { children: ReactNode }) {
  return (
    <div
      className="actions action-bar"
      onMouseDown={(e) => {
        if (focusedTextField()) e.preventDefault();
      }}
      onClickCapture={() => focusedTextField()?.blur()}
    >
      {children}
    </div>
  );
}
