import { z } from 'zod';
import conversionFile from '../../administrative-units/conversion-2025-07.json';
import formerFile from '../../administrative-units/before-2025-07.json';
import { toNfc } from '../text';

/** A unit of the three-level list in force until 30 June 2025. */
export interface FormerUnit {
  readonly code: string;
  /** With its type, e.g. "Huyện Châu Thành". */
  readonly name: string;
  /** The code of the unit it belongs to (district → province, commune → district). */
  readonly parent: string;
}

export interface FormerUnits {
  readonly provinces: readonly FormerUnit[];
  readonly districts: readonly FormerUnit[];
  readonly communes: readonly FormerUnit[];
  /** Names a province had before it was renamed, e.g. `46` → "Tỉnh Thừa Thiên Huế". */
  readonly formerNames: ReadonlyMap<string, readonly string[]>;
  /** Old province code → new province code (Nghị quyết 202/2025/QH15). */
  readonly provinceConversion: ReadonlyMap<string, string>;
  /**
   * Old commune code → new commune codes: one when the whole commune went to one new commune,
   * several when it was divided (the Standing Committee resolution of the province).
   */
  readonly communeConversion: ReadonlyMap<string, readonly string[]>;
  /** The island districts that had no communes → the đặc khu each became. */
  readonly districtConversion: ReadonlyMap<string, readonly string[]>;
}

const code = (digits: number) => z.string().regex(new RegExp(`^\\d{${digits}}$`));
const name = z.string().min(1).transform(toNfc);

const formerSchema = z.object({
  formerNames: z.record(code(2), z.array(name)),
  provinces: z.array(z.tuple([code(2), name])),
  districts: z.array(z.tuple([code(3), name, code(2)])),
  communes: z.array(z.tuple([code(5), name, code(3)])),
});

const conversionSchema = z.object({
  provinces: z.record(code(2), code(2)),
  districts: z.record(code(3), z.array(code(5)).min(1)),
  communes: z.record(code(5), z.array(code(5)).min(1)),
});

let loaded: FormerUnits | undefined;

/** The list before 1 July 2025 and the conversion table to the current one, parsed once. */
export function formerUnits(): FormerUnits {
  if (loaded) return loaded;
  const former = formerSchema.parse(formerFile);
  const conversion = conversionSchema.parse(conversionFile);
  loaded = {
    provinces: former.provinces.map(([c, n]) => ({ code: c, name: n, parent: '' })),
    districts: former.districts.map(([c, n, p]) => ({ code: c, name: n, parent: p })),
    communes: former.communes.map(([c, n, p]) => ({ code: c, name: n, parent: p })),
    formerNames: new Map(Object.entries(former.formerNames)),
    provinceConversion: new Map(Object.entries(conversion.provinces)),
    communeConversion: new Map(Object.entries(conversion.communes)),
    districtConversion: new Map(Object.entries(conversion.districts)),
  };
  return loaded;
}
