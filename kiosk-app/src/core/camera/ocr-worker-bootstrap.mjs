// Starts the camera OCR worker from TypeScript source (kiosk serve and the tests run through
// tsx, whose loader a worker thread does not inherit when it was registered in-process).
import { register } from 'tsx/esm/api';

register();
await import('./ocr-worker.ts');
