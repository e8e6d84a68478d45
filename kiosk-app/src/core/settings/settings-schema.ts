import { LOCAL_CODE_SUFFIX } from '@kiosk/forms';
import { z } from 'zod';
import { UNIT_CODE_PATTERN } from '../dossier-code/dossier-code-format';
import type { KioskConfig } from '../config/kiosk-config';
import { holidayDatesSchema } from '../appointment/holiday-dates';
import { holidayTableSchema } from '../appointment/holiday-table';
import {
  cameraSettingsSchema,
  mrzReaderSettingsSchema,
  qrScannerSettingsSchema,
} from '@kiosk/protocol';

/** Device addresses the kiosk can open: PC/SC reader names are free text, printers are URIs. */
const PRINTER_URI = /^(usb|serial|tcp|file|cups|demo):\S{1,200}$/;

/**
 * The settings a technician may change at run time, validated as a whole (`.strict()`: an unknown
 * key is an error, not silently dropped). The start-up configuration supplies the defaults;
 * what is stored here overrides it.
 */
export const kioskSettingsSchema = z
  .object({
    centreName: z.string().min(1).max(200),
    receivingUnit: z.string().min(1).max(200),
    unitCode: z.string().regex(UNIT_CODE_PATTERN, 'unit code: A–Z, 0–9 and dots'),
    kioskNumber: z.number().int().min(1).max(9),
    collectAt: z.string().min(1).max(300),
    lookupBaseUrl: z.url({ protocol: /^https?$/ }),
    trackingHint: z.string().max(300),
    inactivitySeconds: z.number().int().min(10).max(600),
    warningSeconds: z.number().int().min(5).max(120),
    cardReader: z.string().min(1).max(200).optional(),
    printerUri: z
      .string()
      .regex(PRINTER_URI, 'printer URI: usb:, serial:, tcp:, file:, cups: or demo:')
      .optional(),
    printerProfile: z.string().min(1).max(40),
    /** Device roles set on the technician's device screen (`devices.assign`). */
    mrzReader: mrzReaderSettingsSchema.optional(),
    qrScanner: qrScannerSettingsSchema.optional(),
    camera: cameraSettingsSchema.optional(),
    /** Days a stored receipt is kept for reprints before it is purged. */
    retentionDays: z.number().int().min(1).max(3650),
    /** The centre's own days off (YYYY-MM-DD), on top of the bundled holiday tables. */
    holidays: holidayDatesSchema.default([]),
    /**
     * Yearly holiday tables newer than the bundled ones (e.g. the Government's decision for a
     * year the kiosk shipped a computed table for), loaded through a signed configuration
     * bundle. One table a year; it replaces the bundled table of that year.
     */
    holidayTables: z
      .array(holidayTableSchema)
      .max(10)
      .refine((tables) => new Set(tables.map((t) => t.year)).size === tables.length, {
        message: 'one holiday table per year',
      })
      .default([]),
    registry: z
      .object({
        url: z.url({ protocol: /^https?$/ }),
        /** OAuth2 token endpoint; with clientId and clientSecret the registry calls are signed. */
        tokenUrl: z.url({ protocol: /^https?$/ }).optional(),
        clientId: z.string().max(200).optional(),
        clientSecret: z.string().max(500).optional(),
        codes: z
          .object({
            maTichHop: z.string().min(1).max(100),
            maDVC: z.string().min(1).max(100),
            maCanBo: z.string().min(1).max(100),
          })
          .strict()
          .optional(),
        /** `registry.prefetch` of the configuration (ask before the procedure is chosen). */
        prefetch: z.boolean().optional(),
      })
      .strict()
      .optional(),
    portal: z
      .object({
        url: z.url({ protocol: /^https?$/ }),
        token: z.string().max(2000).optional(),
        /** `portal.localCodeSuffix` of the configuration (`000.00.00.H56`). */
        localCodeSuffix: z.string().regex(LOCAL_CODE_SUFFIX).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type KioskSettings = z.infer<typeof kioskSettingsSchema>;
export const SETTING_KEYS = Object.keys(kioskSettingsSchema.shape) as (keyof KioskSettings)[];

export const DEFAULT_RETENTION_DAYS = 30;

/** The settings as the start-up configuration has them. */
export function settingsFromConfig(config: KioskConfig): KioskSettings {
  return {
    centreName: config.centreName,
    receivingUnit: config.receivingUnit,
    unitCode: config.unitCode,
    kioskNumber: config.kioskNumber,
    collectAt: config.collectAt,
    lookupBaseUrl: config.lookupBaseUrl,
    trackingHint: config.trackingHint,
    inactivitySeconds: config.inactivitySeconds,
    warningSeconds: config.warningSeconds,
    cardReader: config.cardReader,
    printerUri: config.printerUri,
    printerProfile: config.printerProfile,
    retentionDays: config.retentionDays,
    holidays: [],
    holidayTables: [],
    registry: config.registry,
    portal: config.portal,
  };
}
