/**
 * Where QR texts come from: a `@kiosk/scanner` scanner (`HidScanner`, `SerialScanner`) has this
 * shape already; `ManualScanSource` is the injectable one for the demo panel and tests.
 */
export interface ScanSource {
  onScan(listener: (scan: { readonly text: string }) => void): () => void;
}

export class ManualScanSource implements ScanSource {
  private readonly listeners = new Set<(scan: { readonly text: string }) => void>();

  onScan(listener: (scan: { readonly text: string }) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Delivers `text` as if a scanner had read it. */
  scan(text: string): void {
    for (const listener of [...this.listeners]) listener({ text });
  }
}
