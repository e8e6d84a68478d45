import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../core/log/logger';
import {
  certificatesOfPem,
  type ReceiptSigningSource,
} from '../core/receipt-pdf/receipt-pdf-service';
import { createDemoSigningToken, SOFTHSM2_MODULE } from './demo-signing-token';

/**
 * The demo signs its receipts with a SoftHSM2 token and a test CA of its own, made once under
 * `<dataDir>/signing-demo` (as `kiosk receipt pdf --demo` does). Without SoftHSM2 installed the
 * demo prints receipts unsigned and says so.
 */
export function demoReceiptSigning(
  dataDir: string,
  logger: Logger,
): ReceiptSigningSource | undefined {
  if (!existsSync(SOFTHSM2_MODULE)) {
    logger.warn('receipt-pdf.demo-unsigned', {
      reason: `no SoftHSM2 module at ${SOFTHSM2_MODULE}`,
    });
    return undefined;
  }
  try {
    const token = createDemoSigningToken(path.join(dataDir, 'signing-demo'));
    const { config } = token;
    return {
      config: () => Promise.resolve(config),
      signerName: config.signerName,
      location: config.location,
      trusted: certificatesOfPem(readFileSync(token.caCertificatePath, 'utf8')),
    };
  } catch (error) {
    logger.warn('receipt-pdf.demo-unsigned', {
      reason: error instanceof Error ? error.message : String(error),
    });
    return undefined;
  }
}
