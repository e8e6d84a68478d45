import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CitizenRecord } from '@kiosk/forms';
import { syntheticCitizens } from '@kiosk/test-fixtures';
import { startRegistrySimulator, type RegistrySimulator } from '@kiosk/test-fixtures/registry';
import { parseKioskConfig } from '../../src/core/config/kiosk-config';
import { startKioskCore, type RunningCore } from '../../src/core/kiosk-core';
import { createLinkClients } from '../../src/core/links/link-clients';
import { createLogger } from '../../src/core/log/logger';
import { createDemoPorts } from '../../src/demo/demo-ports';
import type { JourneyView } from '@kiosk/protocol';
import { TestClient } from '../core-harness';

/** The codes the platform issued this test kiosk; `maDVC` is the prefetch's fallback. */
export const TEST_INTEGRATION_CODES = {
  maTichHop: 'TH-KIOSK-07',
  maDVC: 'KIOSK',
  maCanBo: 'CB-KIOSK-07',
};

export interface IdentityTestKiosk {
  readonly core: RunningCore;
  readonly registry: RegistrySimulator;
  readonly citizens: readonly CitizenRecord[];
  stop(): Promise<void>;
}

/**
 * The real core with the production registry client (OAuth2, integration wire format) talking
 * to the registry simulator over HTTP; the other ports are the demo stand-ins.
 */
export async function startIdentityTestKiosk(
  options: {
    readonly log?: (line: string) => void;
    /** `registry.prefetch`: ask as soon as the identity is known (default: once chosen). */
    readonly prefetch?: boolean;
  } = {},
): Promise<IdentityTestKiosk> {
  const citizens = syntheticCitizens(40);
  const registry = await startRegistrySimulator({
    citizens,
    fallbackServiceCode: TEST_INTEGRATION_CODES.maDVC,
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-identity-'));
  const config = parseKioskConfig({
    dataDir,
    port: 0,
    registry: {
      url: registry.url,
      tokenUrl: registry.tokenUrl,
      clientId: registry.clientId,
      clientSecret: registry.clientSecret,
      codes: TEST_INTEGRATION_CODES,
      prefetch: options.prefetch ?? false,
    },
  });
  const links = createLinkClients({});
  const core = await startKioskCore({
    config,
    ports: { ...createDemoPorts(dataDir), registry: links.registry, links },
    logger: createLogger(options.log ?? (() => undefined)),
  });
  return {
    core,
    registry,
    citizens,
    async stop() {
      await core.stop();
      await links.close();
      await registry.close();
    },
  };
}

/** A client that keeps every raw frame the core sent, to search the whole payload. */
export async function recordingClient(
  core: RunningCore,
): Promise<{ client: TestClient; frames: string[] }> {
  const client = await TestClient.connect(core);
  const frames: string[] = [];
  client.socket.on('message', (data) => frames.push(String(data)));
  return { client, frames };
}

/** Presents an MRZ as the camera does, then picks a procedure; returns the review form's view. */
export async function mrzToReviewForm(
  client: TestClient,
  mrz: string,
  procedureCode: string,
): Promise<{ chosen: JourneyView; review: JourneyView }> {
  const choosing = client.step('choosingProcedure');
  await client.request({ type: 'journey.mrzCaptured', text: mrz });
  const chosen = (await choosing).view;
  const reviewing = client.step('reviewingForm');
  await client.request({ type: 'journey.selectProcedure', code: procedureCode });
  const review = (await reviewing).view;
  return { chosen, review };
}

/** Every value the registry holds about a citizen that a card's MRZ does not print. */
export function registryOnlyValues(citizen: CitizenRecord): string[] {
  const values = [
    citizen.father?.fullName,
    citizen.mother?.fullName,
    citizen.spouse?.fullName,
    citizen.householdHead?.fullName,
    citizen.permanentResidence?.detail,
    citizen.currentResidence?.detail,
    citizen.placeOfOrigin?.commune,
    citizen.oldIdNumber,
  ];
  return values.filter((v): v is string => typeof v === 'string' && v !== '');
}
