import type { ApduSender, CardChannel } from '../apdu/card-channel';
import { statusWordError, SW } from '../apdu/status-word';
import { performBac } from '../bac/bac-protocol';
import { IdCardError, isIdCardError } from '../errors';
import { describeKey, type AccessKey } from '../keys/access-key';
import { EF_CARD_ACCESS, EMRTD_AID } from '../lds/lds-files';
import { LdsFileReader } from '../lds/file-reader';
import { supportsParameterId } from '../pace/pace-curves';
import { parseCardAccess, type PaceInfo } from '../pace/pace-info';
import { performPace } from '../pace/pace-protocol';
import { SecureChannel } from '../sm/secure-channel';
import { INS } from '../apdu/instruction';

export type AccessProtocol = 'auto' | 'pace' | 'bac';

export interface AccessResult {
  readonly channel: SecureChannel;
  readonly protocol: 'PACE' | 'BAC';
  readonly key: AccessKey;
  readonly attempts: number;
}

async function selectApplication(channel: ApduSender): Promise<void> {
  const r = await channel.send({ cla: 0, ins: INS.SELECT, p1: 0x04, p2: 0x0c, data: EMRTD_AID });
  if (r.sw !== SW.OK) throw statusWordError(r.sw, 'SELECT eMRTD application');
}

/** The PACEInfo we can run (ECDH-GM on a standard curve), preferring AES over 3DES. */
async function readPaceInfo(channel: CardChannel): Promise<PaceInfo | undefined> {
  try {
    const bytes = await new LdsFileReader(channel, { maxReadSize: 256 }).readFile(EF_CARD_ACCESS);
    const usable = parseCardAccess(bytes).filter(
      (i) => i.mapping === 'ECDH-GM' && supportsParameterId(i.parameterId),
    );
    usable.sort((a, b) => (a.cipher === '3DES' ? 1 : 0) - (b.cipher === '3DES' ? 1 : 0));
    return usable[0];
  } catch (e) {
    // No EF.CardAccess (BAC-only chip) or one we cannot read: BAC it is (Part 11 §4.2).
    if (
      isIdCardError(e) &&
      [
        'FILE_NOT_FOUND',
        'APDU_STATUS',
        'LDS_MALFORMED',
        'TLV_MALFORMED',
        'CHIP_ACCESS_DENIED',
      ].includes(e.code)
    )
      return undefined;
    throw e;
  }
}

/**
 * Opens the chip with the first key that works (Part 11 §4.2): PACE when EF.CardAccess offers
 * a mapping we support, BAC otherwise or when PACE is refused. Only wrong-key answers move on
 * to the next key; card removal and I/O errors stop at once.
 */
export async function openChip(
  channel: CardChannel,
  keys: readonly AccessKey[],
  protocol: AccessProtocol = 'auto',
): Promise<AccessResult> {
  if (keys.length === 0)
    throw new IdCardError('NO_ACCESS_KEY', 'no access key (MRZ, CAN or QR) was given');
  let paceInfo = protocol === 'bac' ? undefined : await readPaceInfo(channel);
  if (protocol === 'pace' && !paceInfo)
    throw new IdCardError('PACE_UNSUPPORTED', 'the chip does not offer a PACE protocol we support');
  let attempts = 0;
  let last: unknown;
  let applicationSelected = false;
  for (const key of keys) {
    if (paceInfo) {
      attempts++;
      try {
        const sm = await performPace(channel, key, paceInfo);
        const secure = new SecureChannel(channel, sm);
        await selectApplication(secure);
        return { channel: secure, protocol: 'PACE', key, attempts };
      } catch (e) {
        last = e;
        if (!isIdCardError(e)) throw e;
        if (e.code === 'CHIP_ACCESS_DENIED' || e.code === 'SM_MAC_INVALID') continue;
        // PACE offered but not working with us (unsupported options, protocol error): BAC.
        if (
          protocol === 'pace' ||
          !['APDU_STATUS', 'PACE_UNSUPPORTED', 'SM_PROTOCOL'].includes(e.code)
        )
          throw e;
        paceInfo = undefined;
      }
    }
    if (key.kind === 'can') continue;
    attempts++;
    try {
      if (!applicationSelected) {
        await selectApplication(channel);
        applicationSelected = true;
      }
      const sm = await performBac(channel, key);
      return { channel: new SecureChannel(channel, sm), protocol: 'BAC', key, attempts };
    } catch (e) {
      last = e;
      if (!isIdCardError(e, 'CHIP_ACCESS_DENIED') && !isIdCardError(e, 'SM_MAC_INVALID')) throw e;
    }
  }
  const tried = keys.map(describeKey).join(', ');
  throw new IdCardError(
    'CHIP_ACCESS_DENIED',
    `none of the access keys opened the chip (${tried})`,
    { cause: last },
  );
}
