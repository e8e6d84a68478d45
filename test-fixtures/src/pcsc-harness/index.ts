export {
  cscaFolder,
  ensurePcscd,
  newCardService,
  nextEvent,
  placeCard,
  waitForReader,
} from './pcsc-harness';
