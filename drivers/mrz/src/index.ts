export * from './codec';
export {
  MrzFrameDecoder,
  encodeMrzFrame,
  type FrameEvent,
  type LineTerminator,
  type MrzFraming,
} from './serial/mrz-framing';
export { SerialMrzReader, type SerialMrzReaderOptions } from './serial/serial-mrz-reader';
