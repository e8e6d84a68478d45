import type { Address, CitizenRecord, RelatedPerson, Sex } from '@kiosk/forms';
import { toTwoLevelAddress, type CommuneMapping } from './administrative-units';
import type { RegistryCardStatus } from './population-registry';
import {
  CARD_STATUS_CODES,
  type AddressWire,
  type CitizenWire,
  type RelatedWire,
} from './registry-wire';

const CARD_STATUS: ReadonlyMap<string, RegistryCardStatus> = new Map([
  [CARD_STATUS_CODES.inForce, 'in-force'],
  [CARD_STATUS_CODES.revoked, 'revoked'],
  [CARD_STATUS_CODES.cancelled, 'cancelled'],
]);

/**
 * The card's status from the registry's code: a code this kiosk does not know is `unknown` (kept,
 * logged, and not a reason on its own to stop the journey); no code at all is no status.
 */
export function cardStatusFromRegistry(code: string | undefined): RegistryCardStatus | undefined {
  if (code === undefined) return undefined;
  return CARD_STATUS.get(code.toUpperCase()) ?? 'unknown';
}

const SEX: Readonly<Record<CitizenWire['GioiTinh'], Sex>> = { '1': 'M', '2': 'F', '0': 'X' };

/**
 * `yyyyMMdd` with `00` for unknown parts → ISO `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (the registry
 * holds partial birth dates for people whose papers only gave a year). Undefined when invalid.
 */
export function registryDate(value: string): string | undefined {
  const year = value.slice(0, 4);
  const month = Number(value.slice(4, 6));
  const day = Number(value.slice(6, 8));
  if (Number(year) < 1800 || month > 12) return undefined;
  if (month === 0) return day === 0 ? year : undefined;
  const ym = `${year}-${value.slice(4, 6)}`;
  if (day === 0) return ym;
  const iso = `${ym}-${value.slice(6, 8)}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : undefined;
}

function address(
  wire: AddressWire | null | undefined,
  communes?: CommuneMapping,
): Address | undefined {
  if (!wire) return undefined;
  return toTwoLevelAddress(
    {
      province: wire.TinhThanhPho,
      district: wire.QuanHuyen,
      commune: wire.PhuongXa,
      detail: wire.ChiTiet,
    },
    communes,
  );
}

function related(wire: RelatedWire | null | undefined): RelatedPerson | undefined {
  if (!wire) return undefined;
  const year = wire.NamSinh && /^\d{4}$/.test(wire.NamSinh) ? Number(wire.NamSinh) : undefined;
  return withoutUndefined({
    fullName: wire.HoVaTen.normalize('NFC').trim(),
    personalId: wire.SoDinhDanh,
    birthYear: year,
  });
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Maps a validated registry citizen into the kiosk's record; fields the registry lacks are omitted. */
export function citizenFromRegistry(
  wire: CitizenWire,
  communes?: CommuneMapping,
): Partial<CitizenRecord> {
  const head = wire.ChuHo ? related(wire.ChuHo) : undefined;
  return withoutUndefined<Partial<CitizenRecord>>({
    personalId: wire.SoDinhDanh,
    oldIdNumber: wire.SoCMND,
    fullName: wire.HoVaTen.normalize('NFC').trim(),
    otherName: wire.TenGoiKhac,
    dateOfBirth: registryDate(wire.NgayThangNamSinh),
    sex: SEX[wire.GioiTinh],
    ethnicity: wire.DanToc,
    religion: wire.TonGiao,
    nationality: wire.QuocTich,
    placeOfOrigin: address(wire.QueQuan, communes),
    placeOfBirth: address(wire.NoiSinh, communes),
    birthRegistrationPlace: address(wire.NoiDangKyKhaiSinh, communes),
    permanentResidence: address(wire.ThuongTru, communes),
    temporaryResidence: address(wire.NoiTamTru, communes),
    currentResidence: address(wire.NoiOHienTai, communes),
    maritalStatus: wire.TinhTrangHonNhan,
    phone: wire.SoDienThoai,
    email: wire.Email,
    dateOfDeath: wire.NgayMat ? registryDate(wire.NgayMat) : undefined,
    father: related(wire.Cha),
    mother: related(wire.Me),
    spouse: related(wire.VoChong),
    householdHead: head
      ? withoutUndefined({ ...head, relation: wire.ChuHo?.QuanHeVoiChuHo })
      : undefined,
  });
}
