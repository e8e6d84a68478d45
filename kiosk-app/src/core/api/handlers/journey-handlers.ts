import { fieldVersion, type MessageType } from '@kiosk/protocol';
import type { JourneyEvent } from '../../flow/journey-events';
import { answerCameraFrame } from '../../camera/camera-api';
import { fail } from '../api-failure';
import type { ApiContext, DemoControls } from '../api-context';
import type { ApiScope, HandlerArea } from './api-handler';

type JourneyMessage =
  | Extract<MessageType, `journey.${string}` | `camera.${string}` | `demo.${string}`>
  | 'catalogue.list';

/**
 * A citizen's step: any journey message but `journey.activity` also counts as activity (the
 * idle timer), sent before the step itself.
 */
function step(ctx: ApiContext, event: JourneyEvent): undefined {
  ctx.journey.send({ type: 'ACTIVITY' });
  ctx.journey.send(event);
  return undefined;
}

/** Journey events that carry nothing but their type. */
type PlainEvent = Extract<
  JourneyEvent,
  {
    type:
      | 'CANCEL'
      | 'CONTINUE'
      | 'BACK'
      | 'CONFIRM'
      | 'RETRY'
      | 'USE_OTHER_METHOD'
      | 'FINISH'
      | 'OPEN_STATUS_LOOKUP'
      | 'SKIP_RATING'
      | 'OPEN_PROCEDURE_CATALOGUE'
      | 'START_SUBMISSION'
      | 'OPEN_TAKE_NUMBER'
      | 'PAY_LATER';
  }
>;

/** A message that maps one-to-one onto a journey event. */
function event(type: PlainEvent['type']) {
  return { run: async (_message: unknown, { ctx }: ApiScope) => step(ctx, { type }) };
}

function demo(ctx: ApiContext): DemoControls {
  return ctx.demo ?? fail('NOT_IN_DEMO', 'demo controls exist only in demo mode');
}

/** The citizen's journey, its catalogue, the camera that feeds it, and the demo's devices. */
export const journeyHandlers: HandlerArea<JourneyMessage> = {
  'journey.activity': {
    run: async (_message, { ctx }) => {
      ctx.journey.send({ type: 'ACTIVITY' });
      return undefined;
    },
  },
  'journey.cancel': event('CANCEL'),
  'journey.continue': event('CONTINUE'),
  'journey.back': event('BACK'),
  'journey.confirm': event('CONFIRM'),
  'journey.retry': event('RETRY'),
  'journey.useOtherMethod': event('USE_OTHER_METHOD'),
  'journey.finish': event('FINISH'),
  'journey.openStatusLookup': event('OPEN_STATUS_LOOKUP'),
  'journey.payLater': event('PAY_LATER'),
  'journey.rate': {
    run: async ({ level, reasons, comment }, { ctx }) =>
      step(ctx, { type: 'RATE', level, reasons, comment }),
  },
  'journey.skipRating': event('SKIP_RATING'),
  'journey.openProcedureCatalogue': event('OPEN_PROCEDURE_CATALOGUE'),
  'journey.startSubmission': event('START_SUBMISSION'),
  'journey.openProcedureInfo': {
    run: async ({ code }, { ctx }) => step(ctx, { type: 'OPEN_PROCEDURE_INFO', code: code.trim() }),
  },
  'journey.openTakeNumber': event('OPEN_TAKE_NUMBER'),
  'journey.takeNumber': {
    run: async ({ group }, { ctx }) => step(ctx, { type: 'TAKE_NUMBER', group }),
  },
  'journey.selectProcedure': {
    run: async ({ code }, { ctx }) => step(ctx, { type: 'SELECT_PROCEDURE', code }),
  },
  'journey.updateField': {
    run: async ({ fieldId, value, version }, { ctx }) => {
      ctx.journey.send({ type: 'ACTIVITY' });
      // The chart refuses a stale edit too; this check only tells the client it was refused.
      const form = ctx.journey.view().form;
      if (form && fieldVersion(form, fieldId) !== version)
        fail('CONFLICT', `${fieldId} changed since this edit began; it was not applied`);
      ctx.journey.send({ type: 'UPDATE_FIELD', fieldId, value, version });
      return undefined;
    },
  },
  'journey.setOptionalPaper': {
    run: async ({ index, has }, { ctx }) => step(ctx, { type: 'SET_OPTIONAL_PAPER', index, has }),
  },
  'journey.lookupStatus': {
    run: async ({ code }, { ctx }) =>
      step(ctx, { type: 'LOOKUP_STATUS', code: code.trim().toUpperCase() }),
  },
  'journey.mrzCaptured': {
    run: async ({ text }, { ctx }) => step(ctx, { type: 'MRZ_READ', text }),
  },
  'camera.frame': { run: async ({ jpeg }, { ctx }) => answerCameraFrame(ctx.camera, jpeg) },
  'camera.config': {
    run: async (_message, { ctx }) => ({
      deviceLabel: ctx.settings?.current().camera?.deviceLabel,
    }),
  },
  'catalogue.list': { run: async (_message, { ctx }) => ctx.procedures.summaries() },
  'demo.placeCard': {
    run: async ({ citizenIndex }, { ctx }) => {
      demo(ctx).placeCard(citizenIndex);
      return undefined;
    },
  },
  'demo.scanQr': {
    run: async ({ citizenIndex }, { ctx }) => {
      demo(ctx).scanQr(citizenIndex);
      return undefined;
    },
  },
  'demo.scanText': {
    run: async ({ text }, { ctx }) => {
      demo(ctx).scanText(text);
      return undefined;
    },
  },
  'demo.removeCard': {
    run: async (_message, { ctx }) => {
      demo(ctx).removeCard();
      return undefined;
    },
  },
  'demo.setPrinterPaper': {
    run: async ({ paper }, { ctx }) => {
      demo(ctx).setPrinterPaper(paper);
      return undefined;
    },
  },
};
