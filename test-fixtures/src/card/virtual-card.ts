import { setTimeout as sleep } from 'node:timers/promises';
import type { CitizenRecord } from '@kiosk/forms';
import type { MemoryCard } from '@kiosk/id-card';
import { syntheticCitizen } from '../citizens/synthetic-citizens';
import { buildCccdImage, type CccdImage, type CccdImageOptions } from './cccd-lds';
import { EmrtdApplet, type AppletOptions } from './emrtd-applet';
import { exchangeMs, ISO14443_424K, type LinkModel } from './link-model';
import { testPki, type TestPki } from './test-pki';
import { VpcdConnection, VPCD_POWER_OFF, VPCD_POWER_ON, VPCD_RESET } from './vpcd-connection';

/** ATR of a T=1 card without historical bytes (3B 80 80 01, TCK 01). */
export const VIRTUAL_CARD_ATR = Uint8Array.of(0x3b, 0x80, 0x80, 0x01, 0x01);

/**
 * vpcd listens on every address; on Linux we reach it through 127.0.0.2, for which
 * scripts/services/pcscd.sh adds a quickack route (vpcd's split writes otherwise cost ~40 ms
 * of delayed ACK per APDU). Without the route it still works, only slower.
 */
export const DEFAULT_VPCD_HOST =
  process.env.VPCD_HOST ?? (process.platform === 'linux' ? '127.0.0.2' : '127.0.0.1');

export interface VirtualCccdOptions extends AppletOptions, CccdImageOptions {}

export interface VirtualCccd {
  readonly citizen: CitizenRecord;
  readonly image: CccdImage;
  readonly applet: EmrtdApplet;
  readonly pki: TestPki;
  /** The card as the in-memory transport twin takes it. */
  readonly memoryCard: MemoryCard;
}

const citizenOf = (c: CitizenRecord | number | undefined): CitizenRecord =>
  typeof c === 'number' ? syntheticCitizen(c) : (c ?? syntheticCitizen(0));

/** A CCCD for one synthetic citizen, with no transport: for unit tests and the memory twin. */
export async function createVirtualCccd(
  citizen?: CitizenRecord | number,
  options: VirtualCccdOptions = {},
): Promise<VirtualCccd> {
  const c = citizenOf(citizen);
  const pki = await testPki();
  const image = await buildCccdImage(c, pki, options);
  const applet = new EmrtdApplet(image, options);
  return {
    citizen: c,
    image,
    applet,
    pki,
    memoryCard: {
      atr: VIRTUAL_CARD_ATR,
      transmit: (apdu) => Promise.resolve(applet.process(apdu)),
      reset: () => applet.reset(),
    },
  };
}

export interface VirtualCardOptions extends VirtualCccdOptions {
  /** vpcd port: 35963 = reader "Virtual PCD 00 00", 35964 = "Virtual PCD 00 01". */
  readonly port?: number;
  readonly host?: string;
  readonly citizen?: CitizenRecord | number;
  readonly link?: LinkModel;
  /** Take the card off the reader when this APDU arrives (it is never answered). */
  readonly removeAfterApdus?: number;
  /** Place the card at start (default true). */
  readonly inserted?: boolean;
}

export interface VirtualCard {
  readonly citizen: CitizenRecord;
  readonly mrz: readonly string[];
  readonly can: string;
  /** PEM of the test CSCA that signed the document signer: put it in the kiosk's CSCA folder. */
  readonly cscaCertificatePem: string;
  /** PEM of an unrelated test CSCA, to exercise `unknown-issuer`. */
  readonly otherCscaCertificatePem: string;
  readonly isInserted: boolean;
  /** APDUs answered since the card was last placed. */
  readonly apduCount: number;
  /** Places the card (optionally another citizen's): connects to vpcd. */
  insert(citizen?: CitizenRecord | number, options?: Partial<VirtualCardOptions>): Promise<void>;
  /** Takes the card off the reader: disconnects from vpcd. */
  remove(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A virtual CCCD on the real PC/SC stack: connects to vsmartcard's vpcd (run by pcscd, see
 * scripts/services/pcscd.sh) and answers as the card would, at the speed of the link model.
 * If pcscd restarts, the card reconnects by itself while it is "on the reader".
 */
export async function startVirtualCard(options: VirtualCardOptions = {}): Promise<VirtualCard> {
  const host = options.host ?? DEFAULT_VPCD_HOST;
  const port = options.port ?? 35963;
  let current: VirtualCccd = await createVirtualCccd(options.citizen, options);
  let currentOptions: VirtualCardOptions = options;
  let connection: VpcdConnection | undefined;
  let wantInserted = false;
  let closed = false;
  let apduCount = 0;
  let reconnecting: Promise<void> | undefined;

  const handler = {
    atr: () => VIRTUAL_CARD_ATR,
    control: (code: number) => {
      if (code === VPCD_POWER_ON || code === VPCD_RESET || code === VPCD_POWER_OFF)
        current.applet.reset();
    },
    apdu: async (command: Uint8Array): Promise<Uint8Array> => {
      apduCount++;
      const limit = currentOptions.removeAfterApdus;
      if (limit !== undefined && apduCount >= limit) {
        void card.remove();
        return new Promise<Uint8Array>(() => undefined);
      }
      const response = current.applet.process(command);
      const ms = exchangeMs(currentOptions.link ?? ISO14443_424K, command.length, response.length);
      if (ms > 0) await sleep(ms);
      return response;
    },
  };

  const connectOnce = async (): Promise<void> => {
    const c = await VpcdConnection.open(host, port, handler);
    connection = c;
    c.onClose(() => {
      if (connection === c) connection = undefined;
      if (wantInserted && !closed)
        reconnecting ??= reconnect().finally(() => (reconnecting = undefined));
    });
  };

  // pcscd restarted under us: keep trying while the card is meant to be on the reader.
  const reconnect = async (): Promise<void> => {
    while (wantInserted && !closed && !connection) {
      await sleep(200);
      try {
        if (wantInserted && !closed && !connection) await connectOnce();
      } catch {
        // vpcd not listening yet
      }
    }
  };

  const pem = (cert: { toString(format: 'pem'): string }): string => cert.toString('pem');
  const card: VirtualCard = {
    get citizen() {
      return current.citizen;
    },
    get mrz() {
      return current.image.mrz;
    },
    get can() {
      return current.image.can;
    },
    cscaCertificatePem: pem(current.pki.csca),
    otherCscaCertificatePem: pem(current.pki.otherCsca),
    get isInserted() {
      return connection !== undefined;
    },
    get apduCount() {
      return apduCount;
    },
    async insert(citizen, more) {
      if (citizen !== undefined || more) {
        currentOptions = { ...options, ...more };
        current = await createVirtualCccd(citizen ?? current.citizen, currentOptions);
      }
      if (connection) return;
      wantInserted = true;
      apduCount = 0;
      current.applet.reset();
      await connectOnce();
    },
    async remove() {
      wantInserted = false;
      const c = connection;
      connection = undefined;
      await c?.close();
    },
    async close() {
      closed = true;
      await card.remove();
    },
  };
  if (options.inserted !== false) await card.insert();
  return card;
}
