export {
  generateMrzCorpus,
  writeMrzCorpus,
  OCR_B_FONT,
  type MrzCorpusImage,
  type MrzCorpusOptions,
} from './mrz-corpus';
export { renderMrzCardVideo, writeMrzCardVideo, type MrzCardVideoOptions } from './mrz-card-video';
