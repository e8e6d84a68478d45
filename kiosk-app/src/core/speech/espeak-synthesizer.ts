import { execFile } from 'node:child_process';
import type { SpeechAvailability, SpeechSynthesizer } from './speech-synthesizer';
import { withTrueSizes } from './wav-sizes';

/** Debian's espeak-ng (package `espeak-ng`), its Northern Vietnamese voice. */
export const ESPEAK_COMMAND = 'espeak-ng';
export const VIETNAMESE_VOICE = 'vi';
/** A prompt is a sentence or two; a few seconds of 22 kHz 16-bit mono is well under this. */
const MAX_WAV_BYTES = 8 * 1024 * 1024;
const TIMEOUT_MS = 20_000;

function run(command: string, args: readonly string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // An argument array, never a shell string: the text reaches espeak-ng as one argv entry.
    execFile(
      command,
      args,
      { encoding: 'buffer', maxBuffer: MAX_WAV_BYTES, timeout: TIMEOUT_MS, shell: false },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
  });
}

/** Speaks through the espeak-ng program, one process per text (the cache keeps the results). */
export class EspeakSynthesizer implements SpeechSynthesizer {
  constructor(private readonly command = ESPEAK_COMMAND) {}

  async probe(): Promise<SpeechAvailability> {
    let voices: string;
    try {
      voices = (await run(this.command, ['--voices=' + VIETNAMESE_VOICE])).toString('utf8');
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      return {
        available: false,
        reason: missing
          ? `${this.command} is not installed (Debian: apt-get install espeak-ng)`
          : `${this.command} does not run: ${(error as Error).message.split('\n')[0]}`,
      };
    }
    const hasVoice = voices
      .split('\n')
      .slice(1)
      .some((line) => line.trim().split(/\s+/)[1] === VIETNAMESE_VOICE);
    return hasVoice
      ? { available: true, engine: `${this.command} -v ${VIETNAMESE_VOICE}` }
      : {
          available: false,
          reason: `${this.command} has no Vietnamese voice "${VIETNAMESE_VOICE}" (package espeak-ng-data)`,
        };
  }

  async synthesize(text: string): Promise<Buffer> {
    const wav = await run(this.command, ['-v', VIETNAMESE_VOICE, '--stdout', text]);
    return withTrueSizes(wav);
  }
}
