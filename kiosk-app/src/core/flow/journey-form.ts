import { prepareFormInput, validateFormInput } from './journey-inputs';
import { journeySetup } from './journey-setup';

/**
 * A registry answer that comes after the journey went on with the card's data still stops it
 * when the card is not in force or the record is closed, wherever the citizen is by then.
 */
const LATE_ANSWER_STOPS = [
  {
    guard: 'lateCardNotInForce',
    target: '#kiosk.journey.identifyFailed',
    actions: ['takeRegistryAnswer', 'failRevokedCard'],
  },
  {
    guard: 'lateRecordClosed',
    target: '#kiosk.journey.identifyFailed',
    actions: ['takeRegistryAnswer', 'failClosedRecord'],
  },
] as const;

/**
 * The citizen picks a procedure; the registry is asked for it (purpose limitation: its code is
 * the request's MaDVC) unless a prefetch already answered, then its form is prepared from the
 * merged facts. A closed record or a card not in force stops the journey here; a registry late
 * past its budget or unavailable leaves the citizen to go on with the card's data.
 */
export const choosingProcedure = journeySetup.createStateConfig({
  tags: ['interactive'],
  initial: 'deciding',
  on: {
    'xstate.done.actor.lookupRegistry': [
      ...LATE_ANSWER_STOPS,
      { guard: 'registryLate', actions: ['takeRegistryAnswer', 'mergeCitizen'] },
    ],
    'xstate.error.actor.lookupRegistry': {
      guard: 'registryLate',
      actions: 'takeRegistryAnswer',
    },
  },
  states: {
    /** A procedure chosen on its page before the card goes straight to its form. */
    deciding: {
      always: [
        {
          guard: 'hasPreselectedProcedure',
          target: 'chosen',
          actions: 'choosePreselectedProcedure',
        },
        { target: 'browsing' },
      ],
    },
    browsing: {
      on: {
        SELECT_PROCEDURE: { target: 'chosen', actions: 'chooseProcedure' },
      },
    },
    chosen: {
      always: [
        {
          guard: 'registryDueForProcedure',
          target: 'lookingUp',
          actions: 'askRegistryForProcedure',
        },
        { target: 'preparing' },
      ],
    },
    /** "Đang tra cứu": bounded by the same budget as a prefetch. */
    lookingUp: {
      tags: ['busy'],
      after: { registryBudget: { target: 'preparing', actions: 'markRegistryLate' } },
      on: {
        'xstate.done.actor.lookupRegistry': { target: 'answered', actions: 'takeRegistryAnswer' },
        'xstate.error.actor.lookupRegistry': { target: 'answered', actions: 'takeRegistryAnswer' },
      },
    },
    answered: {
      always: [
        {
          guard: 'registryRecordClosed',
          target: '#kiosk.journey.identifyFailed',
          actions: 'failClosedRecord',
        },
        {
          guard: 'registryCardNotInForce',
          target: '#kiosk.journey.identifyFailed',
          actions: 'failRevokedCard',
        },
        { target: 'preparing', actions: 'mergeCitizen' },
      ],
    },
    preparing: {
      on: {
        // A late answer before the form is ready: the form is prepared again with it.
        'xstate.done.actor.lookupRegistry': [
          ...LATE_ANSWER_STOPS,
          {
            guard: 'lateRecordFound',
            target: 'preparing',
            reenter: true,
            actions: ['takeRegistryAnswer', 'mergeCitizen'],
          },
          { guard: 'registryLate', actions: 'takeRegistryAnswer' },
        ],
      },
      invoke: {
        id: 'prepareForm',
        src: 'prepareForm',
        input: prepareFormInput,
        onDone: {
          target: '#kiosk.journey.reviewingForm',
          actions: { type: 'takePreparedForm', params: ({ event }) => event.output },
        },
        onError: { target: 'browsing', actions: 'recordUnknownProcedure' },
      },
    },
  },
});

/** The citizen checks and completes the form; a late registry answer refills it. */
export const reviewingForm = journeySetup.createStateConfig({
  tags: ['interactive'],
  initial: 'editing',
  on: {
    BACK: { target: 'choosingProcedure', actions: 'dropForm' },
    UPDATE_FIELD: { guard: 'fieldEditable', actions: 'applyFieldEdit' },
    SET_OPTIONAL_PAPER: { guard: 'optionalPaperOfProcedure', actions: 'recordOptionalPaper' },
  },
  states: {
    editing: {
      on: {
        CONTINUE: 'validating',
        'xstate.done.actor.lookupRegistry': [
          ...LATE_ANSWER_STOPS,
          {
            guard: 'lateRecordFound',
            target: 'refilling',
            actions: ['takeRegistryAnswer', 'mergeCitizen'],
          },
          { guard: 'registryLate', actions: 'takeRegistryAnswer' },
        ],
        'xstate.error.actor.lookupRegistry': {
          guard: 'registryLate',
          actions: 'takeRegistryAnswer',
        },
      },
    },
    /** The registry answered after its budget: the form again, with what it knows. */
    refilling: {
      invoke: {
        id: 'refillForm',
        src: 'prepareForm',
        input: prepareFormInput,
        onDone: {
          target: 'editing',
          actions: {
            type: 'refillForm',
            params: ({ event }) => ({ fresh: event.output.form }),
          },
        },
        onError: 'editing',
      },
    },
    validating: {
      invoke: {
        id: 'validateForm',
        src: 'validateForm',
        input: validateFormInput,
        onDone: [
          {
            guard: {
              type: 'formValid',
              params: ({ event }) => ({ valid: event.output.valid }),
            },
            target: '#kiosk.journey.confirming',
            actions: { type: 'takeForm', params: ({ event }) => event.output },
          },
          {
            target: 'editing',
            actions: { type: 'takeForm', params: ({ event }) => event.output },
          },
        ],
        onError: 'editing',
      },
    },
  },
});
