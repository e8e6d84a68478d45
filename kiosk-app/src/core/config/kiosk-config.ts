import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { LOCAL_CODE_SUFFIX } from '@kiosk/forms';
import { UNIT_CODE_PATTERN } from '../dossier-code/dossier-code-format';
import { paymentConfigSchema } from '../payment/payment-config';
import { queueConfigSchema } from '../queue/queue-config';
import { receiptSigningSettingsSchema } from '../receipt-pdf/signing-config';

/**
 * The kiosk's configuration. Read once at start from a JSON file (`--config`), validated as a
 * whole; an invalid file stops the start with a message naming the key and the problem. An
 * unknown key is refused too: a misspelt setting (`printerURI`, `clientSecert`) would otherwise
 * be dropped without a word and the kiosk would run without it.
 */
export const kioskConfigSchema = z.strictObject({
  kioskId: z.string().min(1).max(32).default('KIOSK-01'),
  /** Kiosk number 1–9 within the centre; picks its dossier-number block. */
  kioskNumber: z.number().int().min(1).max(9).default(1),
  centreName: z.string().min(1).default('Trung tâm Phục vụ hành chính công'),
  receivingUnit: z.string().min(1).default('Bộ phận Một cửa'),
  unitCode: z.string().regex(UNIT_CODE_PATTERN).default('H01'),
  collectAt: z.string().min(1).default('Quầy trả kết quả, Trung tâm Phục vụ hành chính công'),
  /**
   * Procedure codes this centre lists first in the catalogue, most asked first (issue 21: recent
   * or frequent procedures come first); the rest follow in the catalogue's own order.
   */
  catalogueFirst: z
    .array(z.string().regex(/^\d+\.\d{6}$/))
    .max(50)
    .default([]),
  lookupBaseUrl: z.url().default('https://dichvucong.example.gov.vn/tra-cuu'),
  trackingHint: z
    .string()
    .default('Tra cứu trên Cổng dịch vụ công hoặc nhắn tin theo hướng dẫn tại quầy'),
  /**
   * The short code (đầu số) the one-stop system sends dossier status SMS from (issue 18). The
   * slip's SMS line names it for a citizen who ticked "Nhận tin nhắn SMS về tình trạng hồ sơ";
   * without it the slip has no SMS line.
   */
  smsShortCode: z
    .string()
    .regex(/^\d{3,6}$/, 'SMS short code: 3 to 6 digits')
    .optional(),
  dataDir: z.string().min(1).default('.kiosk-data'),
  port: z.number().int().min(0).max(65535).default(0),
  /**
   * The Prometheus port (`/metrics`, `/livez`, `/readyz`; `kiosk serve --metrics-port`); without
   * it no monitoring port is opened. 0 picks a free port.
   */
  metricsPort: z.number().int().min(0).max(65535).optional(),
  /** Where the monitoring port listens: loopback unless the province scrapes over its network. */
  metricsHost: z.string().min(1).default('127.0.0.1'),
  /** A file holding the bearer token scrapers must send (mode 0600 or stricter). */
  metricsTokenFile: z.string().min(1).optional(),
  /** TLS for the monitoring port; with `clientCaFile` a scraper needs a certificate (mTLS). */
  metricsTls: z
    .object({
      certFile: z.string().min(1),
      keyFile: z.string().min(1),
      clientCaFile: z.string().min(1).optional(),
    })
    .optional(),
  /** How often the gauges read from the store and the devices (outbox, printer, disk) refresh. */
  metricsSampleSeconds: z.number().int().min(1).max(300).default(15),
  /** Seconds of inactivity before the warning, and length of the warning. */
  /** Days personal data is kept before the purge job removes it. */
  retentionDays: z.number().int().min(1).max(3650).default(30),
  /**
   * The CSCA trust store (`kiosk trust import`); an installed kiosk keeps it in its root-owned
   * configuration root (`/etc/cccd-kiosk/csca`), by default `<dataDir>/csca`.
   */
  trustDir: z.string().min(1).optional(),
  /**
   * The public keys signed configuration bundles must be signed with (`*.pem`, Ed25519 SPKI);
   * an installed kiosk keeps them in its root-owned configuration root
   * (`/etc/cccd-kiosk/config-signers`). Without it `kiosk config apply` refuses every bundle.
   */
  configSignersDir: z.string().min(1).optional(),
  /**
   * A folder the core watches for signed configuration bundles (`*.json`, copied under a
   * dot-name and renamed into place); each is applied like `kiosk config apply` and moved to
   * `applied/` or `refused/` (with a `.reason.txt`). Without it no folder is watched.
   */
  configInboxDir: z.string().min(1).optional(),
  /** The at-rest encryption key (provisioned at install, outside the data folder). */
  keyFile: z.string().min(1).optional(),
  inactivitySeconds: z.number().int().min(10).max(600).default(60),
  warningSeconds: z.number().int().min(5).max(120).default(15),
  cardReader: z.string().optional(),
  printerUri: z.string().optional(),
  printerProfile: z.string().default('epson-80mm-tcvn3'),
  /** National Population Database integration (provincial integration platform). */
  registry: z
    .strictObject({
      url: z.url(),
      /** OAuth2 client-credentials token endpoint; without it no auth header is sent. */
      tokenUrl: z.url().optional(),
      clientId: z.string().optional(),
      clientSecret: z.string().optional(),
      /**
       * Integration codes: `maDVC` is only the fallback service code a prefetch is sent with; a
       * lookup for a chosen procedure sends that procedure's national code as MaDVC.
       */
      codes: z
        .strictObject({ maTichHop: z.string(), maDVC: z.string(), maCanBo: z.string() })
        .default({ maTichHop: 'TH-KIOSK', maDVC: 'KIOSK', maCanBo: 'KIOSK' }),
      /**
       * Ask the registry as soon as the card gives the identity, before the citizen chooses a
       * procedure, under the fallback `codes.maDVC`; the answer is reused for the procedure
       * chosen. Faster forms, but a lookup for someone who may walk away: off unless the
       * centre's data-protection assessment allows it (purpose limitation).
       */
      prefetch: z.boolean().default(false),
    })
    .optional(),
  /** The one-stop system (hệ thống một cửa điện tử) dossier endpoint. */
  portal: z
    .strictObject({
      url: z.url(),
      /**
       * The province's local procedure code suffix (`000.00.00.H56`): the dossier's procedure
       * code goes to the one-stop system as `1.001612.000.00.00.H56`; without it, the national
       * code alone.
       */
      localCodeSuffix: z
        .string()
        .regex(LOCAL_CODE_SUFFIX, 'a local code suffix looks like "000.00.00.H56"')
        .optional(),
    })
    .optional(),
  /** Fees paid by VietQR (issue 17); without it fees are paid at the counter. */
  payment: paymentConfigSchema.optional(),
  /** The centre's queue system and its counter groups by field (issue 18). */
  queue: queueConfigSchema,
  /** The PKCS#11 token that signs receipt PDFs (issue 17); without it no PDF is signed. */
  receiptSigning: receiptSigningSettingsSchema.optional(),
});

export type KioskConfig = z.infer<typeof kioskConfigSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function parseKioskConfig(value: unknown, origin = 'configuration'): KioskConfig {
  const parsed = kioskConfigSchema.safeParse(value);
  if (!parsed.success) {
    throw new ConfigError(`${origin} is invalid:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

export function loadKioskConfig(file: string | undefined): KioskConfig {
  if (!file) return parseKioskConfig({});
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(
      `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return parseKioskConfig(raw, file);
}
