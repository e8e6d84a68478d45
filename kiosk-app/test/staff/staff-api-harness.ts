/**
 * The API server with every staff/technician dependency wired (outbox, settings), built from the
 * real store classes over a fresh database, and a printer that records what it printed. Used
 * where the full core does not (yet) pass the outbox and settings into the API context.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JourneyView, ReceiptView } from '@kiosk/protocol';
import { startApiServer, type RunningApiServer } from '../../src/core/api/api-server';
import type { ApiContext } from '../../src/core/api/api-context';
import { AccountStore } from '../../src/core/auth/account-store';
import { SetupCodeStore } from '../../src/core/auth/setup-code-store';
import { parseKioskConfig } from '../../src/core/config/kiosk-config';
import { blockOfKiosk, DossierCodeAllocator } from '../../src/core/dossier-code';
import { ALL_MIGRATIONS } from '../../src/core/kiosk-core';
import { createLogger } from '../../src/core/log/logger';
import { Outbox } from '../../src/core/outbox';
import type { PrintOptions, ReceiptPrinterPort } from '../../src/core/ports';
import { ProcedureService } from '../../src/core/procedures/procedure-service';
import { SettingsService, settingsFromConfig } from '../../src/core/settings';
import { AuditRepository } from '../../src/core/store/audit-repository';
import { openDatabase, type KioskDatabase } from '../../src/core/store/database';
import { ReceiptRepository } from '../../src/core/store/receipt-repository';
import { SettingsRepository } from '../../src/core/store/settings-repository';

export interface PrintedSlip {
  readonly receipt: ReceiptView;
  readonly options?: PrintOptions;
}

export interface StaffApi {
  readonly server: RunningApiServer;
  readonly db: KioskDatabase;
  readonly dataDir: string;
  readonly accounts: AccountStore;
  readonly setupCodes: SetupCodeStore;
  readonly receipts: ReceiptRepository;
  readonly outbox: Outbox;
  readonly settings: SettingsService;
  readonly audit: AuditRepository;
  readonly printed: PrintedSlip[];
  /** Makes the next print fail (paper out, unplugged). */
  failNextPrint(message: string): void;
  stop(): Promise<void>;
}

/** A synthetic receipt (no real person). */
export function sampleReceipt(code: string, receivedAt: string): ReceiptView {
  return {
    dossierCode: code,
    centreName: 'Trung tâm thử nghiệm',
    receivingUnit: 'Bộ phận Một cửa',
    applicantName: 'NGUYỄN VĂN THỬ',
    procedureCode: '1.004222',
    procedureName: 'Đăng ký thường trú',
    documents: ['Tờ khai'],
    processingTime: '7 ngày làm việc',
    receivedAt,
    appointmentAt: receivedAt,
    collectAt: 'Quầy 1',
    status: 'queued',
    lookupUrl: 'https://example.invalid/tra-cuu',
    trackingHint: '—',
    kioskId: 'KIOSK-T',
  };
}

export async function startStaffApi(): Promise<StaffApi> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-staff-'));
  const db = openDatabase(join(dataDir, 'kiosk.sqlite'), ALL_MIGRATIONS);
  const logger = createLogger(() => undefined);
  const config = parseKioskConfig({ dataDir, unitCode: 'H01' });
  const accounts = new AccountStore(db);
  const setupCodes = new SetupCodeStore(db, accounts);
  const receipts = new ReceiptRepository(db);
  const audit = new AuditRepository(db);
  const outbox = new Outbox(
    db,
    new DossierCodeAllocator(db, { unitCode: 'H01', block: blockOfKiosk(1) }),
  );
  const settings = new SettingsService(new SettingsRepository(db), settingsFromConfig(config));
  const printed: PrintedSlip[] = [];
  let failure: string | undefined;
  const printer: ReceiptPrinterPort = {
    check: async () => ({ ready: true }),
    print: async (receipt, options) => {
      if (failure) {
        const message = failure;
        failure = undefined;
        throw new Error(message);
      }
      printed.push({ receipt, options });
    },
    printTicket: async () => undefined,
  };
  const idle = { step: 'idle' } as unknown as JourneyView;
  const ctx: ApiContext = {
    kioskId: 'KIOSK-T',
    centreName: 'Trung tâm thử nghiệm',
    journey: { send: () => undefined, view: () => idle, subscribe: () => () => undefined },
    procedures: ProcedureService.fromCatalogue(logger),
    receipts,
    audit,
    accounts,
    setupCodes,
    printer,
    devices: () => [{ id: 'printer-1', role: 'receiptPrinter', kind: 'printer', status: 'ready' }],
    health: () => ({ outbox: outbox.counts() }),
    logger,
    outbox,
    settings,
  };
  const server = await startApiServer(ctx, { port: 0 });
  return {
    server,
    db,
    dataDir,
    accounts,
    setupCodes,
    receipts,
    outbox,
    settings,
    audit,
    printed,
    failNextPrint: (message) => {
      failure = message;
    },
    stop: async () => {
      await server.close();
      db.close();
    },
  };
}
