export {
  generateMrzCorpus,
  writeMrzCorpus,
  OCR_B_FONT,
  type MrzCorpusImage,
  type MrzCorpusOptions,
} from './mrz-corpus';
export { renderMrzCardVideo, writeMrzCardVideo, type MrzCardVideoOptions } from './mrz-card-video';
export {
  generateVariedMrzCorpus,
  writeVariedMrzCorpus,
  type VariedMrzCorpusOptions,
  type VariedMrzImage,
  type VariedMrzMeta,
  type VariedMrzTruth,
} from './mrz-corpus-varied';
