import {
  accessKeyFromCan,
  accessKeyFromMrz,
  isIdCardError,
  type AccessKey,
  type CardService,
  type IdCardErrorCode,
  type ReadResult,
} from '@kiosk/id-card';
import type { CardTestView } from '@kiosk/protocol';
import { DeviceSetupError, type CardTestKeys } from './device-setup';

export interface CardTestReadOptions {
  readonly cards: CardService;
  readonly reader: string;
  readonly keys: CardTestKeys;
  /**
   * The MRZ a document reader saw with the card (the demo's), used when no key was typed; asked
   * once the card is on the reader.
   */
  readonly presentedMrz?: () => string | undefined;
  readonly cscaDir?: string;
  readonly signal: AbortSignal;
  /** Resolves once a card is on the reader for this test (at once if it is there already). */
  readonly cardPlaced: () => Promise<void>;
}

/** What the technician is told for each driver failure (the driver's own text may vary). */
const FAILURE_TEXT: Partial<Record<IdCardErrorCode, string>> = {
  CARD_REMOVED: 'the card was taken off the reader during the test read',
  READER_GONE: 'the reader was unplugged during the test read',
  NO_CARD: 'there is no card on the reader',
  PCSC_UNAVAILABLE: 'the smart-card service (pcscd) is not running',
  CHIP_ACCESS_DENIED: 'the chip refused the key: check the CAN or MRZ',
  NO_ACCESS_KEY: 'no key opened the chip: check the CAN or MRZ',
  MRZ_INVALID: 'the MRZ typed is not a valid CCCD MRZ',
  INVALID_ARGUMENT: 'the reader is busy with another read; try again in a moment',
  CARD_TIMEOUT: 'the card stopped answering',
};

interface TestKey {
  readonly key: AccessKey;
  readonly source: CardTestView['keySource'];
}

/** The typed key, checked before waiting for the card; undefined when none was typed. */
function typedKey(options: CardTestReadOptions): TestKey | undefined {
  const { keys } = options;
  try {
    if (keys.can !== undefined) return { key: accessKeyFromCan(keys.can), source: 'can' };
    if (keys.mrz !== undefined) return { key: accessKeyFromMrz(keys.mrz), source: 'mrz' };
  } catch (error) {
    throw failureOf(error, options.reader);
  }
  return undefined;
}

/** The MRZ a document reader presented with the card now on the reader. */
function presentedKey(options: CardTestReadOptions): TestKey {
  const mrz = options.presentedMrz?.();
  if (mrz === undefined)
    throw new DeviceSetupError(
      'DEVICE_ERROR',
      'no key for the chip: type the CAN (6 digits on the card) or the MRZ',
    );
  try {
    return { key: accessKeyFromMrz(mrz), source: 'presented-mrz' };
  } catch (error) {
    throw failureOf(error, options.reader);
  }
}

/** A driver error as the technician's DEVICE_ERROR (code and plain text, no card data). */
export function failureOf(error: unknown, reader: string): DeviceSetupError {
  if (error instanceof DeviceSetupError) return error;
  if (isIdCardError(error)) {
    const text = FAILURE_TEXT[error.code] ?? 'the card read failed';
    return new DeviceSetupError('DEVICE_ERROR', `${reader}: ${text} (${error.code})`);
  }
  return new DeviceSetupError('DEVICE_ERROR', `${reader}: the card read failed`);
}

function view(result: ReadResult, reader: string, keySource: CardTestView['keySource']) {
  const { document: doc, passiveAuthentication: pa } = result;
  const detail =
    pa.status === 'invalid'
      ? `${pa.failedCheck}${pa.dataGroup === undefined ? '' : ` DG${pa.dataGroup}`}`
      : pa.status === 'not-checked'
        ? pa.reason
        : undefined;
  const out: CardTestView = {
    reader,
    keySource,
    fields: {
      fullName: doc.fullName,
      personalId: doc.personalId,
      dateOfBirth: doc.dateOfBirth,
      sex: doc.sex,
      dateOfExpiry: doc.dateOfExpiry,
      hasPhoto: doc.faceImage !== undefined,
    },
    passiveAuthentication: { status: pa.status, ...(detail ? { detail } : {}) },
    protocol: result.stats.protocol,
    totalMs: Math.round(result.stats.totalMs),
  };
  return out;
}

/**
 * The technician's test read: waits for the card on `reader` (`cardPlaced`), opens it with the
 * typed CAN or MRZ (or the MRZ a document reader presented), DG1, DG13 and DG2 with passive
 * authentication. The face image and raw groups are dropped here; only a photo flag leaves.
 * Errors are `DeviceSetupError`s the screen can show; an abort stops waiting at once.
 */
export async function testCardRead(options: CardTestReadOptions): Promise<CardTestView> {
  const { cards, reader, signal } = options;
  if (!cards.readers().includes(reader))
    throw new DeviceSetupError('DEVICE_ERROR', `${reader}: the reader is not connected`);
  const typed = typedKey(options);
  await options.cardPlaced();
  const { key, source } = typed ?? presentedKey(options);
  if (signal.aborted) throw new DeviceSetupError('DEVICE_ERROR', `${reader}: test cancelled`);
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(new DeviceSetupError('DEVICE_ERROR', `${reader}: test cancelled`));
    signal.addEventListener('abort', onAbort, { once: true });
  });
  const read = cards.read(reader, {
    keys: [key],
    dataGroups: [1, 13, 2],
    verify: { cscaDir: options.cscaDir },
  });
  // A cancelled test leaves the driver to finish; its outcome is not wanted.
  read.catch(() => undefined);
  try {
    return view(await Promise.race([read, aborted]), reader, source);
  } catch (error) {
    throw failureOf(error, reader);
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}
