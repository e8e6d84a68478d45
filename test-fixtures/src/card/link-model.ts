/**
 * How long an APDU exchange takes on the contactless link, so benchmarks through the virtual
 * card mean something: a fixed turnaround per APDU (card processing + frame waiting time)
 * plus the bytes at the link bit rate. ISO/IEC 14443-4 at 424 kbit/s by default.
 */
export interface LinkModel {
  /** Per-APDU turnaround in ms. */
  readonly latencyMs: number;
  /** Link bit rate; 0 = infinitely fast. */
  readonly bitsPerSecond: number;
}

export const ISO14443_424K: LinkModel = { latencyMs: 3, bitsPerSecond: 424_000 };
export const INSTANT_LINK: LinkModel = { latencyMs: 0, bitsPerSecond: 0 };

export function exchangeMs(link: LinkModel, commandBytes: number, responseBytes: number): number {
  const transfer =
    link.bitsPerSecond > 0 ? ((commandBytes + responseBytes) * 8 * 1000) / link.bitsPerSecond : 0;
  return link.latencyMs + transfer;
}
