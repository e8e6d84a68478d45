/**
 * Issue 20, item 4: card to form and confirm to cut, split by stage, in one run of the demo
 * (virtual card on pcscd + vpcd with the ISO 14443 link model when pcscd is up, the registry and
 * portal simulators over HTTP, the virtual ESC/POS printer over TCP), driven by Playwright.
 *
 * Times come from two clocks on this machine: the bench's own (a tap, a screen seen) and the
 * core's log lines (`at`, to the millisecond). The citizen's own time (choosing the procedure,
 * typing) is left out: "card to form" is the card's part up to the procedure list plus the
 * procedure's part from "choose" to the form on screen. Nothing here passes or fails on a time.
 */
import type { Page } from 'playwright-core';
import type { BenchModule } from '../../scripts/bench';
import { firstEventAfter, loggedEvents } from '../../scripts/logged-events';
import { median, percentile, round } from '../../scripts/stats';
import { startKioskProcess, type KioskProcess } from '../test/kiosk-process';
import { launchChromium, kioskPage } from '../test/e2e/chromium';
import { fillMissing, finishSkippingRating, payLaterIfAsked } from '../test/e2e/citizen-steps';

const RUNS = 10;
const PROCEDURE = { search: 'thuong tru', code: '1.004222' };
/** The goals, reported beside the figures, never asserted. */
const GOAL_MS = 1_000;

interface CardToForm {
  readonly cardDetected: number;
  readonly chipRead: number;
  readonly registryWait: number;
  readonly toProcedureList: number;
  readonly renderProcedureList: number;
  readonly formBuilt: number;
  readonly renderForm: number;
  readonly total: number;
}

interface ConfirmToCut {
  readonly submit: number;
  readonly filed: number;
  readonly print: number;
  readonly total: number;
  readonly renderReceipt: number;
}

const step = (name: string) => ({ step: name });

async function cardToForm(page: Page, kiosk: KioskProcess, card: number): Promise<CardToForm> {
  const placed = Date.now();
  await page.getByTestId(`demo-card-${card}`).tap();
  await page.getByTestId('screen-choosingProcedure').waitFor();
  const listSeen = Date.now();
  await page.getByTestId('procedure-search').fill(PROCEDURE.search);
  await page.getByTestId(`procedure-${PROCEDURE.code}`).tap();
  const chosen = Date.now();
  await page.getByTestId('choose-procedure').tap();
  await page.getByTestId('screen-reviewingForm').waitFor();
  const formSeen = Date.now();

  const events = loggedEvents(kiosk.logLines);
  const detected = firstEventAfter(events, placed, 'journey.step', step('identifying'));
  const read = firstEventAfter(events, placed, 'identity.read');
  const registry = firstEventAfter(events, chosen, 'registry.lookup');
  const list = firstEventAfter(events, placed, 'journey.step', step('choosingProcedure'));
  const form = firstEventAfter(events, chosen, 'journey.step', step('reviewingForm'));
  return {
    // The demo panel puts the card on vpcd; pcscd reports it; the journey starts identifying.
    cardDetected: detected.at - placed,
    chipRead: read.at - detected.at,
    // The registry is asked once the procedure is chosen (issue 16, purpose limitation): its
    // answer is part of `formBuilt`.
    registryWait: Math.max(0, registry.at - chosen),
    toProcedureList: list.at - placed,
    renderProcedureList: listSeen - list.at,
    formBuilt: form.at - chosen,
    renderForm: formSeen - form.at,
    total: listSeen - placed + (formSeen - chosen),
  };
}

async function confirmToCut(page: Page, kiosk: KioskProcess): Promise<ConfirmToCut> {
  await fillMissing(page);
  await page.getByTestId('screen-confirming').waitFor();
  const confirmed = Date.now();
  await page.getByTestId('confirm-submit').tap();
  // A fee paid at submission shows the VietQR first: the bench pays later at the counter, and
  // the citizen's time on that screen is left out.
  await payLaterIfAsked(page);
  const receiptSeen = Date.now();

  const events = loggedEvents(kiosk.logLines);
  const submitted = firstEventAfter(events, confirmed, 'dossier.received');
  const paying = events.find(
    (e) => e.at >= confirmed && e.event === 'journey.step' && e.fields.step === 'payingFee',
  );
  const printing = firstEventAfter(events, confirmed, 'journey.step', step('printing'));
  const cut = firstEventAfter(events, confirmed, 'printer.printed');
  const submit = (paying ?? printing).at - confirmed;
  return {
    submit,
    // Until the dossier is filed in the outbox, within `submit`.
    filed: submitted.at - confirmed,
    print: cut.at - printing.at,
    total: submit + (cut.at - printing.at),
    renderReceipt: Math.max(0, receiptSeen - cut.at),
  };
}

function summary<T extends object>(runs: readonly T[]): Record<string, unknown> {
  const keys = Object.keys(runs[0] ?? {}) as (keyof T & string)[];
  const byStage: Record<string, unknown> = {};
  for (const key of keys) {
    const values = runs.map((r) => Number(r[key]));
    byStage[key] = { median: round(median(values)), p90: round(percentile(values, 90)) };
  }
  return byStage;
}

const bench: BenchModule = {
  name: 'journey-stages',
  async run() {
    // `auto`: the chip path on pcscd + vpcd when pcscd shows the reader, else the in-process card.
    const kiosk = await startKioskProcess({ env: { KIOSK_DEMO_CARD: 'auto' } });
    const browser = await launchChromium();
    try {
      const services = loggedEvents(kiosk.logLines).find((e) => e.event === 'demo.services');
      const page = await kioskPage(browser, kiosk.url);
      const toForm: CardToForm[] = [];
      const toCut: ConfirmToCut[] = [];
      for (let i = 0; i < RUNS; i++) {
        toForm.push(await cardToForm(page, kiosk, i % 4));
        toCut.push(await confirmToCut(page, kiosk));
        await finishSkippingRating(page);
      }
      return {
        cardPath: services?.fields.card ?? 'unknown',
        runs: RUNS,
        goalMs: GOAL_MS,
        cardToFormMs: summary(toForm),
        confirmToCutMs: summary(toCut),
        note: 'card to form = tap on the demo card → procedure list on screen, plus "choose" → form on screen (the citizen choosing is left out); confirm to cut = "confirm" → the payment screen or printing (submit), plus printing → the printer driver reports the cut (the time the citizen spends on the payment screen is left out); render = core step logged → screen seen by Playwright',
      };
    } finally {
      await browser.close();
      await kiosk.stop();
    }
  },
};

export default bench;
