/**
 * Rules for kinds of portal chrome (furniture around an article), matched on one block's
 * tone-folded text. A rule names a kind, never a site. Blocks no rule recognises stay in
 * the body.
 */
import { foldForMatch } from '#src/text/vietnamese.ts';

export interface ChromeRule {
  id: string;
  /** What the rule removes, for the per-file report. */
  label: string;
  /** True when a block of this kind marks the end of the article: what follows is page furniture. */
  endsArticle: boolean;
  test: (folded: string, raw: string) => boolean;
}

const short = (folded: string, max = 80) => folded.length <= max;

export const CHROME_RULES: readonly ChromeRule[] = [
  {
    id: 'rating',
    label: 'Đánh giá bài viết (rating widget)',
    endsArticle: true,
    test: (f) =>
      short(f, 120) &&
      /^(tong so diem cua bai viet|click de danh gia|danh gia bai viet|danh gia:|binh chon bai viet|\d+ (danh gia|luot danh gia)|rate this|rating\b)/.test(
        f,
      ),
  },
  {
    id: 'comments',
    label: 'Bình luận, ý kiến bạn đọc (comment widget)',
    endsArticle: true,
    test: (f) =>
      short(f, 120) &&
      /^(\(\d+\)\s*binh luan|\d+\s*binh luan$|binh luan$|binh luan \(\d+\)|bai viet chua co binh luan|chua co binh luan|y kien ban doc|gui (binh luan|y kien)|viet binh luan|de lai binh luan|gop y bai viet|y kien cua ban|noi dung (binh luan|y kien)|comments?\b|leave a (comment|reply)|ho (va )?ten( cua ban)?\s*[:*]|email( cua ban)?\s*[:*])/.test(
        f,
      ),
  },
  {
    id: 'captcha',
    label: 'Mã bảo mật (captcha)',
    endsArticle: true,
    test: (f) => short(f, 80) && /^(ma bao mat|ma xac nhan|ma an toan|nhap ma|captcha|security code)/.test(f),
  },
  {
    id: 'back-to-top',
    label: 'Lên đầu trang (back-to-top link)',
    endsArticle: true,
    test: (f) => short(f, 30) && /^(\^\s*)?(len|ve) dau trang$|^back to top$|^top$|^\^$|^↑$/.test(f),
  },
  {
    id: 'related',
    label: 'Tin liên quan, bài viết khác (related-article list)',
    endsArticle: true,
    test: (f) =>
      short(f, 60) &&
      /^(co lien quan|co the ban quan tam|ban co the quan tam|you may also like)\s*:?$|^(tin|bai viet|bai|cac tin|cac bai viet|nhung tin|tin tuc) (lien quan|khac|cung chuyen muc|moi hon|cu hon|da dua|moi nhat|doc nhieu|xem nhieu)\b|^(xem them|doc them|doc nhieu nhat|xem nhieu nhat|tin moi|tin noi bat)\s*:?$|^related (posts|articles|news)/.test(
        f,
      ),
  },
  {
    id: 'counter',
    label: 'Bộ đếm truy cập (visitor counter)',
    endsArticle: true,
    test: (f) =>
      short(f, 60) &&
      /^(thong ke( truy cap)?|dang truy cap|dang online|may chu tim kiem|khach vieng tham|hom nay\s*:?\s*[\d.,]+|hom qua\s*:?\s*[\d.,]+|thang hien tai|tuan nay|thang nay|nam nay|tong luot truy cap|tong so luot truy cap|luot truy cap|so luot truy cap|truy cap hien tai|online\s*:?\s*[\d.,]*|visitors?)(?![a-z])/.test(
        f,
      ),
  },
  {
    id: 'poll',
    label: 'Thăm dò ý kiến (poll)',
    endsArticle: true,
    test: (f) =>
      short(f, 120) && /^(tham do y kien|ban biet den (website|trang) nay|bieu quyet|xem ket qua|binh chon$)/.test(f),
  },
  {
    id: 'session',
    label: 'Thông báo phiên đăng nhập (session notice)',
    endsArticle: false,
    test: (f) => /ban da khong su dung site|thoi gian cho: ?\d+ giay|^(dang nhap|dang ky|quen mat khau|thoat)$/.test(f),
  },
  {
    id: 'share',
    label: 'Nút chia sẻ, in, gửi email (share/print/email links)',
    endsArticle: false,
    test: (f) =>
      short(f, 60) &&
      /^((chia se|share|tweet|like|facebook|twitter|zalo|email|e-mail|gui email|gui bai viet|gui cho ban be|in bai viet|in trang|ban in|print|luu bai viet|bookmark|copy link|sao chep lien ket)[\s|,:/.-]*)+$/.test(
        f,
      ),
  },
  {
    id: 'font-size',
    label: 'Chỉnh cỡ chữ (font-size buttons)',
    endsArticle: false,
    test: (f) => short(f, 40) && /^(co chu|kich thuoc chu|font size)\s*:?(\s*a[+-]?)*$|^(a[+-]?\s*){2,}$/.test(f),
  },
  {
    id: 'views',
    label: 'Số lượt xem (view count)',
    endsArticle: false,
    test: (f) => short(f, 40) && /^(luot xem|so lan doc|da xem|so lan xem|views?|hits?)\s*:?\s*[\d.,]+$/.test(f),
  },
  {
    id: 'separator',
    label: 'Dòng chỉ có ký tự phân cách ("* * *", "---", "-o0o-")',
    endsArticle: false,
    test: (_f, raw) => isSeparatorLine(raw),
  },
  {
    id: 'breadcrumb',
    label: 'Đường dẫn chuyên mục (breadcrumb)',
    endsArticle: false,
    test: (f, raw) => short(f, 200) && isBreadcrumb(f, raw),
  },
  {
    id: 'navigation',
    label: 'Dòng trình đơn của cổng thông tin (navigation menu line)',
    endsArticle: false,
    test: (f) => short(f, 200) && isNavigationLine(f),
  },
  {
    id: 'tags',
    label: 'Dòng từ khóa (tags line)',
    endsArticle: false,
    test: (f) => short(f, 200) && /^(tu khoa|tags?|the|keywords?)\s*:/.test(f),
  },
  {
    id: 'copyright',
    label: 'Chân trang bản quyền (copyright footer)',
    endsArticle: true,
    test: (f, raw) =>
      short(f, 250) &&
      (/^(©|\(c\)|copyright|ban quyen thuoc|ban quyen ©)/.test(f) ||
        raw.includes('©') ||
        /(giay phep (so|thiet lap)|chiu trach nhiem (noi dung|xuat ban)|ghi ro nguon .* khi phat hanh lai)/.test(f)),
  },
  {
    id: 'photo-table',
    label: 'Mảnh vụn bảng ảnh (photo-table residue "leftcenterrightdel")',
    endsArticle: false,
    test: (f) => /^(left|center|right|del|top|bottom){2,}$/.test(f.replace(/\s+/g, '')),
  },
  {
    id: 'sidebar-heading',
    label: 'Tiêu đề khối bên lề (sidebar widget heading)',
    endsArticle: false,
    test: (f) =>
      short(f, 40) &&
      /^(anh hoat dong|thu vien anh|video clip|thu vien video|lien ket website|lien ket web|quang cao|van ban moi|van ban moi ban hanh|thong bao moi|lich cong tac|ho tro truc tuyen|danh ba|tien ich|gioi thieu\.{0,3}|ca khuc\s*:.*)$/.test(
        f,
      ),
  },
];

/**
 * Characters that only ever separate sections: rules, stars, bullets, tildes, ornaments.
 * A line of nothing else ("* * *", "---", "___", "•••", "===", "~~~", "-o0o-", "❖❖❖") is a divider.
 */
const SEPARATOR_CHARS = '\\s*•·∙◦‧_=~#+^.…\\-–—―‐‑‒−−_|/\\\\<>«»❖◆◇♦■□▪▫●○◎★☆✦✧✽✿❀❁❉❋※§¤°º';
const SEPARATOR_ONLY = new RegExp(`^[${SEPARATOR_CHARS}]+$`, 'u');
/** The "o0o" ornament, alone or between dashes or dots: "-o0o-", "oOo", "---o0o---", "~oOo~". */
const ORNAMENT = new RegExp(`^[${SEPARATOR_CHARS}]*(?:o0o|oOo|0o0|OoO|o O o|ooo|xxx|x x x)[${SEPARATOR_CHARS}]*$`, 'u');

/** A line holding only separator characters (at least one that is not a plain space). */
export function isSeparatorLine(raw: string): boolean {
  const text = raw.trim();
  if (text.length === 0 || text.length > 80) return false;
  return SEPARATOR_ONLY.test(text) || ORNAMENT.test(text);
}

const TRAIL_SEPARATOR = /\s*(?:[>»›→⇒≫|/]|::|-{1,2}>|\\)\s*/;
/** Labels that open a breadcrumb trail: "Bạn đang ở:", "Vị trí hiện tại:", "You are here:". */
const TRAIL_LABEL =
  /^(ban dang o( day)?|ban dang xem|dang xem|vi tri( hien tai)?|duong dan|chuyen muc|danh muc|you are here|location)\s*:|^(ban dang o( day)?|you are here)$/;
const HOME = /^(trang chu|trang nhat|home|homepage|trang dau)\b/;

/**
 * A breadcrumb trail: "Trang chủ > Tin tức > Hoạt động", "Trang chủ / Tin tức",
 * "Bạn đang ở: Trang chủ » Tin tức", or any line of 3+ short parts between ">", "»" or "›".
 */
function isBreadcrumb(f: string, raw: string): boolean {
  if (TRAIL_LABEL.test(f)) return true;
  if (HOME.test(f) && TRAIL_SEPARATOR.test(f.replace(HOME, '').slice(0, 4))) return true;
  return (raw.match(/\s[>»›→]\s/g) ?? []).length >= 2;
}

/** Menu labels every portal has; a line made only of them is the site's menu, not the article. */
const NAV_WORDS = new Set([
  'trang chu',
  'trang nhat',
  'home',
  'gioi thieu',
  'tin tuc',
  'tin tuc su kien',
  'tin tuc - su kien',
  'su kien',
  'tin hoat dong',
  'hoat dong',
  'thong bao',
  'van ban',
  'van ban phap luat',
  'van ban chi dao',
  'chinh sach phap luat',
  'lien he',
  'so do site',
  'so do trang',
  'sitemap',
  'hoi dap',
  'dien dan',
  'tim kiem',
  'english',
  'tieng viet',
  'menu',
  'danh muc',
  'chuyen muc',
  'thu vien',
  'thu vien anh',
  'tai lieu',
  'dang nhap',
  'dang ky',
  'rss',
]);
/** Menu words that may stand alone on a line without being a heading of the article. */
const NAV_ALONE = new Set(['trang chu', 'trang nhat', 'home', 'menu', 'danh muc', 'tim kiem', 'sitemap', 'so do site']);
/** The skip link screen readers use, copied along with the page: "Chuyển đến nội dung". */
const SKIP_LINK = /^(chuyen|bo qua|di|nhay)( (den|toi|vao))? (phan )?noi dung( chinh)?$|^skip to (main )?content$/;

/** "Trang chủ | Giới thiệu | Tin tức | Liên hệ", "Trang chủ", "Menu". */
function isNavigationLine(f: string): boolean {
  const parts = f
    .split(/\s*(?:[|>»›/•·]|\s-\s)\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return false;
  if (parts.length === 1) return NAV_ALONE.has(parts[0]!) || SKIP_LINK.test(parts[0]!);
  return parts.every((p) => NAV_WORDS.has(p));
}

/** The rule that recognises a block as chrome, or null. */
export function matchChrome(text: string): ChromeRule | null {
  if (isSeparatorLine(text)) return CHROME_RULES.find((r) => r.id === 'separator')!;
  const folded = foldForMatch(text).replace(/^[•·*+\-–—▪►»]\s*/, '');
  if (folded.length === 0) return null;
  for (const rule of CHROME_RULES) if (rule.test(folded, text)) return rule;
  return null;
}

export interface RemovedBlock {
  rule: string;
  label: string;
  text: string;
}
