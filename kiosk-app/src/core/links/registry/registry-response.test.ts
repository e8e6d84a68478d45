import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { interpretRegistryResponse } from './http-population-registry';
import { registryDate } from './registry-mapping';

const ID = '001090012345';
const QUERY = { personalId: ID, fullName: 'Nguyễn Văn An', dateOfBirth: '1990-01-15' };
const citizen = {
  SoDinhDanh: ID,
  SoCMND: '012345678',
  HoVaTen: 'Nguyễn Văn An',
  NgayThangNamSinh: '19900115',
  GioiTinh: '1',
  DanToc: 'Kinh',
  TonGiao: 'Không',
  QuocTich: 'Việt Nam',
  QueQuan: { TinhThanhPho: 'Tỉnh Nam Định', QuanHuyen: 'Huyện Hải Hậu', PhuongXa: 'Xã Hải Anh' },
  ThuongTru: {
    TinhThanhPho: 'Thành phố Hà Nội',
    PhuongXa: 'Phường Ba Đình',
    ChiTiet: 'Số 1 phố Điện Biên Phủ',
  },
  NoiOHienTai: null,
  Cha: { HoVaTen: 'Nguyễn Văn Bình', NamSinh: '1960' },
  Me: { HoVaTen: 'Trần Thị Cúc' },
  VoChong: null,
  ChuHo: { HoVaTen: 'Nguyễn Văn Bình', SoDinhDanh: '001060000001', QuanHeVoiChuHo: 'Con' },
};

describe('interpretRegistryResponse', () => {
  it('maps a found citizen into the kiosk record', () => {
    const result = interpretRegistryResponse({ MaKetQua: '00', CongDan: citizen }, QUERY);
    expect(result).toEqual({
      kind: 'found',
      record: {
        personalId: ID,
        oldIdNumber: '012345678',
        fullName: 'Nguyễn Văn An',
        dateOfBirth: '1990-01-15',
        sex: 'M',
        ethnicity: 'Kinh',
        religion: 'Không',
        nationality: 'Việt Nam',
        placeOfOrigin: {
          province: 'Tỉnh Ninh Bình',
          commune: 'Xã Hải Anh',
          // NQ 1674/NQ-UBTVQH15 kept the name for the merged commune; the code is the new list's.
          communeCode: '14236',
          district: 'Huyện Hải Hậu',
          former: 'Xã Hải Anh, Huyện Hải Hậu, Tỉnh Nam Định',
        },
        permanentResidence: {
          province: 'Thành phố Hà Nội',
          commune: 'Phường Ba Đình',
          communeCode: '00004',
          detail: 'Số 1 phố Điện Biên Phủ',
        },
        father: { fullName: 'Nguyễn Văn Bình', birthYear: 1960 },
        mother: { fullName: 'Trần Thị Cúc' },
        householdHead: { fullName: 'Nguyễn Văn Bình', personalId: '001060000001', relation: 'Con' },
      },
    });
  });
  it('reports no record, another person and error codes as values', () => {
    expect(interpretRegistryResponse({ MaKetQua: '01' }, QUERY)).toEqual({
      kind: 'notFound',
    });
    expect(
      interpretRegistryResponse(
        { MaKetQua: '00', CongDan: { ...citizen, SoDinhDanh: '079190000002' } },
        QUERY,
      ),
    ).toMatchObject({ kind: 'unavailable', reason: 'different-person' });
    expect(
      interpretRegistryResponse({ MaKetQua: '99', MoTa: 'Lỗi hệ thống' }, QUERY),
    ).toMatchObject({
      kind: 'unavailable',
      reason: 'rejected',
    });
    expect(interpretRegistryResponse({ MaKetQua: '00' }, QUERY)).toMatchObject({
      reason: 'malformed-response',
    });
  });
  it('never throws on arbitrary bodies (fuzz)', () => {
    fc.assert(
      fc.property(fc.anything(), (body) => {
        expect(['found', 'notFound', 'unavailable']).toContain(
          interpretRegistryResponse(body, QUERY).kind,
        );
      }),
      { numRuns: 500 },
    );
  });
  it('never throws on mutated citizen records (fuzz)', () => {
    const keys = Object.keys(citizen);
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.anything(), (key, value) => {
        const body = { MaKetQua: '00', CongDan: { ...citizen, [key]: value } };
        const result = interpretRegistryResponse(body, QUERY);
        if (result.kind === 'found') expect(result.record.personalId).toBe(ID);
      }),
      { numRuns: 500 },
    );
  });
});

describe('registryDate', () => {
  it('handles partial and impossible dates', () => {
    expect(registryDate('19900000')).toBe('1990');
    expect(registryDate('19900300')).toBe('1990-03');
    expect(registryDate('19900230')).toBeUndefined();
    expect(registryDate('19901300')).toBeUndefined();
    fc.assert(
      fc.property(fc.stringMatching(/^\d{8}$/), (s) => {
        const d = registryDate(s);
        if (d) expect(d).toMatch(/^\d{4}(-\d{2}){0,2}$/);
      }),
    );
  });
});

describe('registry fields of Luật Căn cước 2023, Điều 9', () => {
  it('keeps nơi sinh apart from nơi đăng ký khai sinh and maps the other field groups', () => {
    const result = interpretRegistryResponse(
      {
        MaKetQua: '00',
        CongDan: {
          ...citizen,
          TenGoiKhac: 'Tý',
          NoiSinh: { TinhThanhPho: 'Thành phố Hà Nội', PhuongXa: 'Phường Ba Đình' },
          NoiDangKyKhaiSinh: {
            TinhThanhPho: 'Tỉnh Nam Định',
            QuanHuyen: 'Huyện Hải Hậu',
            PhuongXa: 'Xã Hải Anh',
          },
          NoiTamTru: { TinhThanhPho: 'Thành phố Huế', PhuongXa: 'Phường Thuận Hóa' },
          TinhTrangHonNhan: 'Đã kết hôn',
          SoDienThoai: '0912345678',
          Email: 'cong.dan@example.vn',
          NgayMat: '20250301',
        },
      },
      QUERY,
    );
    expect(result.kind).toBe('found');
    if (result.kind !== 'found') return;
    expect(result.record).toMatchObject({
      otherName: 'Tý',
      placeOfBirth: { province: 'Thành phố Hà Nội', commune: 'Phường Ba Đình' },
      birthRegistrationPlace: {
        province: 'Tỉnh Ninh Bình',
        commune: 'Xã Hải Anh',
        former: 'Xã Hải Anh, Huyện Hải Hậu, Tỉnh Nam Định',
      },
      temporaryResidence: { province: 'Thành phố Huế', commune: 'Phường Thuận Hóa' },
      maritalStatus: 'Đã kết hôn',
      phone: '0912345678',
      email: 'cong.dan@example.vn',
      dateOfDeath: '2025-03-01',
    });
  });
});
