/** Whether the kiosk can speak, and if not, why (plain English for the technician). */
export type SpeechAvailability =
  | { readonly available: true; readonly engine: string }
  | { readonly available: false; readonly reason: string };

/**
 * A text-to-speech engine: the port the spoken prompts use. The real one is espeak-ng
 * (`espeak-synthesizer.ts`); unit tests give an in-memory twin.
 */
export interface SpeechSynthesizer {
  /** Checks once whether the engine and its Vietnamese voice are installed. */
  probe(): Promise<SpeechAvailability>;
  /** The text spoken in Vietnamese, as a WAV file. */
  synthesize(text: string): Promise<Buffer>;
}
