/**
 * What the open-data page (/du-lieu/) shows: the files, and the columns of each table with their
 * Vietnamese titles and types (the same list the Data Package is written from).
 * Pure; see tests/unit/award-records.test.ts.
 */
import { routes } from '../routes.ts';
import type { SiteIndex } from '../site-index.ts';
import { AWARD_FIELDS, UNIT_FIELDS, type FieldInfo } from './award-records.ts';
import type { Crumb, Link } from './parts.ts';

const TYPE_LABELS: Record<FieldInfo['type'], string> = {
  string: 'văn bản',
  integer: 'số nguyên',
  date: 'ngày (YYYY-MM-DD)',
};

export interface OpenDataPage {
  title: string;
  description: string;
  crumbs: Crumb[];
  intro: string[];
  files: (Link & { note: string })[];
  tables: {
    id: string;
    title: string;
    caption: string;
    fields: { name: string; title: string; type: string; description: string }[];
  }[];
}

const fieldRows = (fields: readonly FieldInfo[]) =>
  fields.map((f) => ({ name: f.name, title: f.title, type: TYPE_LABELS[f.type], description: f.description }));

export function openDataPage(site: Pick<SiteIndex, 'awards' | 'units'>): OpenDataPage {
  const title = 'Dữ liệu mở';
  return {
    title,
    description: `Dữ liệu mở về ${site.awards.length} quyết định khen thưởng và ${site.units.length} đơn vị: tệp CSV, JSON và mô tả Data Package.`,
    crumbs: [{ href: routes.awardIndex(), label: 'Khen thưởng' }, { label: title }],
    intro: [
      `Toàn bộ ${site.awards.length} quyết định khen thưởng đã công bố và ${site.units.length} hồ sơ đơn vị, dưới dạng tệp để tải về, mở bằng Excel hoặc đọc bằng chương trình. Bản ghi nháp, chưa được xác nhận, không có trong dữ liệu.`,
      'Tệp CSV dùng mã UTF-8 có BOM (Excel hiển thị đúng tiếng Việt), dấu phẩy ngăn cách cột; nhiều giá trị trong một ô được ngăn cách bởi dấu chấm phẩy. Quyết định đã thu hồi vẫn có trong dữ liệu, với hiệu lực “Đã thu hồi” và ngày, lý do thu hồi.',
      'Mỗi đơn vị có tệp khen thưởng riêng (gồm cả khen thưởng của đơn vị tiền thân), liên kết từ trang của đơn vị.',
    ],
    files: [
      { href: routes.awardsData('csv'), text: 'khen-thuong.csv', note: 'các quyết định khen thưởng (CSV)' },
      { href: routes.awardsData('json'), text: 'khen-thuong.json', note: 'các quyết định khen thưởng (JSON)' },
      { href: routes.unitsData('csv'), text: 'don-vi.csv', note: 'các đơn vị (CSV)' },
      { href: routes.unitsData('json'), text: 'don-vi.json', note: 'các đơn vị (JSON)' },
      {
        href: routes.dataPackage(),
        text: 'datapackage.json',
        note: 'mô tả các tệp theo chuẩn Frictionless Data Package: tên cột, kiểu, tiêu đề tiếng Việt',
      },
    ],
    tables: [
      {
        id: 'cot-khen-thuong',
        title: 'Các cột của tệp khen thưởng',
        caption: 'Các cột của khen-thuong.csv và khen-thuong.json',
        fields: fieldRows(AWARD_FIELDS),
      },
      {
        id: 'cot-don-vi',
        title: 'Các cột của tệp đơn vị',
        caption: 'Các cột của don-vi.csv và don-vi.json',
        fields: fieldRows(UNIT_FIELDS),
      },
    ],
  };
}
