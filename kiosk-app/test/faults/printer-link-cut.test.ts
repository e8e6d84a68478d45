/**
 * Issue 24, "printed means printed", at the core: the journey's receipt goes through the real
 * ESC/POS driver to the virtual printer over a TCP link that is cut mid-slip. The citizen must
 * see the printer-failed screen with the receipt on it (not "take your slip"), and staff must
 * find the receipt not printed; a retry over the restored link prints it and only then marks it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTransport, defaultTemplate, loadProfile, ReceiptPrinter } from '@kiosk/printer';
import { startTcpFaultProxy, type TcpFaultProxy } from '@kiosk/test-fixtures/net';
import { startVirtualPrinter, type VirtualPrinter } from '@kiosk/test-fixtures/printer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKioskConfig } from '../../src/core/config/kiosk-config';
import { EscposReceiptPrinter } from '../../src/core/devices';
import { startKioskCore, type RunningCore } from '../../src/core/kiosk-core';
import { createLogger } from '../../src/core/log/logger';
import { createDemoPorts } from '../../src/demo/demo-ports';
import { TestClient } from '../core-harness';
import { demoJourneyToConfirming } from '../form-answers';

const profile = loadProfile('epson-80mm-tcvn3');

let vp: VirtualPrinter;
let proxy: TcpFaultProxy;
let core: RunningCore;

beforeAll(async () => {
  vp = await startVirtualPrinter({ tcpPort: 0 });
  proxy = await startTcpFaultProxy({ target: { host: '127.0.0.1', port: vp.port ?? 0 } });
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-fault-printer-'));
  const printer = new EscposReceiptPrinter({
    // A long status deadline: the cut, not a timeout, is what the driver must notice.
    printer: new ReceiptPrinter(createTransport(`tcp://127.0.0.1:${proxy.port}`), profile, {
      statusTimeoutMs: 30_000,
    }),
    profile,
    template: defaultTemplate(),
  });
  core = await startKioskCore({
    config: parseKioskConfig({ dataDir, port: 0 }),
    ports: { ...createDemoPorts(dataDir), printer },
    logger: createLogger(() => undefined),
  });
});

afterAll(async () => {
  await core?.stop();
  await proxy?.close();
  await vp?.close();
});

describe('a receipt printed through a link cut mid-slip', () => {
  it('shows the printer-failed screen with the receipt, stays printed:false, and the retry prints it', async () => {
    const client = await TestClient.connect(core);
    try {
      await demoJourneyToConfirming(client, 2);
      // The printer check and the status before printing pass; the link dies inside the slip.
      proxy.cutAfter(100);
      const failed = client.step('printFailed');
      await client.request({ type: 'journey.confirm' });
      const view = (await failed).view;
      expect(await proxy.triggered).toBe('cut');
      const receipt = view.receipt;
      if (!receipt) throw new Error('the printer-failed screen shows no receipt');
      expect(view.error?.code).toBe('PRINT_FAILED');
      expect(core.receipts.get(receipt.dossierCode)?.printed).toBe(false);
      expect(vp.receipts.filter((r) => r.qrCodes.length > 0)).toEqual([]);

      const done = client.step('done');
      await client.request({ type: 'journey.retry' });
      expect((await done).view.receipt?.dossierCode).toBe(receipt.dossierCode);
      expect(core.receipts.get(receipt.dossierCode)?.printed).toBe(true);
      const printed = await vp.waitForReceipt(vp.receipts.length - 1);
      expect(printed.qrCodes.map((q) => q.payload)).toEqual([receipt.lookupUrl]);
      expect(vp.receipts.filter((r) => r.qrCodes.length > 0)).toHaveLength(1);
    } finally {
      client.close();
    }
  });
});
