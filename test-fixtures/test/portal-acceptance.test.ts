import { afterEach, describe, expect, it } from 'vitest';
import {
  AUTOMATIC_OFFICER,
  PORTAL_DOSSIER_PATH,
  startPortalSimulator,
  type PortalSimulator,
} from '../src/portal';

let sim: PortalSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function submit(s: PortalSimulator, code: string, intake: 'TRUC_TUYEN' | 'TRUC_TIEP') {
  const res = await fetch(new URL(PORTAL_DOSSIER_PATH, s.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `k-${code}` },
    body: JSON.stringify({
      MaHoSo: code,
      MaThuTuc: '2.000815',
      ChuHoSo: { fullName: 'NGƯỜI THỬ NGHIỆM' },
      HinhThucTiepNhan: intake,
    }),
  });
  return (await res.json()) as Record<string, unknown>;
}

const status = async (s: PortalSimulator, code: string) =>
  (await (await fetch(new URL(`${PORTAL_DOSSIER_PATH}/${code}`, s.url))).json()) as Record<
    string,
    unknown
  >;

describe('portal simulator: acceptance', () => {
  it('accepts an electronic dossier by itself, with a register entry', async () => {
    sim = await startPortalSimulator();
    const ack = await submit(sim, 'T01-261207-0001', 'TRUC_TUYEN');
    expect(ack).toMatchObject({ TrangThai: 'DA_TIEP_NHAN', CanBoTiepNhan: AUTOMATIC_OFFICER });
    expect(ack['SoTheoDoi']).toEqual({ Quyen: expect.any(String), SoThuTu: '0001' });
  });

  it('keeps an electronic dossier waiting, or refuses it, as set', async () => {
    sim = await startPortalSimulator();
    sim.setElectronicAcceptance('never');
    expect((await submit(sim, 'T01-261207-0002', 'TRUC_TUYEN'))['TrangThai']).toBe('CHO_TIEP_NHAN');
    sim.setElectronicAcceptance('refuse');
    const refused = await submit(sim, 'T01-261207-0003', 'TRUC_TUYEN');
    expect(refused).toMatchObject({ TrangThai: 'TU_CHOI_TIEP_NHAN', LyDo: expect.any(String) });
  });

  it('a counter dossier waits on the officer screen until the officer accepts it', async () => {
    sim = await startPortalSimulator();
    const code = 'T01-261207-0004';
    expect((await submit(sim, code, 'TRUC_TIEP'))['TrangThai']).toBe('CHO_TIEP_NHAN');
    const page = await (await fetch(new URL('/can-bo', sim.url))).text();
    expect(page).toContain(code);
    const accept = await fetch(new URL(`/can-bo/ho-so/${code}/tiep-nhan`, sim.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'CanBo=C%C3%A1n+b%E1%BB%99+Th%E1%BB%AD',
      redirect: 'manual',
    });
    expect(accept.status).toBe(303);
    expect(await status(sim, code)).toMatchObject({
      TrangThai: 'DA_TIEP_NHAN',
      CanBoTiepNhan: 'Cán bộ Thử',
      SoTheoDoi: { SoThuTu: '0001' },
    });
    // Decided once: a second decision is refused and the page no longer lists it.
    const again = await fetch(new URL(`/can-bo/ho-so/${code}/tu-choi`, sim.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ CanBo: 'Khác', LyDo: 'x' }),
    });
    expect(again.status).toBe(409);
    expect(await (await fetch(new URL('/can-bo', sim.url))).text()).not.toContain(code);
  });

  it('a refusal needs a reason and is reported with it', async () => {
    sim = await startPortalSimulator();
    const code = 'T01-261207-0005';
    await submit(sim, code, 'TRUC_TIEP');
    const url = new URL(`/can-bo/ho-so/${code}/tu-choi`, sim.url);
    const post = (body: unknown) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post({ CanBo: 'Cán bộ Thử' })).status).toBe(422);
    expect((await post({ CanBo: 'Cán bộ Thử', LyDo: 'Thiếu bản chính' })).status).toBe(200);
    expect(await status(sim, code)).toMatchObject({
      TrangThai: 'TU_CHOI_TIEP_NHAN',
      LyDo: 'Thiếu bản chính',
    });
  });
});
