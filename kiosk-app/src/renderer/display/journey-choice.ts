import { useEffect, useState } from 'react';
import type { JourneyStep } from '@kiosk/protocol';

/** Where a journey's display and speech choices survive a reload of the renderer. */
const STORAGE_PREFIX = 'kiosk.journeyChoice.';

function stored(key: string): readonly string[] {
  try {
    const raw = window.sessionStorage.getItem(STORAGE_PREFIX + key);
    const parsed: unknown = raw === null ? [] : JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * A citizen's choices for one journey (display modes, spoken prompts): kept through the journey,
 * across a reload of the page too (the core resumes the journey, so its choices come back), and
 * dropped when the journey returns to idle, so the next citizen starts from the defaults.
 */
export function useJourneyChoice(
  key: string,
  step: JourneyStep,
): [ReadonlySet<string>, (next: ReadonlySet<string>) => void] {
  // At idle nothing is restored: a journey that ended while the page was away leaves nothing.
  const [chosen, setChosen] = useState<ReadonlySet<string>>(
    () => new Set(step === 'idle' ? [] : stored(key)),
  );
  const [lastStep, setLastStep] = useState(step);
  // Adjust state on prop change: a journey that has just ended takes its choices with it.
  if (step !== lastStep) {
    setLastStep(step);
    if (step === 'idle' && chosen.size > 0) setChosen(new Set());
  }
  useEffect(() => {
    try {
      window.sessionStorage.setItem(STORAGE_PREFIX + key, JSON.stringify([...chosen]));
    } catch {
      // Storage refused (private mode, quota): the choice still holds until a reload.
    }
  }, [key, chosen]);
  return [chosen, setChosen];
}
