import { describe, expect, it } from 'vitest';
import type { ApduSender } from '../../src/apdu/card-channel';
import type { CommandApdu } from '../../src/apdu/command-apdu';
import type { ResponseApdu } from '../../src/apdu/response-apdu';
import { SW } from '../../src/apdu/status-word';
import { encodeTlv } from '../../src/tlv/ber-tlv';
import { LdsFileReader } from '../../src/lds/file-reader';
import { dataGroupFile, EF_SOD } from '../../src/lds/lds-files';

/**
 * A chip twin whose file declares `declaredLength` bytes in its TLV header and then answers
 * every READ BINARY with as many filler bytes as asked, forever (issue 14, item 10). It stops
 * after `budget` reads so a reader that keeps going fails the test instead of hanging.
 */
function endlessFile(tag: number, declaredLength: number, budget = 50) {
  const header = Uint8Array.of(
    tag,
    0x84,
    (declaredLength >>> 24) & 0xff,
    (declaredLength >>> 16) & 0xff,
    (declaredLength >>> 8) & 0xff,
    declaredLength & 0xff,
  );
  const reads: CommandApdu[] = [];
  const sender: ApduSender = {
    send(apdu: CommandApdu): Promise<ResponseApdu> {
      reads.push(apdu);
      if (reads.length > budget) return Promise.resolve({ data: new Uint8Array(0), sw: 0x6f00 });
      const asked = apdu.ne ?? 256;
      const filler = new Uint8Array(Math.min(asked, 65_000)).fill(0x41);
      if (reads.length === 1) {
        filler.set(header);
        return Promise.resolve({ data: filler, sw: SW.OK });
      }
      // Offsets above 32767 are read with B1 and answered in DO53 (ISO 7816-4 §11.3.3).
      const data = apdu.ins === 0xb1 ? encodeTlv(0x53, filler.subarray(0, asked - 4)) : filler;
      return Promise.resolve({ data, sw: SW.OK });
    },
  };
  return { sender, reads };
}

describe('LDS file size cap', () => {
  it('stops at the first block when a chip declares a 4 GB data group', async () => {
    const chip = endlessFile(0x75, 0xffff_fff0);
    await expect(new LdsFileReader(chip.sender).readFile(dataGroupFile(2))).rejects.toMatchObject({
      code: 'LDS_FILE_TOO_LARGE',
    });
    expect(chip.reads).toHaveLength(1);
  });

  it('caps DG1 far below the face image', async () => {
    const chip = endlessFile(0x61, 70_000);
    await expect(new LdsFileReader(chip.sender).readFile(dataGroupFile(1))).rejects.toMatchObject({
      code: 'LDS_FILE_TOO_LARGE',
    });
    expect(chip.reads).toHaveLength(1);
  });

  it('reads a face image of a few hundred kilobytes to the end', async () => {
    const chip = endlessFile(0x75, 200_000);
    const bytes = await new LdsFileReader(chip.sender).readFile(dataGroupFile(2));
    expect(bytes.length).toBe(6 + 200_000);
  });

  it('takes the caller’s cap per file', async () => {
    const chip = endlessFile(0x77, 4_000);
    const reader = new LdsFileReader(chip.sender, {
      maxFileSize: (file) => (file.name === 'EF.SOD' ? 2_000 : undefined),
    });
    await expect(reader.readFile(EF_SOD)).rejects.toMatchObject({ code: 'LDS_FILE_TOO_LARGE' });
    const roomy = new LdsFileReader(endlessFile(0x75, 600_000).sender, {
      maxFileSize: () => 1_000_000,
    });
    expect((await roomy.readFile(dataGroupFile(2))).length).toBe(6 + 600_000);
  });
});
