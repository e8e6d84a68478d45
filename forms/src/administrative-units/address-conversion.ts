import type { Address } from '../citizen';
import { toNfc } from '../text';
import type { Commune, Province } from './administrative-unit';
import { currentUnits } from './current-units';
import { formerUnits, type FormerUnit } from './former-units';
import { unitNameKey } from './unit-name';

/** An address as a source wrote it: two-level (since 1 July 2025) or three-level (before). */
export interface WrittenAddress {
  readonly province: string;
  readonly district?: string;
  readonly commune: string;
  readonly detail?: string;
}

/**
 * What became of a written address:
 * - `current`: already two-level and on the official list;
 * - `converted`: an old unit that went whole into one new commune;
 * - `divided`: an old commune split between several new ones, or a name several old communes of
 *   the province share: the citizen picks among `candidates`;
 * - `unknown`: not on either list; kept as written for the citizen to confirm.
 * `basis` names the resolutions the conversion rests on.
 */
export type AddressConversion =
  | { readonly kind: 'current'; readonly address: Address }
  | {
      readonly kind: 'converted';
      readonly address: Address;
      readonly basis: readonly string[];
    }
  | {
      readonly kind: 'divided';
      readonly address: Address;
      readonly candidates: readonly Commune[];
      readonly basis: readonly string[];
    }
  | { readonly kind: 'unknown'; readonly address: Address };

/** The resolution on provinces (Quốc hội) every conversion rests on. */
export const PROVINCE_RESOLUTION = '202/2025/QH15';

interface Indexes {
  readonly newProvinceByKey: ReadonlyMap<string, Province>;
  /** Old province codes by every name they had (renamed provinces included). */
  readonly oldProvinceByKey: ReadonlyMap<string, string>;
  readonly districtsByProvince: ReadonlyMap<string, readonly FormerUnit[]>;
  readonly communesByDistrict: ReadonlyMap<string, readonly FormerUnit[]>;
}

let indexes: Indexes | undefined;

function groupBy(units: readonly FormerUnit[]): Map<string, FormerUnit[]> {
  const groups = new Map<string, FormerUnit[]>();
  for (const unit of units) {
    const group = groups.get(unit.parent);
    if (group) group.push(unit);
    else groups.set(unit.parent, [unit]);
  }
  return groups;
}

function buildIndexes(): Indexes {
  if (indexes) return indexes;
  const current = currentUnits();
  const former = formerUnits();
  const oldProvinceByKey = new Map<string, string>();
  for (const p of former.provinces) oldProvinceByKey.set(unitNameKey(p.name), p.code);
  for (const [code, names] of former.formerNames) {
    for (const n of names) oldProvinceByKey.set(unitNameKey(n), code);
  }
  indexes = {
    newProvinceByKey: new Map(current.provinces.map((p) => [unitNameKey(p.name), p])),
    oldProvinceByKey,
    districtsByProvince: groupBy(former.districts),
    communesByDistrict: groupBy(former.communes),
  };
  return indexes;
}

const clean = (text: string | undefined): string | undefined => {
  const value = text === undefined ? undefined : toNfc(text).replace(/\s+/g, ' ').trim();
  return value ? value : undefined;
};

/** The written units, right to left, as the citizen's paper would show them. */
function writtenForm(written: WrittenAddress): string {
  return [written.commune, written.district, written.province]
    .map(clean)
    .filter((part): part is string => part !== undefined)
    .join(', ');
}

/** The province a written province name is now part of, by any name it had. */
export function currentProvinceOf(name: string): Province | undefined {
  const { newProvinceByKey, oldProvinceByKey } = buildIndexes();
  const key = unitNameKey(name);
  const direct = newProvinceByKey.get(key);
  if (direct) return direct;
  const oldCode = oldProvinceByKey.get(key);
  const newCode = oldCode && formerUnits().provinceConversion.get(oldCode);
  return newCode ? currentUnits().provinceByCode.get(newCode) : undefined;
}

/** The old provinces a written province name can stand for: itself, or those merged into it. */
function oldProvinceCodes(name: string): string[] {
  const { oldProvinceByKey } = buildIndexes();
  const key = unitNameKey(name);
  const old = oldProvinceByKey.get(key);
  const merged = buildIndexes().newProvinceByKey.get(key)?.mergedFrom ?? [];
  return [...new Set([...(old ? [old] : []), ...merged])];
}

/** Old communes of the named province (and district, when given) whose name matches. */
function oldCommunes(written: WrittenAddress): FormerUnit[] {
  const { districtsByProvince, communesByDistrict } = buildIndexes();
  const communeKey = unitNameKey(written.commune);
  const districtKey = written.district ? unitNameKey(written.district) : undefined;
  const found: FormerUnit[] = [];
  for (const province of oldProvinceCodes(written.province)) {
    for (const district of districtsByProvince.get(province) ?? []) {
      if (districtKey !== undefined && unitNameKey(district.name) !== districtKey) continue;
      for (const commune of communesByDistrict.get(district.code) ?? []) {
        if (unitNameKey(commune.name) === communeKey) found.push(commune);
      }
    }
  }
  return found;
}

/**
 * The island districts had no communes (Côn Đảo, Lý Sơn, ...): an address names the district,
 * in the district or the commune part, and it went whole into a đặc khu.
 */
function islandDistrictTargets(written: WrittenAddress): string[] {
  const { districtsByProvince } = buildIndexes();
  const keys = new Set([unitNameKey(written.commune), unitNameKey(written.district ?? '')]);
  return oldProvinceCodes(written.province).flatMap((province) =>
    (districtsByProvince.get(province) ?? [])
      .filter((d) => keys.has(unitNameKey(d.name)))
      .flatMap((d) => formerUnits().districtConversion.get(d.code) ?? []),
  );
}

function basisFor(province: Province): string[] {
  return [PROVINCE_RESOLUTION, province.communeResolution];
}

/**
 * Brings a written address into the two-level form, using the official conversion table. Nothing
 * the source said is dropped: the old form stays in `former` (and `district`), and what cannot be
 * converted with certainty is marked in `confirmation` for the citizen to confirm.
 */
export function convertAddress(written: WrittenAddress): AddressConversion {
  const current = currentUnits();
  const detail = clean(written.detail);
  const district = clean(written.district);
  const province = currentProvinceOf(written.province);
  const communeKey = unitNameKey(written.commune);
  const base = { ...(detail !== undefined ? { detail } : {}) };
  // Only a province written with its current name can head a two-level address: "Tỉnh Hà Giang,
  // Xã X" is an old address even without its district.
  const writtenAsCurrent = buildIndexes().newProvinceByKey.has(unitNameKey(written.province));

  if (province && writtenAsCurrent && district === undefined) {
    const matches = current.communes.filter(
      (c) => c.province === province.code && unitNameKey(c.name) === communeKey,
    );
    const [only] = matches;
    if (matches.length === 1 && only) {
      return {
        kind: 'current',
        address: { ...base, province: province.name, commune: only.name, communeCode: only.code },
      };
    }
  }

  const former = writtenForm(written);
  // The district is a hint: districts were renamed too (Thừa Thiên Huế's "Thành phố Huế" became
  // Quận Phú Xuân and Quận Thuận Hóa on 1 January 2025, NQ 1314/NQ-UBTVQH15), so a commune not
  // found under the written district is looked for in the whole province.
  const underDistrict = oldCommunes(written);
  const old =
    underDistrict.length > 0 || district === undefined
      ? underDistrict
      : oldCommunes({ province: written.province, commune: written.commune });
  const targets = [
    ...new Set([
      ...old.flatMap((c) => formerUnits().communeConversion.get(c.code) ?? []),
      ...islandDistrictTargets(written),
    ]),
  ].flatMap((code) => current.communeByCode.get(code) ?? []);
  const target = targets[0];
  const targetProvince = target && current.provinceByCode.get(target.province);
  const kept = { ...base, ...(district !== undefined ? { district } : {}), former };

  if (targets.length === 1 && target && targetProvince) {
    return {
      kind: 'converted',
      address: {
        ...kept,
        province: targetProvince.name,
        commune: target.name,
        communeCode: target.code,
      },
      basis: basisFor(targetProvince),
    };
  }
  if (targets.length > 1 && targetProvince) {
    return {
      kind: 'divided',
      address: { ...kept, province: targetProvince.name, commune: '', confirmation: 'divided' },
      candidates: targets,
      basis: basisFor(targetProvince),
    };
  }
  return {
    kind: 'unknown',
    address: {
      ...kept,
      province: province?.name ?? clean(written.province) ?? '',
      commune: clean(written.commune) ?? '',
      confirmation: 'unknown',
    },
  };
}
