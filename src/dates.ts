// Edition dates are calendar days (YYYY-MM-DD) of Chinese papers; they are read as midnight China
// Standard Time (UTC+8), so feeds and JSON-LD give the same day readers see on the page.
const CHINA_OFFSET = "+08:00";
const WEEKDAYS = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

function parts(date: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(date);
  if (!match) throw new Error(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** The moment an edition came out, for feeds. */
export const publishedAt = (date: string): Date => new Date(`${date}T00:00:00${CHINA_OFFSET}`);

/** ISO 8601 with the offset, for JSON-LD and `<time datetime>`. */
export const isoDateTime = (date: string): string => `${date}T00:00:00${CHINA_OFFSET}`;

const DAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * RFC 822, as RSS writes dates, with the offset: `Mon, 22 Aug 2022 00:00:00 +0800`. (The RSS
 * plugin's filter writes the moment in the build machine's time zone, and makes an ICU date
 * formatter for each date it writes.)
 */
export function rfc822DateTime(date: string): string {
  const { year, month, day } = parts(date);
  const dayOfWeek = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return `${DAY_NAMES[dayOfWeek]}, ${String(day).padStart(2, "0")} ${MONTH_NAMES[month - 1]} ${year} 00:00:00 ${CHINA_OFFSET.replace(":", "")}`;
}

/** `2022年8月22日`. */
export function dateLabel(date: string): string {
  const { year, month, day } = parts(date);
  return `${year}年${month}月${day}日`;
}

/** `星期一`: the day of the week of a calendar date (computed in UTC, where the date is unambiguous). */
export function weekday(date: string): string {
  const { year, month, day } = parts(date);
  return WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]!;
}

/** `2022年8月`. */
export function monthLabel(date: string): string {
  const { year, month } = parts(date);
  return `${year}年${month}月`;
}
