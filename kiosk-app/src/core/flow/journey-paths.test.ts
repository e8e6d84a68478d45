/**
 * Path tests over the chart with @xstate/graph: every state is reachable from the initial state,
 * every reachable state has a way back to idle, and cancel / inactivity exits work everywhere a
 * citizen can be. Invoked actors are represented by their done/error events, delays by their
 * `xstate.after` events, so the traversal is pure (no actors run, no time passes).
 */
import { describe, expect, it } from 'vitest';
import { adjacencyMapToArray, getAdjacencyMap, getStateNodes } from '@xstate/graph';
import type { AdjacencyMap } from '@xstate/graph';
import { transition } from 'xstate';
import type { AnyStateNode, SnapshotFrom } from 'xstate';
import { journeyMachine as chart } from './journey-machine';
import {
  TEST_PERSON,
  TEST_PROCEDURE,
  TEST_PROCEDURE_INFO,
  TEST_QUEUE_TICKET,
  TEST_FEE_RECEIPT,
  TEST_RECEIPT,
} from './journey-test-actors';
import type { FormView } from '@kiosk/protocol';

/**
 * The chart with payment configured, as the core provides it, so the payment step is walked;
 * once with the registry asked after the choice (the default) and once with `registry.prefetch`,
 * since each configuration has states the other never enters.
 */
const configured = (prefetch: boolean) =>
  chart.provide({
    guards: {
      feeDueAtKiosk: (_, { receipt }) => receipt.fee?.paid === false,
      registryPrefetch: () => prefetch,
    },
  });
const journeyMachine = configured(false);
const prefetchingMachine = configured(true);

type Machine = typeof journeyMachine;
type Snapshot = SnapshotFrom<Machine>;
// The graph library types events loosely; actor done/error and delay events are not part of
// the machine's declared event union, so we build them as plain objects.
type AnyEvent = { type: string; [key: string]: unknown };

const form = (missing: string[]): FormView => ({
  procedureCode: TEST_PROCEDURE.code,
  title: { vi: 'T', en: 'T' },
  sections: [],
  values: {},
  provenance: {},
  missing,
  issues: [],
  editable: ['phone'],
});

const done = (id: string, output: unknown): AnyEvent => ({
  type: `xstate.done.actor.${id}`,
  output,
});
const error = (id: string): AnyEvent => ({
  type: `xstate.error.actor.${id}`,
  error: new Error('x'),
});
const after = (delay: string, path: string): AnyEvent => ({
  type: `xstate.after.${delay}.kiosk.${path}`,
});

const EVENTS: AnyEvent[] = [
  { type: 'CARD_PRESENTED', reader: 'R', mrz: 'M' },
  { type: 'CARD_PRESENTED', reader: 'R' },
  { type: 'CARD_REMOVED' },
  { type: 'QR_IDENTITY', text: 'Q' },
  { type: 'MRZ_READ', text: 'M' },
  { type: 'RECEIPT_QR', code: 'C' },
  { type: 'ACTIVITY' },
  { type: 'CANCEL' },
  { type: 'SELECT_PROCEDURE', code: TEST_PROCEDURE.code },
  { type: 'UPDATE_FIELD', fieldId: 'phone', value: '0912345678', version: 0 },
  { type: 'CONTINUE' },
  { type: 'BACK' },
  { type: 'CONFIRM' },
  { type: 'RETRY' },
  { type: 'USE_OTHER_METHOD' },
  { type: 'FINISH' },
  { type: 'OPEN_STATUS_LOOKUP' },
  { type: 'LOOKUP_STATUS', code: 'C' },
  { type: 'OPEN_TAKE_NUMBER' },
  { type: 'TAKE_NUMBER', group: 'HT' },
  { type: 'RATE', level: 'satisfied', reasons: [], comment: '' },
  { type: 'SKIP_RATING' },
  { type: 'RESUME_RECEIPT', receipt: TEST_RECEIPT },
  { type: 'document.idKnown', personalId: TEST_PERSON.personalId },
  {
    type: 'document.idKnown',
    personalId: TEST_PERSON.personalId,
    fullName: TEST_PERSON.fullName,
    dateOfBirth: TEST_PERSON.dateOfBirth,
  },
  {
    type: 'document.read',
    method: 'chip',
    record: TEST_PERSON,
    sources: { chip: TEST_PERSON },
    assurance: 'chip-verified',
  },
  { type: 'document.failed', error: { code: 'CARD_READ_FAILED' } },
  done('lookupRegistry', { kind: 'found', record: TEST_PERSON }),
  done('lookupRegistry', { kind: 'unavailable', reason: 'down' }),
  error('lookupRegistry'),
  done('prepareForm', { procedure: TEST_PROCEDURE, form: form(['phone']) }),
  done('refillForm', { procedure: TEST_PROCEDURE, form: form(['phone']) }),
  error('refillForm'),
  error('prepareForm'),
  done('validateForm', { valid: true, form: form([]) }),
  done('validateForm', { valid: false, form: form(['phone']) }),
  done('checkPrinter', { ready: true }),
  done('checkPrinter', { ready: false, error: { code: 'PRINTER_PAPER_OUT' } }),
  done('submitDossier', TEST_RECEIPT),
  done('submitDossier', TEST_FEE_RECEIPT),
  done('requestPayment', {
    qrPayload: '000201',
    amountVnd: 20_000,
    waitSeconds: 180,
    expiresAt: '2026-11-28T09:03:00+07:00',
  }),
  error('requestPayment'),
  { type: 'PAY_LATER' },
  { type: 'FEE_PAID', dossierCode: TEST_RECEIPT.dossierCode },
  error('submitDossier'),
  done('printReceipt', undefined),
  error('printReceipt'),
  done('lookupStatus', { kind: 'found', status: { dossierCode: 'C', status: 'processing' } }),
  done('lookupStatus', { kind: 'notFound' }),
  done('lookupStatus', { kind: 'unavailable' }),
  done('recordRating', undefined),
  error('recordRating'),
  { type: 'PROCEDURE_QR', code: TEST_PROCEDURE.code },
  { type: 'PROCEDURE_QR_INVALID', reason: 'PROCEDURE_QR_NOT_PORTAL' },
  { type: 'OPEN_PROCEDURE_CATALOGUE' },
  { type: 'OPEN_PROCEDURE_INFO', code: TEST_PROCEDURE.code },
  { type: 'START_SUBMISSION' },
  done('describeProcedure', TEST_PROCEDURE_INFO),
  done('describeProcedure', undefined),
  error('describeProcedure'),
  done('issueQueueTicket', TEST_QUEUE_TICKET),
  error('issueQueueTicket'),
  after('inactivity', 'attention.watching'),
  after('warningCountdown', 'attention.warning'),
  after('doneLinger', 'journey.done'),
  after('doneLinger', 'journey.takingNumber.issued'),
  after('keyWait', 'journey.identifying.document.awaitingKey'),
  after('registryBudget', 'journey.identifying.registry.lookingUp'),
  after('registryBudget', 'journey.choosingProcedure.lookingUp'),
  after('paymentWait', 'journey.payingFee.waiting'),
];

/** State value plus the context facts that change which transitions are enabled. */
function serialize(snapshot: Snapshot): string {
  const c = snapshot.context;
  return JSON.stringify({
    v: snapshot.value,
    reg: c.registry,
    asked: c.registryAskedFor,
    id: c.personalId !== undefined,
    hints: c.idHints?.fullName !== undefined && c.idHints.dateOfBirth !== undefined,
    printer: c.printer?.ready,
    form: c.form?.missing.length,
    trigger: c.trigger?.method,
    keys: c.trigger?.method === 'chip' ? Boolean(c.trigger.mrz ?? c.trigger.qr) : undefined,
    receipt: c.receipt !== undefined,
    paid: c.receipt?.fee?.paid,
    qr: c.payment !== undefined,
    page: c.procedurePage?.info !== undefined,
    preselected: c.preselectedProcedure !== undefined,
  });
}

const traversal = {
  events: EVENTS as never,
  serializeState: serialize as never,
};

/**
 * Every state reachable from the initial one, with the state each event leads to. The map is
 * built once per configuration; the tests below read it instead of walking the chart again.
 */
interface Reached {
  states: Snapshot[];
  /** serialized state → the serialized states its events lead to */
  successors: Map<string, Set<string>>;
}
function reach(machine: Machine): Reached {
  const adjacency: AdjacencyMap<Snapshot, unknown> = getAdjacencyMap(machine, traversal);
  const byKey = new Map<string, Snapshot>();
  const successors = new Map<string, Set<string>>();
  for (const { state, nextState } of adjacencyMapToArray(adjacency)) {
    const from = serialize(state);
    byKey.set(from, state);
    successors.set(from, (successors.get(from) ?? new Set()).add(serialize(nextState)));
  }
  return { states: [...byKey.values()], successors };
}
const CONFIGURATIONS: readonly [string, Machine, Reached][] = [
  ['registry asked once a procedure is chosen', journeyMachine, reach(journeyMachine)],
  ['registry.prefetch', prefetchingMachine, reach(prefetchingMachine)],
];
const reachedAnyhow = CONFIGURATIONS.flatMap(([, , reached]) => reached.states);

/** Leaf states a citizen can be in; transient (`always`-only) states are passed through. */
function leafIds(node: AnyStateNode): string[] {
  const children = Object.values(node.states) as AnyStateNode[];
  if (children.length > 0) return children.flatMap(leafIds);
  return node.always && node.always.length > 0 ? [] : [node.id];
}

const journeyNode = getStateNodes(journeyMachine.root).find((n) => n.id === 'kiosk.journey');
if (!journeyNode) throw new Error('no journey region');
const journeyLeaves = leafIds(journeyNode);

const isIdle = (s: Snapshot) => s.matches({ journey: 'idle' });
const isInteractive = (s: Snapshot) => s.hasTag('interactive');

describe('journey paths (xstate/graph)', () => {
  it.each(journeyLeaves)('state %s is reachable from the initial state', (id) => {
    const hit = reachedAnyhow.some((s) => s._nodes.some((n) => n.id === id));
    expect(hit, `no path reaches ${id}`).toBe(true);
  });
});

describe.each(CONFIGURATIONS)('journey paths (xstate/graph), %s', (_, journeyMachine, graph) => {
  const reached = graph.states;
  it('reaches a meaningful number of distinct states', () => {
    expect(reached.length).toBeGreaterThan(40);
  });

  it('every reachable state has a way back to idle', () => {
    // Reverse the forward edges, then breadth-first search back from idle.
    const byKey = new Map(reached.map((s) => [serialize(s), s]));
    const predecessors = new Map<string, Set<string>>();
    for (const [from, targets] of graph.successors) {
      for (const to of targets) {
        if (!predecessors.has(to)) predecessors.set(to, new Set());
        predecessors.get(to)?.add(from);
      }
    }
    const canReturn = new Set([...byKey].filter(([, s]) => isIdle(s)).map(([k]) => k));
    const queue = [...canReturn];
    for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
      for (const p of predecessors.get(key) ?? []) {
        if (!canReturn.has(p)) {
          canReturn.add(p);
          queue.push(p);
        }
      }
    }
    const stuck = [...byKey.keys()].filter((k) => !canReturn.has(k));
    expect(byKey.size).toBe(reached.length);
    expect(stuck).toEqual([]);
  });

  it('transient states are only passed through', () => {
    const transient = reached.some((s) =>
      s.matches({ journey: { identifying: { document: 'checkingKeys' } } }),
    );
    expect(transient).toBe(false);
  });

  it('cancel is one tap from every interactive state', () => {
    const interactive = reached.filter(isInteractive);
    expect(interactive.length).toBeGreaterThan(10);
    for (const s of interactive) {
      const [next] = transition(journeyMachine, s, { type: 'CANCEL' });
      expect(isIdle(next), `CANCEL from ${JSON.stringify(s.value)}`).toBe(true);
      expect(next.context.citizen).toBeUndefined();
      expect(next.context.form).toBeUndefined();
    }
  });

  it('inactivity (warning, then countdown) resets every interactive state and wipes it', () => {
    for (const s of reached.filter(isInteractive)) {
      const [warned] = transition(
        journeyMachine,
        s,
        after('inactivity', 'attention.watching') as never,
      );
      expect(warned.matches({ attention: 'warning' })).toBe(true);
      const [reset] = transition(
        journeyMachine,
        warned,
        after('warningCountdown', 'attention.warning') as never,
      );
      expect(isIdle(reset), `timeout from ${JSON.stringify(s.value)}`).toBe(true);
      expect(reset.context.sources).toEqual({});
      expect(reset.context.receipt).toBeUndefined();
    }
  });

  it('touching the screen during the warning keeps the journey', () => {
    const s = reached.find((x) => x.matches({ journey: 'confirming' }));
    if (!s) throw new Error('confirming not reached');
    const [warned] = transition(
      journeyMachine,
      s,
      after('inactivity', 'attention.watching') as never,
    );
    const [kept] = transition(journeyMachine, warned, { type: 'ACTIVITY' });
    expect(kept.matches({ journey: 'confirming', attention: 'watching' })).toBe(true);
  });
});
