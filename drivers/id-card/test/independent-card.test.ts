/**
 * Reads a CCCD whose secure messaging and LDS encoding share no code with this driver
 * (issue 23): Debian's vsmartcard `vicc` runs the chip side (BAC, SM, files), launched by
 * test-fixtures/independent-card/cccd_vicc.py, with DG13 numbered from the published CCCD list
 * and EF.SOD signed by the openssl CLI under a CSCA the openssl CLI made. The MRZ check digits
 * below are computed here from ICAO 9303-3 §4.9, not with @kiosk/mrz.
 *
 * It runs against a pcscd of its own (unshare + its own reader.conf with vpcd on another
 * port), so it never disturbs the shared system pcscd.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privatePcscd, privatePcscdPossible, type PrivatePcscd } from '@kiosk/test-fixtures/pcscd';
import { accessKeyFromMrz, createCardService, type CardService } from '../src/index';
import { nextEvent, waitForReader } from '@kiosk/test-fixtures/pcsc-harness';

const CARD_SCRIPT = fileURLToPath(
  new URL('../../../test-fixtures/independent-card/cccd_vicc.py', import.meta.url),
);
const READER = 'Virtual PCD 00 00';
/** Clear of the system pcscd's 35963/35964 and of the pcscd fault test's port. */
const VPCD_PORT = 35_981;
/** A tiny READ BINARY block so one session sends far more than 256 APDUs. */
const SMALL_READ = 5;

const viccAvailable =
  spawnSync('/usr/bin/python3', ['-c', 'import Cryptodome'], { stdio: 'ignore' }).status === 0 &&
  spawnSync('test', ['-d', '/usr/lib/python3/site-packages/virtualsmartcard']).status === 0;
const runnable = viccAvailable && privatePcscdPossible();

/** ICAO 9303-3 §4.9: weights 7, 3, 1; digits as themselves, A–Z as 10–35, '<' as 0. */
function checkDigit(text: string): string {
  const weights = [7, 3, 1];
  let sum = 0;
  [...text].forEach((c, i) => {
    const v = /\d/.test(c) ? Number(c) : c === '<' ? 0 : c.charCodeAt(0) - 55;
    sum += v * (weights[i % 3] ?? 0);
  });
  return String(sum % 10);
}

/** A synthetic CCCD (TD1, ICAO 9303-5 §4.2); nobody real. */
const citizen = {
  personalId: '079203000417',
  documentNumber: '203000417',
  fullName: 'Trần Thị Thử Nghiệm',
  mrzName: 'TRAN<<THI<THU<NGHIEM',
  dateOfBirth: '14/02/2003',
  yymmddBirth: '030214',
  sex: 'Nữ',
  dateOfIssue: '09/05/2021',
  dateOfExpiry: '14/02/2028',
  yymmddExpiry: '280214',
};

function td1(): [string, string, string] {
  const c = citizen;
  const line1 = `IDVNM${c.documentNumber}${checkDigit(c.documentNumber)}${c.personalId}`.padEnd(
    30,
    '<',
  );
  const line2Head =
    `${c.yymmddBirth}${checkDigit(c.yymmddBirth)}F` +
    `${c.yymmddExpiry}${checkDigit(c.yymmddExpiry)}VNM`;
  const line2Body = line2Head.padEnd(29, '<');
  const composite = checkDigit(
    line1.slice(5, 30) + line2Body.slice(0, 7) + line2Body.slice(8, 15) + line2Body.slice(18, 29),
  );
  return [line1, line2Body + composite, c.mrzName.padEnd(30, '<')];
}

function openssl(cwd: string, ...args: string[]): void {
  const r = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')}\n${r.stderr}`);
}

/** A CSCA and a document signer made with the openssl CLI alone (ICAO 9303-12 §7.1). */
function makePki(dir: string): void {
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(
    dir,
    'req', '-x509', ...ec, '-keyout', 'csca.key', '-out', 'csca.pem', '-days', '3650',
    '-subj', '/C=VN/O=Independent Test/CN=Independent Test CSCA',
    '-addext', 'basicConstraints=critical,CA:TRUE,pathlen:0',
    '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ); // prettier-ignore
  openssl(
    dir,
    'req', '-x509', ...ec, '-keyout', 'ds.key', '-out', 'ds.pem', '-days', '365',
    '-CA', 'csca.pem', '-CAkey', 'csca.key',
    '-subj', '/C=VN/O=Independent Test/CN=Independent Test DS',
    '-addext', 'basicConstraints=critical,CA:FALSE',
    '-addext', 'keyUsage=critical,digitalSignature',
  ); // prettier-ignore
}

let pcscd: PrivatePcscd;
let service: CardService;
let card: ChildProcess | undefined;
let dir: string;
let mrz: [string, string, string];
const savedSocket = process.env.PCSCLITE_CSOCK_NAME;

async function insertCard(): Promise<void> {
  const spec = join(dir, 'card.json');
  writeFileSync(
    spec,
    JSON.stringify({
      vpcdPort: VPCD_PORT,
      mrz,
      signerCert: join(dir, 'ds.pem'),
      signerKey: join(dir, 'ds.key'),
      dg13: {
        personalId: citizen.personalId,
        fullName: citizen.fullName,
        dateOfBirth: citizen.dateOfBirth,
        sex: citizen.sex,
        nationality: 'Việt Nam',
        ethnicity: 'Kinh',
        religion: 'Không',
        placeOfOrigin: 'Xã Thử, Huyện Mẫu, Tỉnh Giả Định',
        placeOfResidence: 'Số 1, Đường Ví Dụ, Phường Mẫu, Thành phố Giả Định',
        personalIdentification: 'Nốt ruồi C:1cm trên sau mép trái',
        dateOfIssue: citizen.dateOfIssue,
        dateOfExpiry: citizen.dateOfExpiry,
        fatherName: 'Trần Văn Cha',
        motherName: 'Lê Thị Mẹ',
      },
    }),
  );
  const placed = nextEvent(service, (e) => e.type === 'card-inserted' && e.reader === READER);
  const child = spawn('/usr/bin/python3', [CARD_SCRIPT, spec], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  child.stdout?.on('data', (b: Buffer) => log.push(b.toString()));
  child.stderr?.on('data', (b: Buffer) => log.push(b.toString()));
  child.once('exit', (code) => {
    if (code) log.push(`vicc exited with ${code}`);
  });
  card = child;
  await placed.catch((e: unknown) => {
    throw new Error(`vicc did not come up: ${String(e)}\n${log.join('')}`);
  });
}

beforeAll(async () => {
  if (!runnable) return;
  dir = mkdtempSync(join(tmpdir(), 'kiosk-independent-card-'));
  makePki(dir);
  mrz = td1();
  pcscd = privatePcscd(VPCD_PORT);
  await pcscd.start();
  process.env.PCSCLITE_CSOCK_NAME = pcscd.socket;
  service = createCardService({ timeoutMs: 10_000, retryMs: 200 });
  await waitForReader(service, READER);
  await insertCard();
});

afterAll(async () => {
  if (!runnable) return;
  card?.kill('SIGTERM');
  await service?.close();
  await pcscd?.close();
  if (savedSocket === undefined) delete process.env.PCSCLITE_CSOCK_NAME;
  else process.env.PCSCLITE_CSOCK_NAME = savedSocket;
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!runnable)('an independent chip (vsmartcard vicc, issue 23)', () => {
  it('opens it with BAC, reads DG1, DG13 and EF.SOD in more than 256 APDUs, and passive authentication is valid', async () => {
    const result = await service.read(READER, {
      keys: [accessKeyFromMrz(mrz.join(''))],
      dataGroups: [1, 13],
      maxReadSize: SMALL_READ,
      verify: { cscaDir: dir },
    });
    expect(result.stats.protocol).toBe('BAC');
    expect(result.passiveAuthentication).toMatchObject({ status: 'valid', dataGroups: [1, 13] });
    expect(result.document).toMatchObject({
      personalId: citizen.personalId,
      fullName: citizen.fullName,
      dateOfBirth: '2003-02-14',
      sex: 'F',
      nationality: 'Việt Nam',
      ethnicity: 'Kinh',
      religion: 'Không',
      placeOfOrigin: 'Xã Thử, Huyện Mẫu, Tỉnh Giả Định',
      placeOfResidence: 'Số 1, Đường Ví Dụ, Phường Mẫu, Thành phố Giả Định',
      personalIdentification: 'Nốt ruồi C:1cm trên sau mép trái',
      // Issue 11 and expiry 12 in the published list: a swap in the parser shows here.
      dateOfIssue: '2021-05-09',
      dateOfExpiry: '2028-02-14',
      fatherName: 'Trần Văn Cha',
      motherName: 'Lê Thị Mẹ',
    });
    // Two SSC increments per APDU: 256+ APDUs take the counter's low byte past 0xFF at least
    // twice, so a counter that does not carry fails the MAC of the chip's next response.
    expect(result.stats.apdus).toBeGreaterThan(256);
  });
});
