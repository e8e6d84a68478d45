import { z } from 'zod';
import communesFile from '../../administrative-units/communes.json';
import provincesFile from '../../administrative-units/provinces.json';
import { toNfc } from '../text';
import type { Commune, Province } from './administrative-unit';

const provincesSchema = z.object({
  provinces: z.array(
    z.strictObject({
      code: z.string().regex(/^\d{2}$/),
      name: z.string().min(1).transform(toNfc),
      type: z.enum(['tinh', 'thanh-pho']),
      mergedFrom: z.array(z.string().regex(/^\d{2}$/)).min(1),
      communeResolution: z.string().regex(/^\d{4}\/NQ-UBTVQH15$/),
    }),
  ),
});

/** Rows `[code, name, type, province]`, as the file's `columns` say: 3,321 objects would double it. */
const communesSchema = z.object({
  columns: z.tuple([
    z.literal('code'),
    z.literal('name'),
    z.literal('type'),
    z.literal('province'),
  ]),
  communes: z.array(
    z.tuple([
      z.string().regex(/^\d{5}$/),
      z.string().min(1).transform(toNfc),
      z.enum(['xa', 'phuong', 'dac-khu']),
      z.string().regex(/^\d{2}$/),
    ]),
  ),
});

export interface CurrentUnits {
  readonly provinces: readonly Province[];
  readonly communes: readonly Commune[];
  readonly provinceByCode: ReadonlyMap<string, Province>;
  readonly communeByCode: ReadonlyMap<string, Commune>;
}

let loaded: CurrentUnits | undefined;

/**
 * The 34 provinces and 3,321 communes, parsed once (the files ship with the package; a file
 * that does not parse is a build error, which the data test catches first).
 */
export function currentUnits(): CurrentUnits {
  if (loaded) return loaded;
  const provinces: Province[] = provincesSchema.parse(provincesFile).provinces;
  const communes: Commune[] = communesSchema
    .parse(communesFile)
    .communes.map(([code, name, type, province]) => ({ code, name, type, province }));
  loaded = {
    provinces,
    communes,
    provinceByCode: new Map(provinces.map((p) => [p.code, p])),
    communeByCode: new Map(communes.map((c) => [c.code, c])),
  };
  return loaded;
}

/** The communes of one province, in the order of the official list. */
export function communesOf(provinceCode: string): readonly Commune[] {
  return currentUnits().communes.filter((c) => c.province === provinceCode);
}
