import { z } from 'zod';
import { JOURNEY_STEPS, type JourneyStep } from './journey-view';

/** Every citizen screen has a spoken prompt, asked by step (the text itself stays in the core). */
export const SPOKEN_PROMPT_STEPS = JOURNEY_STEPS;

export const spokenPromptStep = z.enum(SPOKEN_PROMPT_STEPS);

/** Whether the kiosk can speak its prompts; `reason` (plain English) when it cannot. */
export interface SpeechStatusView {
  readonly available: boolean;
  readonly reason?: string;
}

/** One screen's spoken prompt: a WAV file in base64, and the hash of the text it says. */
export interface SpokenPromptView {
  readonly step: JourneyStep;
  readonly key: string;
  readonly wavBase64: string;
}
