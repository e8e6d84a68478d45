/**
 * Issue 21: the spoken prompts through the real espeak-ng (Debian package `espeak-ng`, installed
 * by .ci/install-system-packages.sh) and its Vietnamese voice: a valid WAV with sound in it.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EspeakSynthesizer } from '../../src/core/speech/espeak-synthesizer';
import { SCREEN_PROMPTS } from '../../src/core/speech/screen-prompts';
import { SpokenPrompts } from '../../src/core/speech/spoken-prompts';
import { readWav } from '../../src/core/speech/wav-sizes';

describe('espeak-ng speaks the prompts in Vietnamese', () => {
  it('has the Vietnamese voice', async () => {
    expect(await new EspeakSynthesizer().probe()).toEqual({
      available: true,
      engine: 'espeak-ng -v vi',
    });
  });

  it("makes a valid WAV of the idle screen's prompt, with samples that are not silence", async () => {
    const prompts = new SpokenPrompts(new EspeakSynthesizer());
    const { wav } = await prompts.forStep('idle');
    expect(wav.toString('latin1', 0, 4)).toBe('RIFF');
    expect(wav.toString('latin1', 8, 12)).toBe('WAVE');
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
    const info = readWav(wav);
    expect(info).toMatchObject({ channels: 1, bitsPerSample: 16 });
    expect(info.dataOffset + info.dataBytes).toBe(wav.length);
    const samples = info.dataBytes / 2;
    // A sentence of speech lasts more than a second.
    expect(samples / info.sampleRate).toBeGreaterThan(1);
    let loud = 0;
    for (let i = 0; i < samples; i++) {
      if (Math.abs(wav.readInt16LE(info.dataOffset + i * 2)) > 1000) loud++;
    }
    expect(loud).toBeGreaterThan(samples / 20);
  });

  it('passes the text as one argument: shell syntax in it is spoken, not run', async () => {
    const text = `${SCREEN_PROMPTS.done} $(touch /tmp/kiosk-espeak-injected) ; "'`;
    const wav = await new EspeakSynthesizer().synthesize(text);
    expect(readWav(wav).dataBytes).toBeGreaterThan(0);
    expect(existsSync('/tmp/kiosk-espeak-injected')).toBe(false);
  });
});
