export * from './browser';
export { loadCatalogue, DEFAULT_PROCEDURES_DIR } from './catalogue';
export type { Catalogue } from './catalogue';
// The conversion table is large (10,047 former communes): the core uses it, the renderer does not.
export {
  convertAddress,
  currentProvinceOf,
  PROVINCE_RESOLUTION,
} from './administrative-units/address-conversion';
export type { AddressConversion, WrittenAddress } from './administrative-units/address-conversion';
export { formerUnits } from './administrative-units/former-units';
export type { FormerUnit, FormerUnits } from './administrative-units/former-units';
export * from './legal-acts';
