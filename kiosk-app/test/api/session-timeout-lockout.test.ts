/**
 * Session timeout and brute-force lockout with a controlled clock: an idle staff session falls
 * back to citizen (and is audited), and the lockout delay grows with every further wrong PIN.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JourneyView } from '@kiosk/protocol';
import type { ApiContext } from '../../src/core/api/api-context';
import { ApiFailure, ApiSession, STAFF_SESSION_IDLE_MS } from '../../src/core/api/api-session';
import { AccountStore } from '../../src/core/auth/account-store';
import type { AuthClock } from '../../src/core/auth/auth-clock';
import { ALL_MIGRATIONS } from '../../src/core/kiosk-core';
import { createLogger } from '../../src/core/log/logger';
import { ProcedureService } from '../../src/core/procedures/procedure-service';
import { AuditRepository } from '../../src/core/store/audit-repository';
import { openDatabase, type KioskDatabase } from '../../src/core/store/database';
import { ReceiptRepository } from '../../src/core/store/receipt-repository';

const clock = { now: Date.parse('2026-11-28T02:00:00Z') };
/** Wall and monotonic time move together here; auth-clock-step.test.ts steps them apart. */
const authClock: AuthClock = { monotonicMs: () => clock.now, wallMs: () => clock.now };
let db: KioskDatabase;
let ctx: ApiContext;
let audit: AuditRepository;

beforeAll(async () => {
  db = openDatabase(':memory:', ALL_MIGRATIONS);
  const logger = createLogger(() => undefined);
  audit = new AuditRepository(db, () => new Date(clock.now));
  const accounts = new AccountStore(db, authClock);
  await accounts.create('lan', 'staff', '482913');
  ctx = {
    kioskId: 'K',
    centreName: 'C',
    journey: {
      send: () => undefined,
      view: () => ({ step: 'idle' }) as unknown as JourneyView,
      subscribe: () => () => undefined,
    },
    procedures: ProcedureService.fromCatalogue(logger),
    receipts: new ReceiptRepository(db),
    audit,
    accounts,
    printer: {
      check: async () => ({ ready: true }),
      print: async () => undefined,
      printTicket: async () => undefined,
    },
    devices: () => [],
    health: () => ({}),
    logger,
  };
});

afterAll(() => db?.close());

async function code(session: ApiSession, message: Parameters<ApiSession['handle']>[0]) {
  try {
    await session.handle(message);
    return 'OK';
  } catch (error) {
    if (error instanceof ApiFailure) return error.error.code;
    throw error;
  }
}

describe('staff session timeout', () => {
  it('keeps an active session and ends an idle one', async () => {
    const session = new ApiSession(ctx, { clock: authClock });
    expect(
      await code(session, {
        id: 1,
        type: 'auth.signIn',
        role: 'staff',
        user: 'lan',
        pin: '482913',
      }),
    ).toBe('OK');
    clock.now += STAFF_SESSION_IDLE_MS - 1000;
    expect(await code(session, { id: 2, type: 'receipts.find' })).toBe('OK');
    clock.now += STAFF_SESSION_IDLE_MS - 1000;
    expect(session.expireIfIdle()).toBe(false);
    expect(await code(session, { id: 3, type: 'receipts.find' })).toBe('OK');

    clock.now += STAFF_SESSION_IDLE_MS + 1;
    expect(await code(session, { id: 4, type: 'receipts.find' })).toBe('FORBIDDEN');
    expect(session.view()).toMatchObject({ role: 'citizen', user: undefined });
    expect(
      audit.recent(5).some((e) => e.action === 'session.expired' && e.actor === 'staff:lan'),
    ).toBe(true);
  });

  it('the sweep ends an idle session without any message', async () => {
    const session = new ApiSession(ctx, { clock: authClock });
    await session.handle({ id: 1, type: 'auth.signIn', role: 'staff', user: 'lan', pin: '482913' });
    clock.now += STAFF_SESSION_IDLE_MS + 1;
    expect(session.expireIfIdle()).toBe(true);
    expect(session.view().role).toBe('citizen');
    expect(session.expireIfIdle()).toBe(false);
  });
});

describe('brute-force lockout', () => {
  it('locks after three wrong PINs, doubles the delay, and refuses even the right PIN meanwhile', async () => {
    const session = new ApiSession(ctx, { clock: authClock });
    const attempt = (pin: string) =>
      code(session, { id: 1, type: 'auth.signIn', role: 'staff', user: 'lan', pin });
    expect(await attempt('000000')).toBe('SIGN_IN_FAILED');
    expect(await attempt('000001')).toBe('SIGN_IN_FAILED');
    expect(await attempt('000002')).toBe('LOCKED_OUT');
    expect(await attempt('482913')).toBe('LOCKED_OUT');
    clock.now += 30_001;
    expect(await attempt('000003')).toBe('LOCKED_OUT');
    clock.now += 30_001;
    // The fourth failure locked for 60 s: 30 s later it is still locked.
    expect(await attempt('482913')).toBe('LOCKED_OUT');
    clock.now += 30_000;
    expect(await attempt('482913')).toBe('OK');
    expect(session.view().role).toBe('staff');
    const failures = audit.recent(50).filter((e) => e.action === 'sign-in.failed');
    expect(failures.filter((e) => e.detail === 'locked').length).toBeGreaterThanOrEqual(3);
  });
});
