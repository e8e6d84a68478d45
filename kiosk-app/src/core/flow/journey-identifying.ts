import { and } from 'xstate';
import { readDocumentInput } from './journey-inputs';
import { journeySetup } from './journey-setup';

/**
 * Reading the document (chip, QR or MRZ). The registry is asked here, in parallel, only where the
 * configuration allows a prefetch (`registryPrefetch`); otherwise it is asked once the citizen has
 * chosen a procedure (choosingProcedure), for that procedure: an ID read at the kiosk by someone
 * who walks away before choosing reaches no registry.
 */
export const identifying = journeySetup.createStateConfig({
  type: 'parallel',
  tags: ['busy'],
  onDone: [
    { guard: 'registryRecordClosed', target: 'identifyFailed', actions: 'failClosedRecord' },
    { guard: 'registryCardNotInForce', target: 'identifyFailed', actions: 'failRevokedCard' },
    { guard: 'identityComplete', target: 'choosingProcedure', actions: 'mergeCitizen' },
    { target: 'identifyFailed', actions: 'failIncompleteIdentity' },
  ],
  on: {
    'document.failed': { target: 'identifyFailed', actions: 'takeDocumentFailure' },
    CARD_REMOVED: { target: 'identifyFailed', actions: 'recordCardRemoved' },
  },
  states: {
    document: {
      initial: 'checkingKeys',
      states: {
        checkingKeys: {
          always: [{ guard: 'hasKeys', target: 'reading' }, { target: 'awaitingKey' }],
        },
        awaitingKey: {
          tags: ['interactive'],
          after: {
            keyWait: { target: '#kiosk.journey.identifyFailed', actions: 'recordNoKey' },
          },
          on: {
            QR_IDENTITY: { target: 'reading', actions: 'takePresentedKey' },
            MRZ_READ: { target: 'reading', actions: 'takePresentedKey' },
          },
        },
        reading: {
          invoke: {
            id: 'readDocument',
            src: 'readDocument',
            input: readDocumentInput,
          },
          on: {
            'document.idKnown': { actions: 'takeIdHints' },
            'document.progress': { actions: 'takeProgress' },
            'document.read': { target: 'read', actions: 'takeDocument' },
          },
        },
        read: { type: 'final' },
      },
    },
    registry: {
      initial: 'waitingForId',
      states: {
        waitingForId: {
          always: [
            {
              guard: and(['lookupReady', 'registryPrefetch']),
              target: 'lookingUp',
              actions: 'prefetchRegistry',
            },
            // Asked once a procedure is chosen, for that procedure.
            { guard: 'lookupReady', target: 'done' },
            { guard: 'nothingToAskWith', target: 'done', actions: 'skipRegistry' },
          ],
        },
        lookingUp: {
          after: { registryBudget: { target: 'done', actions: 'markRegistryLate' } },
          on: {
            'xstate.done.actor.lookupRegistry': {
              target: 'done',
              actions: 'takeRegistryAnswer',
            },
            'xstate.error.actor.lookupRegistry': {
              target: 'done',
              actions: 'takeRegistryAnswer',
            },
          },
        },
        done: { type: 'final' },
      },
    },
  },
});

/** The document could not be read: retry, another way in, or a new QR/MRZ. */
export const identifyFailed = journeySetup.createStateConfig({
  tags: ['interactive'],
  on: {
    RETRY: [
      { guard: 'hasTrigger', target: 'identifying', actions: 'clearForRetry' },
      { target: 'idle' },
    ],
    USE_OTHER_METHOD: 'idle',
    QR_IDENTITY: { target: 'identifying', actions: 'startIdentification' },
    MRZ_READ: { target: 'identifying', actions: 'startIdentification' },
  },
});
