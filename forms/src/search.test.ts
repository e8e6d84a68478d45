import { describe, expect, it } from 'vitest';
import { loadCatalogue } from './catalogue';
import { findProcedure, proceduresBySector, searchProcedures } from './search';

const { procedures } = loadCatalogue();
const codes = (query: string) => searchProcedures(procedures, query).map((entry) => entry.code);

describe('searchProcedures', () => {
  it('finds “thường trú” without accents, in any case and either Unicode form', () => {
    expect(codes('thuong tru')).toEqual(['1.004222']);
    expect(codes('THƯỜNG TRÚ')).toEqual(['1.004222']);
    expect(codes('thường trú'.normalize('NFD'))).toEqual(['1.004222']);
  });

  it('maps đ to d', () => {
    expect(codes('dang ky ho kinh doanh')).toEqual(['1.001612']);
    expect(codes('đăng ký khai sinh')).toEqual(['1.001193']);
  });

  it('lists matches most used first', () => {
    expect(codes('dang ky')).toEqual(['1.004222', '1.004194', '1.001193', '1.001612', '2.000004']);
  });

  it('searches codes, English names and keywords', () => {
    expect(codes('1.004194')).toEqual(['1.004194']);
    expect(codes('judicial record')).toEqual(['3.000333']);
    expect(codes('lltp')).toEqual(['3.000333']);
    expect(codes('ho khau')).toEqual(['1.004222']);
  });

  it('lists everything for an empty query and nothing for nonsense', () => {
    expect(codes('  ')).toEqual(procedures.map((entry) => entry.code));
    expect(codes('xyzzy')).toEqual([]);
  });
});

describe('proceduresBySector', () => {
  it('groups by sector, sectors ordered by their most used procedure', () => {
    const groups = proceduresBySector(procedures).map((group) => [
      group.sector.vi,
      group.procedures.map((entry) => entry.code),
    ]);
    expect(groups).toEqual([
      ['Chứng thực', ['2.000815']],
      ['Đăng ký, quản lý cư trú', ['1.004222', '1.004194']],
      ['Hộ tịch', ['1.001193']],
      ['Lý lịch tư pháp', ['3.000333']],
      ['Thành lập và hoạt động của hộ kinh doanh', ['1.001612']],
      ['Xúc tiến thương mại', ['2.000004']],
    ]);
  });
});

describe('findProcedure', () => {
  it('finds by exact code', () => {
    expect(findProcedure(procedures, ' 1.001193 ')?.name.vi).toBe('Đăng ký khai sinh');
    expect(findProcedure(procedures, '1.0011')).toBeUndefined();
  });
});

describe('searchProcedures: word order', () => {
  it('still finds words typed out of order or unfinished', () => {
    expect(codes('khai sinh dang')).toEqual(['1.001193']);
    expect(codes('tam tr')).toEqual(['1.004194']);
    expect(codes('chung thu ban')).toEqual(['2.000815']);
  });
});
