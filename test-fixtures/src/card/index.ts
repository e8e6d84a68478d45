/**
 * The virtual CCCD: `startVirtualCard` puts it on the real PC/SC stack (pcscd + vpcd),
 * `createVirtualCccd` gives the same card for the in-memory transport twin.
 */
export { startVirtualCard, createVirtualCccd, VIRTUAL_CARD_ATR } from './virtual-card';
export type {
  VirtualCard,
  VirtualCardOptions,
  VirtualCccd,
  VirtualCccdOptions,
} from './virtual-card';
export { EmrtdApplet, type AppletOptions } from './emrtd-applet';
export {
  buildCccdImage,
  buildDg1,
  buildDg2,
  buildDg13,
  buildSod,
  type CccdImage,
  type CccdImageOptions,
} from './cccd-lds';
export { cccdMrz, mrzName, documentNumberOf } from './cccd-mrz';
export { ISO14443_424K, INSTANT_LINK, exchangeMs, type LinkModel } from './link-model';
export { testPki, type TestPki } from './test-pki';
