/**
 * Staff and technician powers over the real API: role checks in both directions, the outbox,
 * settings validated as a whole, test prints, account creation, first-run setup and the audit
 * trail with who and when.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../core-harness';
import { sampleReceipt, startStaffApi, type StaffApi } from '../staff/staff-api-harness';

let env: StaffApi;

beforeAll(async () => {
  env = await startStaffApi();
});

afterAll(async () => {
  await env?.stop();
});

async function signedIn(role: 'staff' | 'technician', user: string, pin: string) {
  const client = await TestClient.connect(env.server);
  const reply = await client.request({ type: 'auth.signIn', role, user, pin });
  expect(reply.ok, JSON.stringify(reply)).toBe(true);
  return client;
}

const STAFF_ONLY = [
  { type: 'receipts.find' },
  { type: 'receipts.preview', dossierCode: 'H01-X' },
  { type: 'receipts.reprint', dossierCode: 'H01-X' },
  { type: 'outbox.list' },
  { type: 'outbox.retry', outboxId: 1 },
] as const;
const TECHNICIAN_ONLY = [
  { type: 'devices.list' },
  { type: 'devices.testPrint' },
  { type: 'health' },
  { type: 'config.get' },
  { type: 'config.set', settings: { centreName: 'X' } },
  { type: 'accounts.create', role: 'staff', user: 'x', pin: '123456' },
] as const;

describe('first-run setup', () => {
  it('creates the first technician once with the code from `kiosk setup code`, then refuses', async () => {
    const client = await TestClient.connect(env.server);
    expect(await client.request({ type: 'setup.status' })).toMatchObject({
      ok: true,
      data: { needsTechnician: true, codePending: false },
    });
    const issued = await env.setupCodes.issue();
    if (!issued.ok) throw new Error('no setup code');
    expect(await client.request({ type: 'setup.status' })).toMatchObject({
      data: { needsTechnician: true, codePending: true },
    });
    const first = await client.request({
      type: 'setup.createTechnician',
      user: 'kythuat',
      pin: '246810',
      code: issued.code,
    });
    expect(first).toMatchObject({ ok: true, data: { user: 'kythuat', role: 'technician' } });
    const second = await client.request({
      type: 'setup.createTechnician',
      user: 'intruder',
      pin: '111111',
      code: issued.code,
    });
    expect(second).toMatchObject({ ok: false, error: { code: 'SETUP_DONE' } });
    expect(env.accounts.exists('intruder', 'technician')).toBe(false);
    expect(await client.request({ type: 'setup.status' })).toMatchObject({
      data: { needsTechnician: false, codePending: false },
    });
    client.close();
  });
});

describe('technician', () => {
  it('creates a staff account, and a duplicate is refused', async () => {
    const tech = await signedIn('technician', 'kythuat', '246810');
    const created = await tech.request({
      type: 'accounts.create',
      role: 'staff',
      user: 'lan',
      pin: '482913',
    });
    expect(created).toMatchObject({ ok: true, data: { user: 'lan', role: 'staff' } });
    const again = await tech.request({
      type: 'accounts.create',
      role: 'staff',
      user: 'lan',
      pin: '999999',
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const badPin = await tech.request({
      type: 'accounts.create',
      role: 'staff',
      user: 'minh',
      pin: '12ab',
    });
    expect(badPin).toMatchObject({ ok: false, error: { code: 'BAD_MESSAGE' } });
    tech.close();
  });

  it('cannot use staff powers', async () => {
    const tech = await signedIn('technician', 'kythuat', '246810');
    for (const command of STAFF_ONLY) {
      expect(await tech.request(command), command.type).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    expect(env.printed).toHaveLength(0);
    tech.close();
  });

  it('runs a test print through the printer port and reports a printer fault', async () => {
    const tech = await signedIn('technician', 'kythuat', '246810');
    const ok = await tech.request({ type: 'devices.testPrint' });
    expect(ok).toMatchObject({ ok: true, data: { printed: true } });
    expect(env.printed.at(-1)?.receipt.receivingUnit).toContain('BẢN IN THỬ');
    env.failNextPrint('paper out');
    const fault = await tech.request({ type: 'devices.testPrint' });
    expect(fault).toMatchObject({ ok: false, error: { code: 'DEVICE_ERROR' } });
    // The session stays usable after a device fault.
    expect(await tech.request({ type: 'devices.list' })).toMatchObject({ ok: true });
    tech.close();
  });

  it('changes settings as a whole, and an invalid change applies nothing', async () => {
    const tech = await signedIn('technician', 'kythuat', '246810');
    const heard: string[][] = [];
    const off = env.settings.onChange((_s, changed) => heard.push([...changed]));
    const saved = await tech.request({
      type: 'config.set',
      settings: {
        centreName: 'Trung tâm mới',
        registry: { url: 'https://registry.example/api', clientSecret: 's3cret' },
      },
    });
    expect(saved).toMatchObject({
      ok: true,
      data: { centreName: 'Trung tâm mới', registry: { clientSecret: '********' } },
    });
    expect(heard).toEqual([['centreName', 'registry']]);
    expect(env.settings.current().registry?.clientSecret).toBe('s3cret');

    const before = JSON.stringify(env.settings.current());
    for (const bad of [
      { centreName: 'OK', inactivitySeconds: 5 },
      { centreName: 'OK', printerUri: 'lpt9' },
      { centreName: 'OK', lookupBaseUrl: 'not a url' },
      { centreName: 'OK', noSuchSetting: 1 },
    ]) {
      const reply = await tech.request({ type: 'config.set', settings: bad });
      expect(reply, JSON.stringify(bad)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_SETTINGS' },
      });
    }
    expect(JSON.stringify(env.settings.current())).toBe(before);
    expect(heard).toHaveLength(1);

    // Sending the mask back keeps the stored secret.
    const got = await tech.request({ type: 'config.get' });
    const current = (got.ok ? got.data : {}) as Record<string, unknown>;
    expect(
      (await tech.request({ type: 'config.set', settings: { registry: current.registry } })).ok,
    ).toBe(true);
    expect(env.settings.current().registry?.clientSecret).toBe('s3cret');
    off();
    tech.close();
  });
});

describe('staff', () => {
  it('cannot use technician powers', async () => {
    const staff = await signedIn('staff', 'lan', '482913');
    for (const command of TECHNICIAN_ONLY) {
      expect(await staff.request(command), command.type).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    expect(env.accounts.exists('x', 'staff')).toBe(false);
    staff.close();
  });

  it('finds, previews and reprints a receipt marked as a reprint', async () => {
    env.receipts.save(
      sampleReceipt('H01-261128-1001', '2026-11-28T09:00:00+07:00'),
      '001090012345',
    );
    env.receipts.save(
      sampleReceipt('H01-261120-1002', '2026-11-20T09:00:00+07:00'),
      '002090012345',
    );
    const staff = await signedIn('staff', 'lan', '482913');
    const byPerson = await staff.request({ type: 'receipts.find', personalId: '001090012345' });
    expect(byPerson).toMatchObject({
      ok: true,
      data: [{ receipt: { dossierCode: 'H01-261128-1001' } }],
    });
    const byDate = await staff.request({
      type: 'receipts.find',
      from: '2026-11-19',
      to: '2026-11-21',
    });
    expect(byDate).toMatchObject({
      ok: true,
      data: [{ receipt: { dossierCode: 'H01-261120-1002' } }],
    });
    const badDate = await staff.request({ type: 'receipts.find', from: '28/11/2026' });
    expect(badDate).toMatchObject({ ok: false, error: { code: 'BAD_MESSAGE' } });

    const preview = await staff.request({
      type: 'receipts.preview',
      dossierCode: 'h01-261128-1001',
    });
    expect(preview).toMatchObject({
      ok: true,
      data: { receipt: { applicantName: 'NGUYỄN VĂN THỬ' } },
    });
    expect(
      await staff.request({ type: 'receipts.preview', dossierCode: 'H01-NONE' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });

    const reprint = await staff.request({
      type: 'receipts.reprint',
      dossierCode: 'H01-261128-1001',
    });
    expect(reprint).toMatchObject({ ok: true, data: { printed: true } });
    const slip = env.printed.at(-1);
    expect(slip?.receipt.dossierCode).toBe('H01-261128-1001');
    expect(Number.isNaN(Date.parse(slip?.options?.reprintAt ?? ''))).toBe(false);
    staff.close();
  });

  it('lists the outbox and retries a failed send, once', async () => {
    const queued = env.outbox.enqueue({
      procedureCode: '1.004222',
      receivedAt: '2026-11-28T09:00:00+07:00',
      applicant: {
        personalId: '001090012345',
        fullName: 'Nguyễn Văn Thử',
        dateOfBirth: '1990-01-15',
        sex: 'M',
      },
      form: {},
    });
    // As the worker does: claim it (sending), then the gateway rejects it for good.
    env.outbox.claimDue(10, new Set(), 0);
    env.outbox.markFailed(queued, 'rejected 422');
    const staff = await signedIn('staff', 'lan', '482913');
    const list = await staff.request({ type: 'outbox.list', state: 'failed' });
    expect(list).toMatchObject({
      ok: true,
      data: {
        entries: [{ id: queued.id, state: 'failed', lastError: 'rejected 422' }],
        counts: { failed: 1 },
      },
    });
    expect(JSON.stringify(list)).not.toContain('Nguyễn');
    expect(await staff.request({ type: 'outbox.retry', outboxId: queued.id })).toMatchObject({
      ok: true,
    });
    expect(env.outbox.get(queued.code)?.state).toBe('queued');
    expect(await staff.request({ type: 'outbox.retry', outboxId: queued.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    staff.close();
  });
});

describe('audit trail', () => {
  it('records who did what, including refusals, and never a PIN', () => {
    const entries = env.audit.recent(500);
    const find = (actor: string, action: string, detail: string | null = null) =>
      entries.find((e) => e.actor === actor && e.action === action && e.detail === detail);
    expect(find('setup', 'setup.createTechnician')).toBeDefined();
    expect(find('setup', 'setup.createTechnician', 'failed: SETUP_DONE')).toBeDefined();
    expect(find('technician:kythuat', 'accounts.create')?.subject).toBe('staff:lan');
    expect(find('technician:kythuat', 'devices.testPrint')).toBeDefined();
    expect(find('technician:kythuat', 'devices.testPrint', 'failed: DEVICE_ERROR')).toBeDefined();
    expect(
      entries.some((e) => e.action === 'config.set' && e.subject === 'centreName,registry'),
    ).toBe(true);
    expect(find('technician:kythuat', 'receipts.reprint', 'refused: FORBIDDEN')).toBeDefined();
    expect(find('staff:lan', 'receipts.reprint')?.subject).toBe('H01-261128-1001');
    expect(find('staff:lan', 'outbox.retry')).toBeDefined();
    expect(find('staff:lan', 'config.set', 'refused: FORBIDDEN')).toBeDefined();
    for (const e of entries) expect(Number.isNaN(Date.parse(e.at))).toBe(false);
    const text = JSON.stringify(entries);
    for (const pin of ['246810', '482913', 's3cret']) expect(text).not.toContain(pin);
  });

  it('staff and technicians can read it; a citizen cannot', async () => {
    const staff = await signedIn('staff', 'lan', '482913');
    expect(await staff.request({ type: 'audit.recent', limit: 5 })).toMatchObject({ ok: true });
    staff.close();
    const citizen = await TestClient.connect(env.server);
    expect(await citizen.request({ type: 'audit.recent' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    citizen.close();
  });
});
