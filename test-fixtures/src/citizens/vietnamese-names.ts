/**
 * Name and place parts for synthetic citizens. Combinations are random, so no generated person
 * is a real one; province names and codes are the public administrative ones.
 */
export const SURNAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
] as const;
export const MIDDLE_NAMES_MALE = ['Văn', 'Đức', 'Minh', 'Quốc', 'Hữu', 'Thành', 'Công'] as const;
export const MIDDLE_NAMES_FEMALE = ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Mỹ', 'Phương', 'Bảo'] as const;
export const GIVEN_NAMES_MALE = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Đạt',
  'Hải',
  'Hùng',
  'Khánh',
  'Long',
  'Nam',
  'Phúc',
  'Quân',
  'Sơn',
  'Thắng',
  'Tuấn',
  'Việt',
] as const;
export const GIVEN_NAMES_FEMALE = [
  'Anh',
  'Chi',
  'Diệp',
  'Giang',
  'Hà',
  'Hạnh',
  'Hương',
  'Lan',
  'Linh',
  'Mai',
  'Ngân',
  'Nhung',
  'Oanh',
  'Thảo',
  'Trang',
  'Yến',
] as const;

/** Provinces after the 2025 merger, with the ID-number province code of the main former unit. */
export const PROVINCES = [
  {
    name: 'Thành phố Hà Nội',
    code: '001',
    communes: [
      'Phường Ba Đình',
      'Phường Hoàn Kiếm',
      'Phường Cầu Giấy',
      'Xã Sóc Sơn',
      'Phường Hà Đông',
    ],
  },
  {
    name: 'Thành phố Hồ Chí Minh',
    code: '079',
    communes: [
      'Phường Sài Gòn',
      'Phường Bến Thành',
      'Phường Tân Định',
      'Xã Củ Chi',
      'Phường Thủ Đức',
    ],
  },
  {
    name: 'Thành phố Hải Phòng',
    code: '031',
    communes: ['Phường Hồng Bàng', 'Phường Lê Chân', 'Xã An Lão'],
  },
  {
    name: 'Thành phố Đà Nẵng',
    code: '048',
    communes: ['Phường Hải Châu', 'Phường Thanh Khê', 'Xã Hòa Vang'],
  },
  {
    name: 'Thành phố Cần Thơ',
    code: '092',
    communes: ['Phường Ninh Kiều', 'Phường Cái Răng', 'Xã Phong Điền'],
  },
  {
    name: 'Thành phố Huế',
    code: '046',
    communes: ['Phường Thuận Hóa', 'Phường Phú Xuân', 'Xã Phong Điền'],
  },
  {
    name: 'Tỉnh Nghệ An',
    code: '040',
    communes: ['Phường Vinh Phú', 'Xã Diễn Châu', 'Xã Quỳnh Lưu'],
  },
  {
    name: 'Tỉnh Quảng Ninh',
    code: '022',
    communes: ['Phường Hạ Long', 'Phường Cẩm Phả', 'Xã Vân Đồn'],
  },
] as const;

export const STREETS = [
  'Lê Lợi',
  'Trần Hưng Đạo',
  'Nguyễn Trãi',
  'Hai Bà Trưng',
  'Lý Thường Kiệt',
  'Quang Trung',
  'Điện Biên Phủ',
] as const;
export const ETHNICITIES = [
  'Kinh',
  'Kinh',
  'Kinh',
  'Kinh',
  'Tày',
  'Thái',
  'Mường',
  'Khmer',
  'Hoa',
] as const;
export const RELIGIONS = ['Không', 'Không', 'Không', 'Phật giáo', 'Công giáo'] as const;
