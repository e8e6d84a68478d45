/**
 * The core killed (SIGKILL) at random moments around a submission, then restarted on the same
 * data folder: every dossier in the outbox has its receipt and vice versa (no half-written
 * dossier), and the kiosk comes back to idle — or, when the kill fell between filing and
 * printing, to the printer-failed screen with that filed dossier's receipt (issue 24: the citizen
 * learns it was filed instead of filing twice), which "finish" then clears.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JourneyView } from '@kiosk/protocol';
import { TestClient } from '../core-harness';
import { startKioskProcess } from '../kiosk-process';

async function connect(kiosk: Awaited<ReturnType<typeof startKioskProcess>>): Promise<TestClient> {
  return TestClient.connect({ url: kiosk.url.replace(/\/$/, ''), token: await kiosk.token() });
}

async function driveToConfirming(client: TestClient, card: number): Promise<void> {
  const choosing = client.step('choosingProcedure');
  await client.request({ type: 'demo.placeCard', citizenIndex: card });
  await choosing;
  const reviewing = client.step('reviewingForm');
  await client.request({ type: 'journey.selectProcedure', code: '1.004222' });
  const view: JourneyView = (await reviewing).view;
  for (const id of view.form?.missing ?? []) {
    const field = view.form?.sections.flatMap((s) => s.fields).find((f) => f.id === id);
    const value =
      id === 'phone'
        ? '0912345678'
        : field?.type === 'address'
          ? { province: 'Thành phố Hà Nội', commune: 'Phường Ba Đình', detail: 'Số 2' }
          : (field?.options?.[0]?.value ?? 'x');
    await client.request({ type: 'journey.updateField', fieldId: id, value, version: 0 });
  }
  const confirming = client.step('confirming');
  await client.request({ type: 'journey.continue' });
  await confirming;
}

function storeConsistency(dataDir: string): { dossiers: string[]; receipts: string[] } {
  const db = new Database(join(dataDir, 'kiosk.sqlite'), { readonly: true });
  try {
    const dossiers = (
      db.prepare('SELECT code FROM outbox_dossier ORDER BY code').all() as { code: string }[]
    ).map((r) => r.code);
    const receipts = (
      db.prepare('SELECT dossier_code AS code FROM receipts ORDER BY code').all() as {
        code: string;
      }[]
    ).map((r) => r.code);
    return { dossiers, receipts };
  } finally {
    db.close();
  }
}

describe('core killed mid-journey', () => {
  it('leaves no half-written dossier and restarts at idle, or at the receipt it filed unprinted', async () => {
    let kiosk = await startKioskProcess();
    const dataDir = kiosk.dataDir;
    const delays = [0, 2, 5, 10, 40];
    for (const [round, delay] of delays.entries()) {
      const client = await connect(kiosk);
      await driveToConfirming(client, round % 4);
      client.socket.send(JSON.stringify({ id: 999, type: 'journey.confirm' }));
      await new Promise((resolve) => setTimeout(resolve, delay));
      await kiosk.stop('SIGKILL');
      const { dossiers, receipts } = storeConsistency(dataDir);
      expect(receipts).toEqual(dossiers);
      kiosk = await startKioskProcess({ dataDir });
      const after = await connect(kiosk);
      const view = await after.waitFor(
        (m): m is Extract<typeof m, { type: 'journey' }> => m.type === 'journey',
      );
      if (view.view.step === 'printFailed') {
        const shown = view.view.receipt?.dossierCode;
        expect(dossiers).toContain(shown);
        const idle = after.step('idle');
        await after.request({ type: 'journey.finish' });
        await idle;
      } else {
        expect(view.view.step).toBe('idle');
        expect(view.view.citizen).toBeUndefined();
      }
      after.close();
    }
    const final = storeConsistency(dataDir);
    expect(final.receipts).toEqual(final.dossiers);
    await kiosk.stop();
  });
});
