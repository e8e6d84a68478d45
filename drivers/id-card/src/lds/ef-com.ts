import { IdCardError } from '../errors';
import { readTlv, requireTlv } from '../tlv/ber-tlv';
import { toAscii } from '../util/bytes';
import { dataGroupForTag } from './lds-files';

export interface EfCom {
  readonly ldsVersion: string;
  readonly unicodeVersion: string;
  readonly dataGroups: readonly number[];
}

/** EF.COM = 60 { 5F01 LDS version, 5F36 Unicode version, 5C tag list } (Part 10 §4.6.1). */
export function parseEfCom(bytes: Uint8Array): EfCom {
  try {
    const outer = readTlv(bytes);
    if (outer.tag !== 0x60) throw new Error('not 60');
    return {
      ldsVersion: toAscii(requireTlv(outer.value, 0x5f01, 'LDS version').value),
      unicodeVersion: toAscii(requireTlv(outer.value, 0x5f36, 'Unicode version').value),
      dataGroups: [...requireTlv(outer.value, 0x5c, 'tag list').value]
        .map((t) => dataGroupForTag(t))
        .filter((n): n is number => n !== undefined),
    };
  } catch (cause) {
    throw new IdCardError('LDS_MALFORMED', 'EF.COM is malformed', { cause });
  }
}
