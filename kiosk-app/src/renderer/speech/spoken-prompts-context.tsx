import { createContext, useCallback, useContext, useEffect, useRef, type ReactNode } from 'react';
import type { JourneyStep } from '@kiosk/protocol';
import { useClient } from '../api/client-context';
import { useJourneyChoice } from '../display/journey-choice';

interface SpokenPromptsState {
  readonly on: boolean;
  setOn(on: boolean): void;
}

const SpokenPromptsContext = createContext<SpokenPromptsState>({ on: false, setOn: () => {} });

/** Whether prompts are spoken in this journey, and the switch (the idle screen's button). */
export function useSpokenPrompts(): SpokenPromptsState {
  return useContext(SpokenPromptsContext);
}

function wavUrl(base64: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'audio/wav' }));
}

/**
 * Spoken prompts for one journey (issue 21): once switched on, each screen's fixed prompt is
 * asked from the core by step and played; a new screen stops the previous prompt. The journey's
 * return to idle switches them off, so the next citizen starts without them.
 */
export function SpokenPromptsProvider({
  step,
  children,
}: {
  step: JourneyStep;
  children: ReactNode;
}) {
  const client = useClient();
  const [choice, setChoice] = useJourneyChoice('spokenPrompts', step);
  const on = choice.has('on');
  const setOn = useCallback((next: boolean) => setChoice(new Set(next ? ['on'] : [])), [setChoice]);
  const playing = useRef<HTMLAudioElement | null>(null);

  useEffect(() => {
    if (!on) return;
    let cancelled = false;
    let url: string | undefined;
    client
      .request({ type: 'speech.prompt', step })
      .then(async (prompt) => {
        if (cancelled) return;
        url = wavUrl(prompt.wavBase64);
        const audio = new Audio(url);
        playing.current = audio;
        await audio.play();
        // For the technician's eye and the tests: which screen's prompt is being spoken.
        document.documentElement.dataset.spokenPrompt = step;
      })
      .catch(() => {
        // Speech is an extra: a prompt that cannot be had or played leaves the screen as it is.
      });
    return () => {
      cancelled = true;
      playing.current?.pause();
      playing.current = null;
      delete document.documentElement.dataset.spokenPrompt;
      if (url) URL.revokeObjectURL(url);
    };
  }, [on, step, client]);

  return (
    <SpokenPromptsContext.Provider value={{ on, setOn }}>{children}</SpokenPromptsContext.Provider>
  );
}
