/**
 * A second tab (or a page from before a reconnect) showing an old form must not overwrite what
 * the citizen typed elsewhere (issue 24 item 5). Two real WebSocket clients on one core: each
 * edit names the version of the field it was based on, and the core refuses a stale one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JourneyView, ServerMessage } from '@kiosk/protocol';
import { startCoreUnderTest, TestClient, type CoreUnderTest } from '../core-harness';

let env: CoreUnderTest;

beforeAll(async () => {
  env = await startCoreUnderTest();
});

afterAll(async () => {
  await env?.core.stop();
});

type JourneyMessage = Extract<ServerMessage, { type: 'journey' }>;

function latestView(client: TestClient): JourneyView {
  const views = client.received.filter((m): m is JourneyMessage => m.type === 'journey');
  const last = views.at(-1);
  if (!last) throw new Error('no journey view yet');
  return last.view;
}

describe('two tabs editing one form', () => {
  it('refuses the stale tab’s edit and keeps what the citizen typed', async () => {
    const citizenTab = await TestClient.connect(env.core);
    const staleTab = await TestClient.connect(env.core);
    const choosing = citizenTab.step('choosingProcedure');
    await citizenTab.request({ type: 'demo.placeCard', citizenIndex: 0 });
    await choosing;
    const reviewing = staleTab.step('reviewingForm');
    await citizenTab.request({ type: 'journey.selectProcedure', code: '1.004222' });
    const staleView = (await reviewing).view;
    const form = staleView.form;
    if (!form) throw new Error('no form');
    const fieldId = 'phone';
    expect(form.editable).toContain(fieldId);
    const base = form.versions?.[fieldId] ?? 0;

    const typed = await citizenTab.request({
      type: 'journey.updateField',
      fieldId,
      value: '0912345678',
      version: base,
    });
    expect(typed.ok).toBe(true);

    // The other tab still shows the old form and "saves" its old draft on blur.
    const stale = await staleTab.request({
      type: 'journey.updateField',
      fieldId,
      value: '',
      version: base,
    });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error.code).toBe('CONFLICT');
    expect(latestView(citizenTab).form?.values[fieldId]).toBe('0912345678');

    // An edit based on the current version is taken.
    const current = latestView(staleTab).form?.versions?.[fieldId] ?? -1;
    expect(current).toBe(base + 1);
    const fresh = await staleTab.request({
      type: 'journey.updateField',
      fieldId,
      value: '0987654321',
      version: current,
    });
    expect(fresh.ok).toBe(true);
    await citizenTab.waitFor(
      (m): m is JourneyMessage =>
        m.type === 'journey' && m.view.form?.values[fieldId] === '0987654321',
    );
    citizenTab.close();
    staleTab.close();
  });
});
