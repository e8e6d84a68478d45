export { readMrzFromImageFiles, type ImageReadResult } from './ocr-files';
export { readMrzFromImage, type MrzImageReading } from './read-mrz-image';
export {
  createTesseractRecognizer,
  englishLangPath,
  MRZ_WHITELIST,
  type TextRecognizer,
} from './tesseract-engine';
export { MrzFrameVoter, type FrameVoterOptions } from './frame-voter';
export { grayFromRgba, loadGrayImage, type GrayImage } from './gray-image';
export { locateMrzBand, estimateSkew, type MrzBand } from './mrz-band';
