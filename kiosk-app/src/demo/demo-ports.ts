import { join } from 'node:path';
import type { CorePorts } from '../core/kiosk-core';
import { DemoDevices } from './demo-devices';
import { DemoGateway } from './demo-gateway';
import { DemoIdentityReader } from './demo-identity-reader';
import { DemoPrinter } from './demo-printer';
import { DemoRegistry } from './demo-registry';
import { demoCitizens, demoQrText } from './demo-citizens';

export interface DemoPorts extends CorePorts {
  readonly printerStandIn: DemoPrinter;
  /** Folder where the demo printer writes each printed slip. */
  readonly printedDir: string;
  /** The demo's device events, to "scan" a code as a scanner would. */
  readonly demoDevices: DemoDevices;
}

/**
 * Wires the core to in-process stand-ins: a synthetic citizen's card placed from the demo panel
 * is "read" by a reader that also sees its MRZ (as a full-page document reader does).
 */
export function createDemoPorts(dataDir: string): DemoPorts {
  const identity = new DemoIdentityReader();
  const devices = new DemoDevices();
  const printedDir = join(dataDir, 'printed');
  const printer = new DemoPrinter(printedDir);
  const citizen = (i: number) => {
    const c = demoCitizens[i];
    if (!c) throw new RangeError(`there are ${demoCitizens.length} demo citizens`);
    return c;
  };
  return {
    identity,
    registry: new DemoRegistry(),
    printer,
    printerStandIn: printer,
    printedDir,
    gateway: new DemoGateway(),
    devices,
    demoDevices: devices,
    demo: {
      placeCard: (i) => {
        citizen(i);
        identity.place(i);
        devices.present(`demo-mrz-${i}`);
      },
      removeCard: () => {
        identity.remove();
        devices.remove();
      },
      scanQr: (i) => devices.scan(demoQrText(citizen(i))),
      scanText: (text) => devices.scan(text),
      setPrinterPaper: (paper) => {
        printer.paperOut = paper === 'out';
      },
    },
  };
}
