/**
 * The domain's controlled vocabularies, as data with Vietnamese labels.
 * Sources: Luật Thi đua, khen thưởng 06/2022/QH15 and the union system's own forms.
 * Ids are ASCII slugs so they can live in frontmatter, URLs and search filters unchanged.
 */

export type AwardKind = 'commendation' | 'emulation-title' | 'union-honour' | 'rating';
export type RecipientScope = 'collective' | 'individual' | 'both';

export interface AwardFormInfo {
  /** Vietnamese label shown to readers. */
  label: string;
  /** Plural/heading label used in the award index. */
  kind: AwardKind;
  /** Who may receive it. */
  scope: RecipientScope;
  /** One-line Vietnamese description for editors. */
  hint: string;
}

export const AWARD_FORMS = {
  'huan-chuong': {
    label: 'Huân chương',
    kind: 'commendation',
    scope: 'both',
    hint: 'Huân chương (Lao động, Độc lập…) do Chủ tịch nước tặng.',
  },
  'huy-chuong': {
    label: 'Huy chương',
    kind: 'commendation',
    scope: 'individual',
    hint: 'Huy chương do Chủ tịch nước tặng.',
  },
  'danh-hieu-vinh-du-nha-nuoc': {
    label: 'Danh hiệu vinh dự Nhà nước',
    kind: 'commendation',
    scope: 'both',
    hint: 'Ví dụ: Anh hùng Lao động.',
  },
  'giai-thuong-ho-chi-minh': {
    label: 'Giải thưởng Hồ Chí Minh',
    kind: 'commendation',
    scope: 'both',
    hint: 'Giải thưởng Hồ Chí Minh.',
  },
  'giai-thuong-nha-nuoc': {
    label: 'Giải thưởng Nhà nước',
    kind: 'commendation',
    scope: 'both',
    hint: 'Giải thưởng Nhà nước.',
  },
  'ky-niem-chuong': {
    label: 'Kỷ niệm chương',
    kind: 'commendation',
    scope: 'individual',
    hint: 'Ví dụ: Kỷ niệm chương “Vì sự nghiệp xây dựng tổ chức Công đoàn”.',
  },
  'bang-khen': {
    label: 'Bằng khen',
    kind: 'commendation',
    scope: 'both',
    hint: 'Bằng khen của Thủ tướng, bộ, ngành, tỉnh, Tổng Liên đoàn, LĐLĐ tỉnh hoặc công đoàn ngành.',
  },
  'giay-khen': {
    label: 'Giấy khen',
    kind: 'commendation',
    scope: 'both',
    hint: 'Giấy khen của thủ trưởng cơ quan, đơn vị hoặc công đoàn cấp trên cơ sở.',
  },
  'chien-si-thi-dua-toan-quoc': {
    label: 'Chiến sĩ thi đua toàn quốc',
    kind: 'emulation-title',
    scope: 'individual',
    hint: 'Danh hiệu thi đua cá nhân cao nhất.',
  },
  'chien-si-thi-dua-cap-bo-nganh-tinh': {
    label: 'Chiến sĩ thi đua cấp bộ, ngành, tỉnh',
    kind: 'emulation-title',
    scope: 'individual',
    hint: 'Danh hiệu thi đua cá nhân cấp bộ, ban, ngành, tỉnh.',
  },
  'chien-si-thi-dua-co-so': {
    label: 'Chiến sĩ thi đua cơ sở',
    kind: 'emulation-title',
    scope: 'individual',
    hint: 'Danh hiệu thi đua cá nhân cấp cơ sở.',
  },
  'lao-dong-tien-tien': {
    label: 'Lao động tiên tiến',
    kind: 'emulation-title',
    scope: 'individual',
    hint: 'Danh hiệu thi đua cá nhân.',
  },
  'co-thi-dua-chinh-phu': {
    label: 'Cờ thi đua của Chính phủ',
    kind: 'emulation-title',
    scope: 'collective',
    hint: 'Cờ thi đua do Thủ tướng Chính phủ tặng.',
  },
  'co-thi-dua': {
    label: 'Cờ thi đua',
    kind: 'emulation-title',
    scope: 'collective',
    hint: 'Cờ thi đua của bộ, ngành, tỉnh, Tổng Liên đoàn, LĐLĐ tỉnh hoặc công đoàn ngành (ví dụ: Cờ thi đua ngành Kiểm sát nhân dân).',
  },
  'tap-the-lao-dong-xuat-sac': {
    label: 'Tập thể lao động xuất sắc',
    kind: 'emulation-title',
    scope: 'collective',
    hint: 'Danh hiệu thi đua tập thể.',
  },
  'tap-the-lao-dong-tien-tien': {
    label: 'Tập thể lao động tiên tiến',
    kind: 'emulation-title',
    scope: 'collective',
    hint: 'Danh hiệu thi đua tập thể.',
  },
  'bang-lao-dong-sang-tao': {
    label: 'Bằng Lao động sáng tạo',
    kind: 'union-honour',
    scope: 'both',
    hint: 'Bằng Lao động sáng tạo của Tổng Liên đoàn Lao động Việt Nam.',
  },
  'hoan-thanh-xuat-sac-nhiem-vu': {
    label: 'Xếp loại “Hoàn thành xuất sắc nhiệm vụ”',
    kind: 'rating',
    scope: 'both',
    hint: 'Kết quả xếp loại, đánh giá hằng năm (không kèm Bằng khen, Giấy khen).',
  },
  'vinh-danh': {
    label: 'Vinh danh, tôn vinh',
    kind: 'union-honour',
    scope: 'both',
    hint: 'Danh hiệu tôn vinh khác, ví dụ “Gương mặt của năm”, “tập thể xuất sắc tiêu biểu”.',
  },
} as const satisfies Record<string, AwardFormInfo>;

export type AwardForm = keyof typeof AWARD_FORMS;

/** The union hierarchy of docs/domain.md, top to bottom, plus state agencies that receive or confer awards. */
export const UNIT_LEVELS = {
  'tong-lien-doan': { label: 'Tổng Liên đoàn Lao động Việt Nam', rank: 0 },
  'lien-doan-tinh': { label: 'Liên đoàn Lao động tỉnh, thành phố', rank: 1 },
  'cong-doan-nganh-trung-uong': { label: 'Công đoàn ngành trung ương', rank: 1 },
  'cong-doan-cap-tren-co-so': { label: 'Công đoàn cấp trên trực tiếp cơ sở', rank: 2 },
  'cong-doan-co-so': { label: 'Công đoàn cơ sở', rank: 3 },
  'cong-doan-bo-phan': { label: 'Công đoàn bộ phận, tổ công đoàn', rank: 4 },
  'co-quan': { label: 'Cơ quan, đơn vị (không phải tổ chức công đoàn)', rank: 5 },
} as const satisfies Record<string, { label: string; rank: number }>;

export type UnitLevel = keyof typeof UNIT_LEVELS;

/** Level of the body that confers an award. */
export const CONFERRER_LEVELS = {
  'nha-nuoc': 'Chủ tịch nước',
  'chinh-phu': 'Chính phủ, Thủ tướng Chính phủ',
  'bo-nganh': 'Bộ, ban, ngành trung ương',
  tinh: 'Ủy ban nhân dân tỉnh, thành phố',
  'tong-lien-doan': 'Tổng Liên đoàn Lao động Việt Nam',
  'lien-doan-tinh': 'Liên đoàn Lao động tỉnh, thành phố',
  'cong-doan-nganh-trung-uong': 'Công đoàn ngành trung ương',
  'cong-doan-cap-tren-co-so': 'Công đoàn cấp trên trực tiếp cơ sở',
  'cong-doan-co-so': 'Công đoàn cơ sở',
  'co-quan': 'Thủ trưởng cơ quan, đơn vị',
} as const satisfies Record<string, string>;

export type ConferrerLevel = keyof typeof CONFERRER_LEVELS;

export const LINEAGE_KINDS = {
  renamed: 'Đổi tên',
  merged: 'Hợp nhất, sáp nhập',
  split: 'Chia tách',
} as const satisfies Record<string, string>;
export type LineageKind = keyof typeof LINEAGE_KINDS;

/** How a lineage entry relates the unit to the other one. */
export const LINEAGE_RELATIONS = {
  predecessor: 'Đơn vị tiền thân',
  successor: 'Đơn vị kế thừa',
} as const satisfies Record<string, string>;

export const NEWS_CATEGORIES = {
  'hoat-dong-cong-doan': 'Hoạt động công đoàn',
  'thi-dua-khen-thuong': 'Thi đua, khen thưởng',
  'dai-hoi-hoi-nghi': 'Đại hội, hội nghị',
  'chinh-sach-phap-luat': 'Chính sách, pháp luật',
  'dien-dan': 'Diễn đàn, trao đổi',
  'tin-tuc': 'Tin tức',
} as const satisfies Record<string, string>;
export type NewsCategory = keyof typeof NEWS_CATEGORIES;

export const AWARD_STATUSES = {
  'in-force': 'Còn hiệu lực',
  revoked: 'Đã thu hồi',
} as const satisfies Record<string, string>;

export const RECIPIENT_KINDS = {
  collective: 'Tập thể',
  individual: 'Cá nhân',
} as const satisfies Record<string, string>;

/** Social networks a site links to (content/site.yaml, "social"). */
export const SOCIAL_NETWORKS = {
  facebook: 'Facebook',
  youtube: 'YouTube',
  zalo: 'Zalo',
  tiktok: 'TikTok',
  x: 'X (Twitter)',
  khac: 'Trang khác',
} as const;

export type SocialNetwork = keyof typeof SOCIAL_NETWORKS;

/** Where the web editor (/admin) reads and writes the content (content/site.yaml, "editor.backend"). */
export const EDITOR_BACKENDS = {
  github: 'GitHub',
  gitlab: 'GitLab',
  gitea: 'Gitea, Forgejo',
  local: 'Chỉ kho mã nguồn trên máy (không đăng nhập)',
} as const;

export type EditorBackend = keyof typeof EDITOR_BACKENDS;
