import { createHash } from 'node:crypto';
import type { JourneyStep } from '@kiosk/protocol';
import { screenPrompt } from './screen-prompts';
import type { SpeechAvailability, SpeechSynthesizer } from './speech-synthesizer';

/** The cache key of a prompt: the SHA-256 of its text, so a changed wording is spoken anew. */
export function promptKey(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export interface SpokenPrompt {
  readonly key: string;
  readonly wav: Buffer;
}

export class SpeechUnavailableError extends Error {
  readonly code = 'SPEECH_UNAVAILABLE';
}

/**
 * The screens' prompts as sound (issue 21): each step's fixed text is synthesized once, on first
 * request, and kept by the hash of its text. A failed synthesis is not kept, so the next request
 * tries again. Whether the engine is there is asked once, lazily.
 *
 * @example
 * const prompts = new SpokenPrompts(new EspeakSynthesizer());
 * if ((await prompts.availability()).available) play((await prompts.forStep('idle')).wav);
 */
export class SpokenPrompts {
  private readonly cache = new Map<string, Promise<Buffer>>();
  private probed: Promise<SpeechAvailability> | undefined;

  constructor(private readonly synthesizer: SpeechSynthesizer) {}

  availability(): Promise<SpeechAvailability> {
    this.probed ??= this.synthesizer.probe();
    return this.probed;
  }

  async forStep(step: JourneyStep): Promise<SpokenPrompt> {
    const availability = await this.availability();
    if (!availability.available) throw new SpeechUnavailableError(availability.reason);
    const text = screenPrompt(step);
    const key = promptKey(text);
    let wav = this.cache.get(key);
    if (!wav) {
      wav = this.synthesizer.synthesize(text);
      this.cache.set(key, wav);
      wav.catch(() => this.cache.delete(key));
    }
    return { key, wav: await wav };
  }
}
