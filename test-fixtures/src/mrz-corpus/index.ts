export {
  generateMrzCorpus,
  writeMrzCorpus,
  OCR_B_FONT,
  type MrzCorpusImage,
  type MrzCorpusOptions,
} from './mrz-corpus';
