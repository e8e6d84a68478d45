import type { DeviceView } from '@kiosk/protocol';
import type { DeviceEventSource } from '../core/ports';

type Listener<A extends unknown[]> = (...args: A) => void;

function listeners<A extends unknown[]>() {
  const set = new Set<Listener<A>>();
  return {
    on: (l: Listener<A>) => {
      set.add(l);
      return () => {
        set.delete(l);
      };
    },
    emit: (...args: A) => {
      for (const l of set) l(...args);
    },
  };
}

/** The demo's device events: the demo panel "places" cards and "scans" QR codes. */
export class DemoDevices implements DeviceEventSource {
  private readonly card = listeners<[string, string | undefined]>();
  private readonly removed = listeners<[]>();
  private readonly qr = listeners<[string]>();
  readonly readerName = 'Demo card reader';

  onCardPresented = this.card.on;
  onCardRemoved = this.removed.on;
  onQr = this.qr.on;

  present(mrz: string): void {
    this.card.emit(this.readerName, mrz);
  }

  remove(): void {
    this.removed.emit();
  }

  scan(text: string): void {
    this.qr.emit(text);
  }

  list(): DeviceView[] {
    return [
      {
        id: 'demo:card',
        role: 'cardReader',
        kind: 'cardReader',
        status: 'online',
        detail: 'in-process demo reader',
      },
      {
        id: 'demo:printer',
        role: 'receiptPrinter',
        kind: 'printer',
        status: 'online',
        detail: 'in-process demo printer',
      },
    ];
  }
}
