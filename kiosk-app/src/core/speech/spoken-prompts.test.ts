import { describe, expect, it } from 'vitest';
import { SPOKEN_PROMPT_STEPS } from '@kiosk/protocol';
import { SCREEN_PROMPTS } from './screen-prompts';
import type { SpeechAvailability, SpeechSynthesizer } from './speech-synthesizer';
import { promptKey, SpeechUnavailableError, SpokenPrompts } from './spoken-prompts';

/** An in-memory engine: "speaks" a text as its UTF-8 bytes and counts what it was asked. */
class RecordingSynthesizer implements SpeechSynthesizer {
  readonly spoken: string[] = [];
  probes = 0;
  failNext = false;
  constructor(private readonly availability: SpeechAvailability) {}
  async probe(): Promise<SpeechAvailability> {
    this.probes++;
    return this.availability;
  }
  async synthesize(text: string): Promise<Buffer> {
    this.spoken.push(text);
    if (this.failNext) {
      this.failNext = false;
      throw new Error('engine crashed');
    }
    return Buffer.from(text, 'utf8');
  }
}

const ready: SpeechAvailability = { available: true, engine: 'twin' };

describe('spoken prompts', () => {
  it("speaks each screen's own fixed prompt, keyed by the hash of its text", async () => {
    const engine = new RecordingSynthesizer(ready);
    const prompts = new SpokenPrompts(engine);
    const idle = await prompts.forStep('idle');
    const form = await prompts.forStep('reviewingForm');
    expect(idle.wav.toString('utf8')).toBe(SCREEN_PROMPTS.idle);
    expect(form.wav.toString('utf8')).toBe(SCREEN_PROMPTS.reviewingForm);
    expect(idle.key).toBe(promptKey(SCREEN_PROMPTS.idle));
    expect(idle.key).toMatch(/^[0-9a-f]{64}$/);
    expect(idle.key).not.toBe(form.key);
  });

  it('synthesizes a text once, however often and however concurrently it is asked', async () => {
    const engine = new RecordingSynthesizer(ready);
    const prompts = new SpokenPrompts(engine);
    await Promise.all([prompts.forStep('idle'), prompts.forStep('idle')]);
    await prompts.forStep('idle');
    await prompts.forStep('confirming');
    expect(engine.spoken).toEqual([SCREEN_PROMPTS.idle, SCREEN_PROMPTS.confirming]);
    expect(engine.probes).toBe(1);
  });

  it('does not keep a failed synthesis: the next request tries again', async () => {
    const engine = new RecordingSynthesizer(ready);
    const prompts = new SpokenPrompts(engine);
    engine.failNext = true;
    await expect(prompts.forStep('done')).rejects.toThrow('engine crashed');
    expect((await prompts.forStep('done')).wav.toString('utf8')).toBe(SCREEN_PROMPTS.done);
    expect(engine.spoken).toEqual([SCREEN_PROMPTS.done, SCREEN_PROMPTS.done]);
  });

  it('refuses with the reason, and runs nothing, when the engine is missing', async () => {
    const engine = new RecordingSynthesizer({ available: false, reason: 'espeak-ng missing' });
    const prompts = new SpokenPrompts(engine);
    expect(await prompts.availability()).toEqual({
      available: false,
      reason: 'espeak-ng missing',
    });
    await expect(prompts.forStep('idle')).rejects.toBeInstanceOf(SpeechUnavailableError);
    expect(engine.spoken).toEqual([]);
  });

  it('has a prompt for every screen, each a plain instruction with no digits or placeholders', () => {
    expect(Object.keys(SCREEN_PROMPTS).sort()).toEqual([...SPOKEN_PROMPT_STEPS].sort());
    for (const text of Object.values(SCREEN_PROMPTS)) {
      expect(text.length).toBeGreaterThan(10);
      // No number, no template slot: nothing of the citizen can be spoken.
      expect(text).not.toMatch(/[0-9{}$<>]/);
    }
  });
});
