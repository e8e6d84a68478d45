import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STANDARD_SLIP } from '@kiosk/printer';
import type { Output } from '../output';
import { receiptRender } from './receipt';

function capture(): Output & { lines: string[] } {
  const lines: string[] = [];
  return { lines, line: (t) => lines.push(t), json: (v) => lines.push(JSON.stringify(v)) };
}

describe('kiosk receipt render', () => {
  const dir = mkdtempSync(join(tmpdir(), 'receipt-cli-'));
  const dossier = join(dir, 'slip.json');
  writeFileSync(dossier, JSON.stringify(STANDARD_SLIP));

  it('writes the ESC/POS bytes and the PNG preview', async () => {
    const out = capture();
    const bin = join(dir, 'slip.bin');
    const png = join(dir, 'slip.png');
    await receiptRender({ dossier, profile: 'epson-80mm-tcvn3', out: bin, png }, out);
    const bytes = readFileSync(bin);
    expect([...bytes.subarray(0, 2)]).toEqual([0x1b, 0x40]);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
    expect(out.lines[0]).toContain(`${bytes.length} bytes`);
  });

  it('names the invalid fields of a dossier file', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({ ...STANDARD_SLIP, receivedAt: 'yesterday', dossierCode: undefined }),
    );
    await expect(
      receiptRender(
        { dossier: bad, profile: 'epson-80mm-tcvn3', out: join(dir, 'x.bin') },
        capture(),
      ),
    ).rejects.toThrow(/dossierCode.*receivedAt|receivedAt.*dossierCode/);
  });

  it('says which profiles exist when the name is wrong', async () => {
    await expect(
      receiptRender({ dossier, profile: 'tm-t1000', out: join(dir, 'x.bin') }, capture()),
    ).rejects.toThrow(/PRINTER_PROFILE_UNKNOWN.*epson-80mm-tcvn3/);
  });
});
