import { describe, expect, it } from 'vitest';
import { EspeakSynthesizer } from './espeak-synthesizer';

describe('espeak-ng probe', () => {
  it('says why speech is unavailable when the program is not installed', async () => {
    const probe = await new EspeakSynthesizer('espeak-ng-not-installed-here').probe();
    expect(probe).toEqual({
      available: false,
      reason: 'espeak-ng-not-installed-here is not installed (Debian: apt-get install espeak-ng)',
    });
  });
});
