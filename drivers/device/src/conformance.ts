/** Test-only entry: the shared conformance suites (they import vitest). */
export {
  describeSerialPortsConformance,
  type SerialDeviceEnd,
  type SerialPortsFixture,
} from './serial/serial-ports-conformance';
