import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPortalSimulator, type PortalSimulator } from '@kiosk/test-fixtures/portal';
import type { Dossier } from '../../src/core/links';
import { gatewayClient, TEST_RESILIENCE } from './clients';
import { draftFor } from './fixtures';

let portal: PortalSimulator;
let client: ReturnType<typeof gatewayClient>;
let now = Date.parse('2026-03-10T02:00:00Z');

beforeAll(async () => {
  portal = await startPortalSimulator({ statusStepMs: 60_000, now: () => now });
  client = gatewayClient(portal.url);
});
afterAll(async () => {
  await client.http.close();
  await portal.close();
});
afterEach(() => portal.setMode({ kind: 'normal' }));

let serial = 0;
const dossier = (): Dossier => ({
  ...draftFor(1),
  code: `H29-260310-${String(3000 + (serial += 1)).padStart(4, '0')}`,
});

describe('dossier gateway client against the portal simulator', () => {
  it('submits, and a resubmission with the same key returns the first acknowledgement', async () => {
    const d = dossier();
    expect(await client.gateway.submit(d, 'key-a')).toEqual({
      kind: 'accepted',
      code: d.code,
      status: 'received',
      duplicate: false,
    });
    expect(await client.gateway.submit(d, 'key-a')).toMatchObject({
      kind: 'accepted',
      duplicate: true,
    });
    expect(portal.counts()).toMatchObject({ dossiers: 1, distinctCodes: 1 });
  });

  it('refuses a key reused for another dossier', async () => {
    await client.gateway.submit(dossier(), 'key-b');
    expect(await client.gateway.submit(dossier(), 'key-b')).toMatchObject({
      kind: 'rejected',
      httpStatus: 409,
    });
  });

  it('reports statuses as they change over time, and notFound for unknown codes', async () => {
    const d = dossier();
    await client.gateway.submit(d, 'key-c');
    expect(await client.gateway.status(d.code)).toMatchObject({
      kind: 'found',
      status: 'received',
      appointmentAt: d.appointmentAt,
    });
    now += 60_000;
    expect(await client.gateway.status(d.code)).toMatchObject({ status: 'processing' });
    portal.setStatus(d.code, 'needsMoreDocuments');
    expect(await client.gateway.status(d.code)).toMatchObject({ status: 'needsMoreDocuments' });
    expect(await client.gateway.status('H29-260310-9999')).toEqual({ kind: 'notFound' });
  });

  it.each([
    [{ kind: 'fail' } as const, 'server-error'],
    [{ kind: 'stall' } as const, 'timeout'],
    [{ kind: 'malformed' } as const, 'malformed-response'],
    [{ kind: 'commit-then-fail' } as const, 'server-error'],
  ])('mode %j → unavailable(%s)', async (mode, reason) => {
    portal.setMode(mode);
    expect(await client.gateway.submit(dossier(), `key-${reason}-${serial}`)).toMatchObject({
      kind: 'unavailable',
      reason,
    });
  });
});

describe('the procedure code on the wire (MaThuTuc)', () => {
  it('is the national code when the centre has no local suffix', async () => {
    const d = dossier();
    expect(await client.gateway.submit(d, `key-national-${serial}`)).toMatchObject({
      kind: 'accepted',
    });
    expect(portal.payloadOf(d.code)).toMatchObject({ MaThuTuc: '1.004222' });
  });

  it("is the province's local code when the centre's configuration gives its suffix", async () => {
    const local = gatewayClient(portal.url, TEST_RESILIENCE, '000.00.00.H56');
    try {
      const d = dossier();
      expect(await local.gateway.submit(d, `key-local-${serial}`)).toMatchObject({
        kind: 'accepted',
      });
      expect(portal.payloadOf(d.code)).toMatchObject({ MaThuTuc: '1.004222.000.00.00.H56' });
    } finally {
      await local.http.close();
    }
  });

  it.each(['1.4222', 'THU-TUC', '1.004222.H56', '1.004222.000.00.00.h56'])(
    'the portal simulator refuses the malformed procedure code %j',
    async (procedureCode) => {
      const d = { ...dossier(), procedureCode };
      expect(await client.gateway.submit(d, `key-bad-${serial}`)).toMatchObject({
        kind: 'rejected',
        httpStatus: 422,
      });
      expect(portal.codes()).not.toContain(d.code);
    },
  );
});
