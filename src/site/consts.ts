/** Site-wide constants shown to readers (Vietnamese). */

/** The site's name, shown in the header and at the end of every page title. */
export const SITE_NAME = 'Tin Công đoàn';

/** Default description for pages that have none of their own. */
export const SITE_DESCRIPTION =
  'Tin tức, hồ sơ đơn vị và lịch sử thi đua, khen thưởng của tổ chức Công đoàn Việt Nam: Liên đoàn Lao động, Công đoàn Viên chức, công đoàn cơ sở.';

/** Short line under the site name in the header. */
export const SITE_TAGLINE = 'Tin tức, đơn vị và khen thưởng của tổ chức Công đoàn';

/** Items per page on news lists. */
export const NEWS_PER_PAGE = 20;

/** Award records per page on the award lists by year and by form. */
export const AWARDS_PER_PAGE = 50;
