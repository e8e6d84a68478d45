import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startRegistrySimulator, type RegistrySimulator } from '@kiosk/test-fixtures/registry';
import { createResilience, JsonHttpClient, HttpPopulationRegistry } from '../../src/core/links';
import { mergeCitizenSources } from '../../src/core/identity';
import { registryClient, TEST_CODES, TEST_RESILIENCE } from './clients';

let sim: RegistrySimulator;
let client: ReturnType<typeof registryClient>;

beforeAll(async () => {
  sim = await startRegistrySimulator({ citizens: undefined });
  client = registryClient(sim);
});
afterAll(async () => {
  await client.http.close();
  await sim.close();
});
afterEach(() => sim.setMode({ kind: 'normal' }));

const someone = () => sim.citizens[7]!;
const query = () => ({
  personalId: someone().personalId,
  fullName: someone().fullName,
  dateOfBirth: someone().dateOfBirth,
});

describe('population registry client against the simulator', () => {
  it('finds a citizen and maps the record, sending the provincial request shape', async () => {
    const result = await client.registry.lookup(query());
    expect(result.kind).toBe('found');
    if (result.kind !== 'found') return;
    const c = someone();
    expect(result.record).toMatchObject({
      personalId: c.personalId,
      fullName: c.fullName,
      dateOfBirth: c.dateOfBirth,
      sex: c.sex,
      ethnicity: c.ethnicity,
      father: { fullName: c.father?.fullName },
      householdHead: { fullName: c.householdHead?.fullName, relation: 'Con' },
    });
    expect(result.record.permanentResidence?.commune).toBe(c.permanentResidence?.commune);
    expect(sim.lastRequest).toEqual({
      MaYeuCau: expect.stringMatching(/^[0-9a-f-]{36}$/),
      MaTichHop: TEST_CODES.maTichHop,
      MaDVC: TEST_CODES.maDVC,
      MaCanBo: TEST_CODES.maCanBo,
      SoDinhDanh: c.personalId,
      HoVaTen: c.fullName,
      NgayThangNamSinh: c.dateOfBirth.replaceAll('-', ''),
    });
  });

  it("sends the chosen procedure's national code as MaDVC, the configured one without it", async () => {
    expect((await client.registry.lookup({ ...query(), procedureCode: '1.001193' })).kind).toBe(
      'found',
    );
    expect(sim.lastRequest).toMatchObject({ MaDVC: '1.001193' });
    await client.registry.lookup(query());
    expect(sim.lastRequest).toMatchObject({ MaDVC: TEST_CODES.maDVC });
  });

  it.each(['1.1193', '1.001193.000.00.00.H56', 'KIOSK', ''])(
    'the simulator refuses MaDVC %j: not a national procedure code nor the fallback',
    async (procedureCode) => {
      const result = await client.registry.lookup({ ...query(), procedureCode });
      expect(result).toMatchObject({ kind: 'unavailable', reason: 'rejected' });
    },
  );

  it("the simulator takes the platform's fallback code of a prefetch when it is told it", async () => {
    const withFallback = await startRegistrySimulator({ fallbackServiceCode: 'KIOSK-TRA-CUU' });
    const codes = { ...TEST_CODES, maDVC: 'KIOSK-TRA-CUU' };
    const prefetching = registryClient(withFallback, TEST_RESILIENCE, codes);
    const stranger = registryClient(sim, TEST_RESILIENCE, codes);
    try {
      const holder = withFallback.citizens[7]!;
      const asked = {
        personalId: holder.personalId,
        fullName: holder.fullName,
        dateOfBirth: holder.dateOfBirth,
      };
      expect((await prefetching.registry.lookup(asked)).kind).toBe('found');
      expect(withFallback.lastRequest).toMatchObject({ MaDVC: 'KIOSK-TRA-CUU' });
      expect(await stranger.registry.lookup(query())).toMatchObject({
        kind: 'unavailable',
        reason: 'rejected',
      });
    } finally {
      await prefetching.http.close();
      await stranger.http.close();
      await withFallback.close();
    }
  });

  it('answers notFound for an unknown personal ID', async () => {
    expect(await client.registry.lookup({ ...query(), personalId: '099999999999' })).toEqual({
      kind: 'notFound',
    });
  });

  it('answers notFound unless the ID, the full name and the full date of birth all match', async () => {
    const c = someone();
    const wrongDay = c.dateOfBirth.endsWith('-01') ? '-02' : '-01';
    for (const asked of [
      { ...query(), fullName: 'Kẻ Giả Mạo' },
      { ...query(), dateOfBirth: `${c.dateOfBirth.slice(0, 7)}${wrongDay}` },
      { ...query(), dateOfBirth: `${c.dateOfBirth.slice(0, 4)}-01-01`, fullName: 'KE GIA MAO' },
    ])
      expect(await client.registry.lookup(asked)).toEqual({ kind: 'notFound' });
    // An MRZ name (no diacritics) is the same name.
    const latin = c.fullName
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D');
    expect((await client.registry.lookup({ ...query(), fullName: latin.toUpperCase() })).kind).toBe(
      'found',
    );
  });

  it.each([
    [{ kind: 'fail' } as const, 'server-error'],
    [{ kind: 'stall' } as const, 'timeout'],
    [{ kind: 'slow', delayMs: 2_000 } as const, 'timeout'],
    [{ kind: 'malformed' } as const, 'malformed-response'],
    [
      { kind: 'malformed', body: '{"MaKetQua":"00","CongDan":{"SoDinhDanh":"x"}}' } as const,
      'malformed-response',
    ],
    [{ kind: 'different-person' } as const, 'different-person'],
  ])('mode %j → unavailable(%s), never an exception', async (mode, reason) => {
    sim.setMode(mode);
    expect(await client.registry.lookup(query())).toMatchObject({ kind: 'unavailable', reason });
  });

  it('still answers when the registry is slow but within the timeout', async () => {
    sim.setMode({ kind: 'slow', delayMs: 20 });
    expect((await client.registry.lookup(query())).kind).toBe('found');
  });

  it('surfaces a chip/registry disagreement through the merge', async () => {
    sim.setMode({ kind: 'altered' });
    const result = await client.registry.lookup(query());
    expect(result.kind).toBe('found');
    if (result.kind !== 'found') return;
    const merged = mergeCitizenSources(
      { chip: someone(), registry: result.record },
      'chip-verified',
    );
    if (!merged.ok) throw new Error(merged.message);
    const facts = merged.citizen;
    expect(facts.record.fullName).toBe(someone().fullName);
    expect(facts.provenance.currentResidence).toBe('registry');
    expect(facts.mismatches.map((m) => m.field)).toContain('currentResidence');
  });

  it('maps an old three-level address, keeping the district', async () => {
    sim.setMode({ kind: 'three-level' });
    const result = await client.registry.lookup(query());
    expect(result).toMatchObject({
      kind: 'found',
      record: { permanentResidence: { district: 'Huyện Trung Tâm' } },
    });
  });

  it('reports bad client credentials as auth', async () => {
    const http = new JsonHttpClient(
      {
        baseUrl: sim.url,
        auth: {
          kind: 'oauth2',
          tokenUrl: sim.tokenUrl,
          clientId: sim.clientId,
          clientSecret: 'wrong',
        },
      },
      createResilience(TEST_RESILIENCE),
    );
    const registry = new HttpPopulationRegistry({ client: http, codes: TEST_CODES });
    expect(await registry.lookup(query())).toMatchObject({ kind: 'unavailable', reason: 'auth' });
    await http.close();
  });

  it('opens the circuit after repeated failures and stops calling the registry', async () => {
    const { registry, http } = registryClient(sim, {
      ...TEST_RESILIENCE,
      maxAttempts: 1,
      breaker: { consecutiveFailures: 3, halfOpenAfterMs: 60_000 },
    });
    sim.setMode({ kind: 'fail' });
    for (let i = 0; i < 3; i += 1) await registry.lookup(query());
    const before = sim.requestCount;
    expect(await registry.lookup(query())).toMatchObject({
      kind: 'unavailable',
      reason: 'circuit-open',
    });
    expect(sim.requestCount).toBe(before);
    await http.close();
  });

  it('reports a registry that is not running as a network failure', async () => {
    const { registry, http } = registryClient({
      ...sim,
      url: 'http://127.0.0.1:9/',
      tokenUrl: 'http://127.0.0.1:9/oauth/token',
    });
    expect(await registry.lookup(query())).toMatchObject({
      kind: 'unavailable',
      reason: 'network',
    });
    await http.close();
  });
});
