import { classifyQr } from '../dossier-code';
import { procedureQrEvent } from '../flow/procedure-qr-event';
import type { DeviceAssignment, DeviceView, QrTestView, Reply } from '@kiosk/protocol';
import { CardHeardByJourneyError } from '../devices/card-test-gate';
import { assignmentToSettings } from '../devices/device-assignment';
import { DeviceSetupError, type DeviceSetup } from '../devices/device-setup';
import { InvalidSettingsError } from '../settings';
import type { ApiContext } from './api-context';
import { ApiFailure, fail } from './api-failure';
import { testSlip } from './test-slip';

/** The longest a scan test waits for a scan. */
export const QR_TEST_MAX_SECONDS = 20;

/** A device's failure as the API's error (its message is for the technician). */
function toApiFailure(error: unknown): ApiFailure {
  if (error instanceof ApiFailure) return error;
  if (error instanceof DeviceSetupError)
    return new ApiFailure({
      code: error.code === 'NOT_AVAILABLE' ? 'NOT_AVAILABLE' : 'DEVICE_ERROR',
      message: error.message,
    });
  return new ApiFailure({ code: 'DEVICE_ERROR', message: 'the device test failed' });
}

/** What a test scan decoded to, as the journey would take it (a procedure QR included). */
export function qrView(text: string): QrTestView {
  const procedure = procedureQrEvent(text);
  if (procedure?.type === 'PROCEDURE_QR')
    return {
      outcome: 'scanned',
      kind: 'procedure',
      text,
      fields: { procedureCode: procedure.code },
    };
  if (procedure?.type === 'PROCEDURE_QR_INVALID')
    return { outcome: 'scanned', kind: 'unknown', text, fields: { error: procedure.reason } };
  const qr = classifyQr(text);
  const fields: Record<string, string> =
    qr.kind === 'cccd'
      ? {
          personalId: qr.cccd.personalId,
          fullName: qr.cccd.fullName,
          dateOfBirth: qr.cccd.dateOfBirth,
          sex: qr.cccd.sex,
        }
      : qr.kind === 'receipt'
        ? { dossierCode: qr.receipt.dossier.code }
        : { error: qr.error.code };
  return { outcome: 'scanned', kind: qr.kind, text, fields };
}

/**
 * Technician device setup: the inventory, role assignment (checked against what is attached,
 * then saved through the settings service — atomic, and applied without a restart) and the
 * device tests. Each test writes one audit entry: who, which device, ok or failed (never what
 * the card or code contained). A session's running tests can be cancelled.
 */
export class DeviceTestActions {
  private readonly running = new Set<AbortController>();

  constructor(
    private readonly ctx: ApiContext,
    private readonly now: () => number,
    private readonly actor: () => string,
  ) {}

  private get setup(): DeviceSetup {
    return this.ctx.deviceSetup ?? fail('NOT_AVAILABLE', 'device setup is not wired to the API');
  }

  async list(): Promise<DeviceView[]> {
    return this.ctx.deviceSetup ? this.ctx.deviceSetup.inventory() : this.ctx.devices();
  }

  async assign(assignment: DeviceAssignment): Promise<Reply['devices.assign']> {
    const setup = this.setup;
    const settings =
      this.ctx.settings ?? fail('NOT_AVAILABLE', 'settings are not wired to the API');
    try {
      await setup.check(assignment);
      settings.update(assignmentToSettings(assignment));
    } catch (error) {
      if (error instanceof DeviceSetupError || error instanceof InvalidSettingsError)
        fail('INVALID_SETTINGS', `nothing was changed: ${error.message}`.slice(0, 1000));
      throw error;
    }
    // The settings listener applies it too; waiting here makes the reply mean "in effect".
    await setup.apply(settings.current());
    return { role: assignment.role, devices: await setup.inventory() };
  }

  /**
   * Reads the card the technician places (the reader is kept from the journey meanwhile). A card
   * the journey already heard is refused, and the journey it may have started is cancelled so
   * that card's data does not wait in it for the inactivity timeout.
   */
  testCardRead(can?: string, mrz?: string): Promise<Reply['devices.testCardRead']> {
    const device = this.ctx.deviceSetup?.deviceOf('card') ?? 'card reader';
    return this.audited('devices.testCardRead', device, async (signal) => {
      try {
        return await this.setup.testCardRead({ can, mrz }, signal);
      } catch (error) {
        if (error instanceof CardHeardByJourneyError) this.ctx.journey.send({ type: 'CANCEL' });
        throw error;
      }
    });
  }

  testQr(timeoutSeconds = QR_TEST_MAX_SECONDS): Promise<Reply['devices.testQr']> {
    const device = this.ctx.deviceSetup?.deviceOf('qr') ?? 'scanner';
    return this.audited('devices.testQr', device, async (signal, controller) => {
      const setup = this.setup;
      const timer = setTimeout(
        () => controller.abort('timeout'),
        Math.min(timeoutSeconds, QR_TEST_MAX_SECONDS) * 1000,
      );
      try {
        return qrView(await setup.nextScan(signal));
      } catch (error) {
        if (!signal.aborted) throw error;
        return { outcome: signal.reason === 'timeout' ? 'timeout' : 'cancelled' };
      } finally {
        clearTimeout(timer);
      }
    });
  }

  testPrint(): Promise<Reply['devices.testPrint']> {
    const device = this.ctx.deviceSetup?.deviceOf('printer') ?? 'printer';
    return this.audited('devices.testPrint', device, async () => {
      const at = new Date(this.now());
      try {
        await this.ctx.printer.print(testSlip(this.ctx.kioskId, this.ctx.centreName, at));
      } catch (error) {
        fail('DEVICE_ERROR', `printer: ${error instanceof Error ? error.message : String(error)}`);
      }
      const status = await this.ctx.deviceSetup?.printerStatus().catch(() => undefined);
      return { printed: true, at: at.toISOString(), ...(status ? { status } : {}) };
    });
  }

  /**
   * Stops this session's running tests: a waiting scan test answers `cancelled`, a card test
   * fails with "test cancelled" (and its reader is given back to the journey).
   */
  cancel(): Reply['devices.cancelTest'] {
    const cancelled = this.running.size;
    for (const controller of this.running) controller.abort('cancelled');
    this.running.clear();
    return { cancelled };
  }

  private async audited<T>(
    action: string,
    device: string,
    run: (signal: AbortSignal, controller: AbortController) => Promise<T>,
  ): Promise<T> {
    const controller = new AbortController();
    this.running.add(controller);
    try {
      const result = await run(controller.signal, controller);
      // As every audit entry: no detail is success; a scan test that got no scan says why.
      const outcome =
        typeof result === 'object' && result !== null && 'outcome' in result
          ? String(result.outcome)
          : undefined;
      this.ctx.audit.record(
        this.actor(),
        action,
        device,
        outcome === 'scanned' ? undefined : outcome,
      );
      return result;
    } catch (error) {
      const failure = toApiFailure(error);
      this.ctx.audit.record(this.actor(), action, device, `failed: ${failure.error.code}`);
      throw failure;
    } finally {
      this.running.delete(controller);
    }
  }
}
