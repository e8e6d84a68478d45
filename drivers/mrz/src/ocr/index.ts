export { readMrzFromImageFiles, type ImageReadResult } from './ocr-files';
export {
  readMrzFromImage,
  readBandWithTesseract,
  type MrzImageReading,
  type MrzOcrEngine,
} from './read-mrz-image';
export { readBandWithTemplates, type TemplateBandReading } from './template-reader';
export { OCR_B_FONT_PATH, MRZ_ALPHABET } from './ocrb-templates';
export {
  createTesseractRecognizer,
  englishLangPath,
  MRZ_WHITELIST,
  type TextRecognizer,
} from './tesseract-engine';
export { MrzFrameVoter, type FrameVoterOptions } from './frame-voter';
export { grayFromRgba, GrayFrameDecoder, loadGrayImage, type GrayImage } from './gray-image';
export { locateMrzBand, estimateSkew, type MrzBand } from './mrz-band';
