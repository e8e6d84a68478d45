import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type KioskDatabase } from '../store/database';
import {
  DossierCodeAllocator,
  DossierCodeError,
  blockOfKiosk,
  dossierCodeConfigSchema,
  vietnamDayStamp,
} from './dossier-code';
import { isQrError } from '@kiosk/id-card/qr';
import { classifyQr } from './classify-qr';
import { parseDossierCode } from './dossier-code-format';
import { formatReceiptQr } from './receipt-qr';
import { DOSSIER_CODE_MIGRATIONS } from './dossier-code-migrations';

const dirs: string[] = [];
const open = (file = ':memory:'): KioskDatabase => openDatabase(file, DOSSIER_CODE_MIGRATIONS);
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('DossierCodeAllocator', () => {
  const noon = new Date('2026-03-10T12:00:00+07:00');

  it('issues <unit>-YYMMDD-NNNN from the kiosk block, in order', () => {
    const alloc = new DossierCodeAllocator(open(), { unitCode: 'H29.12', block: blockOfKiosk(3) });
    expect(alloc.allocate(noon)).toBe('H29.12-260310-3000');
    expect(alloc.allocate(noon)).toBe('H29.12-260310-3001');
  });

  it('uses the Vietnamese day, not the UTC one', () => {
    expect(vietnamDayStamp(new Date('2026-03-10T18:30:00Z'))).toBe('260311');
    const alloc = new DossierCodeAllocator(open(), { unitCode: 'H29', block: blockOfKiosk(1) });
    expect(alloc.allocate(new Date('2026-03-10T23:59:00+07:00'))).toBe('H29-260310-1000');
    expect(alloc.allocate(new Date('2026-03-11T00:00:00+07:00'))).toBe('H29-260311-1000');
  });

  it('continues after a restart and after the clock goes back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-code-'));
    dirs.push(dir);
    const file = join(dir, 'kiosk.db');
    const first = open(file);
    new DossierCodeAllocator(first, { unitCode: 'H29', block: blockOfKiosk(2) }).allocate(noon);
    first.close();
    const again = new DossierCodeAllocator(open(file), { unitCode: 'H29', block: blockOfKiosk(2) });
    expect(again.allocate(new Date('2026-03-11T08:00:00+07:00'))).toBe('H29-260311-2000');
    expect(again.allocate(noon)).toBe('H29-260310-2001');
  });

  it('says plainly when the block is exhausted', () => {
    const alloc = new DossierCodeAllocator(open(), {
      unitCode: 'H29',
      block: { first: 10, last: 11 },
    });
    alloc.allocate(noon);
    alloc.allocate(noon);
    let error: unknown;
    try {
      alloc.allocate(noon);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DossierCodeError);
    expect(error).toMatchObject({ code: 'DOSSIER_CODE_BLOCK_EXHAUSTED' });
  });

  it('never hands out the same code twice to two connections on one file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-code-'));
    dirs.push(dir);
    const file = join(dir, 'kiosk.db');
    const a = new DossierCodeAllocator(open(file), { unitCode: 'H29', block: blockOfKiosk(5) });
    const b = new DossierCodeAllocator(open(file), { unitCode: 'H29', block: blockOfKiosk(5) });
    const codes = Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? a : b).allocate(noon));
    expect(new Set(codes).size).toBe(200);
  });

  it('rejects bad settings', () => {
    expect(
      () => new DossierCodeAllocator(open(), { unitCode: 'h 29', block: blockOfKiosk(1) }),
    ).toThrow(DossierCodeError);
    expect(() => blockOfKiosk(10)).toThrow(DossierCodeError);
  });
});

describe('blockOfKiosk', () => {
  const kiosk = fc.integer({ min: 1, max: 9 });

  it('gives two kiosks blocks that never share a number (issue 23)', () => {
    fc.assert(
      fc.property(kiosk, kiosk, (a, b) => {
        fc.pre(a !== b);
        const x = blockOfKiosk(a);
        const y = blockOfKiosk(b);
        expect(x.last < y.first || y.last < x.first).toBe(true);
      }),
    );
  });

  it('gives each kiosk a whole block of four-digit numbers, so the code stays NNNN', () => {
    fc.assert(
      fc.property(kiosk, (n) => {
        const { first, last } = blockOfKiosk(n);
        expect(first).toBeGreaterThanOrEqual(0);
        expect(last).toBeLessThanOrEqual(9999);
        expect(last - first + 1).toBe(1000);
      }),
    );
  });

  it('refuses kiosk numbers outside 1–9 and fractions', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 10 }), fc.double({ noInteger: true })),
        (n) => {
          expect(() => blockOfKiosk(n)).toThrow(DossierCodeError);
        },
      ),
    );
  });
});

describe('a dossier code issued under the kiosk settings', () => {
  const noon = new Date('2026-03-10T12:00:00+07:00');

  it('is read back from its receipt QR, even when the unit code ends in a dot', () => {
    const alloc = new DossierCodeAllocator(open(), { unitCode: 'H29.', block: blockOfKiosk(3) });
    const code = alloc.allocate(noon);
    const qr = classifyQr(formatReceiptQr(code));
    expect(qr.kind === 'receipt' && qr.receipt.dossier.code).toBe(code);
  });

  it('is read back from its receipt QR for every unit code the settings accept (property)', () => {
    const unitCodes = fc
      .stringMatching(/^[A-Z0-9.]{1,30}$/)
      .filter(
        (unitCode) =>
          dossierCodeConfigSchema.safeParse({ unitCode, block: { first: 0, last: 9 } }).success,
      );
    fc.assert(
      fc.property(unitCodes, fc.boolean(), (unitCode, asUrl) => {
        const alloc = new DossierCodeAllocator(open(), { unitCode, block: blockOfKiosk(1) });
        const code = alloc.allocate(noon);
        const lookup = asUrl ? 'https://kiosk.example.vn/tra-cuu' : undefined;
        const qr = classifyQr(formatReceiptQr(code, lookup));
        expect(qr.kind === 'receipt' && qr.receipt.dossier.code).toBe(code);
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseDossierCode', () => {
  it('reads the parts of an issued code and refuses anything else with a typed error', () => {
    expect(parseDossierCode('H29.12-260310-3001')).toEqual({
      code: 'H29.12-260310-3001',
      unitCode: 'H29.12',
      receivedOn: '2026-03-10',
      sequence: 3001,
    });
    fc.assert(
      fc.property(fc.string(), (s) => {
        try {
          expect(parseDossierCode(s).receivedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        } catch (error) {
          expect(isQrError(error, 'QR_DOSSIER_CODE')).toBe(true);
        }
      }),
    );
  });
});
