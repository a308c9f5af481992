/** The provinces of the generated archive, after the 2025 merger (Nghị quyết 202/2025/QH15). */

export interface Province {
  name: string;
  kind: 'tỉnh' | 'thành phố';
  /** Provinces merged into this one on MERGER_DATE. */
  merged: string[];
}

export const PROVINCES: readonly Province[] = [
  { name: 'Hà Nội', kind: 'thành phố', merged: [] },
  { name: 'Hải Phòng', kind: 'thành phố', merged: ['Hải Dương'] },
  { name: 'Quảng Ngãi', kind: 'tỉnh', merged: ['Kon Tum'] },
  { name: 'Bắc Ninh', kind: 'tỉnh', merged: ['Bắc Giang'] },
  { name: 'Lạng Sơn', kind: 'tỉnh', merged: [] },
  { name: 'Thành phố Hồ Chí Minh', kind: 'thành phố', merged: ['Bình Dương', 'Bà Rịa - Vũng Tàu'] },
  { name: 'Đà Nẵng', kind: 'thành phố', merged: ['Quảng Nam'] },
  { name: 'Huế', kind: 'thành phố', merged: [] },
  { name: 'Cần Thơ', kind: 'thành phố', merged: ['Sóc Trăng', 'Hậu Giang'] },
  { name: 'Nghệ An', kind: 'tỉnh', merged: [] },
  { name: 'Thanh Hóa', kind: 'tỉnh', merged: [] },
  { name: 'Hà Tĩnh', kind: 'tỉnh', merged: [] },
  { name: 'Quảng Trị', kind: 'tỉnh', merged: ['Quảng Bình'] },
  { name: 'Tuyên Quang', kind: 'tỉnh', merged: ['Hà Giang'] },
  { name: 'Lào Cai', kind: 'tỉnh', merged: ['Yên Bái'] },
  { name: 'Thái Nguyên', kind: 'tỉnh', merged: ['Bắc Kạn'] },
  { name: 'Phú Thọ', kind: 'tỉnh', merged: ['Vĩnh Phúc', 'Hòa Bình'] },
  { name: 'Hưng Yên', kind: 'tỉnh', merged: ['Thái Bình'] },
  { name: 'Ninh Bình', kind: 'tỉnh', merged: ['Hà Nam', 'Nam Định'] },
  { name: 'Gia Lai', kind: 'tỉnh', merged: ['Bình Định'] },
  { name: 'Khánh Hòa', kind: 'tỉnh', merged: ['Ninh Thuận'] },
  { name: 'Lâm Đồng', kind: 'tỉnh', merged: ['Đắk Nông', 'Bình Thuận'] },
  { name: 'Đắk Lắk', kind: 'tỉnh', merged: ['Phú Yên'] },
  { name: 'Đồng Nai', kind: 'tỉnh', merged: ['Bình Phước'] },
  { name: 'Tây Ninh', kind: 'tỉnh', merged: ['Long An'] },
  { name: 'Đồng Tháp', kind: 'tỉnh', merged: ['Tiền Giang'] },
  { name: 'Vĩnh Long', kind: 'tỉnh', merged: ['Bến Tre', 'Trà Vinh'] },
  { name: 'An Giang', kind: 'tỉnh', merged: ['Kiên Giang'] },
  { name: 'Cà Mau', kind: 'tỉnh', merged: ['Bạc Liêu'] },
  { name: 'Quảng Ninh', kind: 'tỉnh', merged: [] },
  { name: 'Cao Bằng', kind: 'tỉnh', merged: [] },
  { name: 'Điện Biên', kind: 'tỉnh', merged: [] },
  { name: 'Lai Châu', kind: 'tỉnh', merged: [] },
  { name: 'Sơn La', kind: 'tỉnh', merged: [] },
];

export const MERGER_DATE = '2025-07-01';
/** The day before MERGER_DATE: the merged-away federations' last day. */
export const MERGER_EVE = '2025-06-30';
export const MERGER_NOTE = 'Theo Nghị quyết số 202/2025/QH15 về sắp xếp đơn vị hành chính cấp tỉnh';

/** How unit names say the province: "tỉnh Lạng Sơn", "thành phố Hà Nội", "Thành phố Hồ Chí Minh". */
export function provinceLabel(province: Province): string {
  return province.name.startsWith('Thành phố') ? province.name : `${province.kind} ${province.name}`;
}
