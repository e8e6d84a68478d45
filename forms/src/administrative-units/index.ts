export type { Commune, CommuneType, Province, ProvinceType } from './administrative-unit';
export { currentUnits, communesOf } from './current-units';
export type { CurrentUnits } from './current-units';
export { searchUnits } from './unit-search';
export { unitNameKey } from './unit-name';
