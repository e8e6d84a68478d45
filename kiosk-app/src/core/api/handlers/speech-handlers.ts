import type { SpeechStatusView } from '@kiosk/protocol';
import { fail } from '../api-failure';
import type { ApiContext } from '../api-context';
import type { HandlerArea } from './api-handler';

const NO_SPEECH = 'spoken prompts are not set up in this core';

async function status(ctx: ApiContext): Promise<SpeechStatusView> {
  if (!ctx.speech) return { available: false, reason: NO_SPEECH };
  const availability = await ctx.speech.availability();
  return availability.available
    ? { available: true }
    : { available: false, reason: availability.reason };
}

/** Spoken prompts: whether the kiosk can speak, and one screen's fixed prompt as WAV. */
export const speechHandlers: HandlerArea<'speech.status' | 'speech.prompt'> = {
  'speech.status': { run: async (_message, { ctx }) => status(ctx) },
  'speech.prompt': {
    run: async ({ step }, { ctx }) => {
      const speech = ctx.speech ?? fail('NOT_AVAILABLE', NO_SPEECH);
      const availability = await speech.availability();
      if (!availability.available) return fail('NOT_AVAILABLE', availability.reason);
      const prompt = await speech.forStep(step);
      return { step, key: prompt.key, wavBase64: prompt.wav.toString('base64') };
    },
  },
};
