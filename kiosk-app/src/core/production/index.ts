/** The core wired to a real kiosk's drivers and links (`kiosk serve` without `--demo`). */
export {
  createProductionPorts,
  type ProductionPorts,
  type ProductionPortsOptions,
} from './production-ports';
export { createProductionLinks } from './production-links';
export { startProduction, type RunningKiosk } from './start-production';
export { UnopenablePrinterTransport, UNASSIGNED_PRINTER_URI } from './unassigned-printer';
