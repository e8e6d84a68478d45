import { useRef, useState } from 'react';
import { searchUnits } from '@kiosk/forms/browser';
import { OnScreenKeyboard } from '../components/OnScreenKeyboard';

interface Unit {
  readonly code: string;
  readonly name: string;
}

/** How many matches are shown at once: a touch list, not a scrolling catalogue. */
const SHOWN = 8;

interface Props<T extends Unit> {
  testId: string;
  units: readonly T[];
  /** The unit chosen now, shown while nothing is typed. */
  chosen: string | undefined;
  placeholder: string;
  disabled?: boolean;
  onPick: (unit: T) => void;
}

/**
 * Picks one unit of an official list by typing part of its name, without accents or the type word
 * ("ba dinh" → "Phường Ba Đình"), on the touch keyboard; the matches are buttons.
 */
export function UnitSearch<T extends Unit>({
  testId,
  units,
  chosen,
  placeholder,
  disabled,
  onPick,
}: Props<T>) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const matches = open ? searchUnits(units, query).slice(0, SHOWN) : [];
  const input = useRef<HTMLInputElement>(null);
  // A match picked with a keypad was focused; the focus goes back to the search field (now
  // showing the pick) without opening the list again, so Tab goes on to the next field.
  const refocusing = useRef(false);
  const pick = (unit: T) => {
    onPick(unit);
    setQuery('');
    setOpen(false);
    if (document.activeElement !== input.current) {
      refocusing.current = true;
      input.current?.focus();
      refocusing.current = false;
    }
  };
  return (
    <div className="unit-search">
      <input
        data-testid={testId}
        aria-label={placeholder}
        placeholder={chosen ?? placeholder}
        value={open ? query : (chosen ?? '')}
        disabled={disabled}
        ref={input}
        onFocus={() => {
          if (!refocusing.current) setOpen(true);
        }}
        onChange={(e) => setQuery(e.target.value)}
      />
      {open && (
        <ul className="unit-matches" aria-label={placeholder}>
          {matches.map((unit) => (
            <li key={unit.code}>
              <button
                type="button"
                aria-pressed={unit.name === chosen}
                data-testid={`${testId}-option-${unit.code}`}
                // Keep the focus in the search field until the pick is made.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(unit)}
              >
                {unit.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      {open && (
        <OnScreenKeyboard
          value={query}
          onChange={setQuery}
          onClose={() => {
            setOpen(false);
            setQuery('');
          }}
        />
      )}
    </div>
  );
}
