// An e-paper's shape: publications, their issues (one publication's pages of one date, in page
// order) and each publication's archive as a calendar. Editions are grouped by what their sidecars
// say (publication, date, page number), so pages of different publications never mix.
import { dateLabel, weekday } from "../dates.ts";
import { issuePdfUrl, issueUrl, publicationUrl } from "./urls.ts";

/** What an issue needs of its pages. */
export interface IssuePage {
  publication: string;
  date: string;
  /** Page number as printed (undefined: unnumbered, after the numbered ones). */
  number?: number;
  page: string;
}

export interface IssueRef {
  publication: string;
  publicationUrl: string;
  /** YYYY-MM-DD */
  date: string;
  dateLabel: string;
  weekday: string;
  url: string;
  /** Its PDF, all its pages, when the build prints PDFs. */
  pdfUrl: string;
}

export interface Issue<P> extends IssueRef {
  /** In page order. */
  pages: P[];
  /** The publication's issue before this one (older) and after it (newer). */
  older?: IssueRef;
  newer?: IssueRef;
}

export interface CalendarDay {
  day: number;
  date: string;
  issue?: IssueRef;
}

export interface CalendarMonth {
  /** `2025年6月` */
  label: string;
  /** `2025-06`, for ids. */
  key: string;
  /** Weeks from Monday to Sunday; null where the week reaches into another month. */
  weeks: (CalendarDay | null)[][];
  issues: number;
}

export interface CalendarYear {
  year: number;
  months: CalendarMonth[];
}

export interface Publication<P> {
  name: string;
  url: string;
  /** Newest first. */
  issues: Issue<P>[];
  latest: Issue<P>;
  /** Newest year first, each year's months newest first; only months that have issues. */
  calendar: CalendarYear[];
}

const collator = new Intl.Collator("zh-CN");

/** Pages of one issue: numbered pages by number, then unnumbered ones by name. */
export function comparePages(a: IssuePage, b: IssuePage): number {
  return (a.number ?? Number.POSITIVE_INFINITY) - (b.number ?? Number.POSITIVE_INFINITY) || collator.compare(a.page, b.page);
}

function issueRef(publication: string, date: string): IssueRef {
  return { publication, publicationUrl: publicationUrl(publication), date, dateLabel: dateLabel(date), weekday: weekday(date), url: issueUrl(publication, date), pdfUrl: issuePdfUrl(publication, date) };
}

/** Issues, newest first (publications of one date by name), each publication's linked to its neighbours. */
export function groupIssues<P extends IssuePage>(pages: readonly P[]): Issue<P>[] {
  const byKey = new Map<string, Issue<P>>();
  for (const page of pages) {
    const key = JSON.stringify([page.publication, page.date]);
    const issue = byKey.get(key) ?? { ...issueRef(page.publication, page.date), pages: [] };
    byKey.set(key, issue);
    issue.pages.push(page);
  }
  const issues = [...byKey.values()].sort((a, b) => b.date.localeCompare(a.date) || collator.compare(a.publication, b.publication));
  const lastSeen = new Map<string, Issue<P>>();
  for (const issue of issues) {
    issue.pages.sort(comparePages);
    const newer = lastSeen.get(issue.publication);
    if (newer) {
      issue.newer = refOf(newer);
      newer.older = refOf(issue);
    }
    lastSeen.set(issue.publication, issue);
  }
  return issues;
}

const refOf = ({ publication, publicationUrl, date, dateLabel, weekday, url, pdfUrl }: IssueRef): IssueRef => ({ publication, publicationUrl, date, dateLabel, weekday, url, pdfUrl });

/** Publications with their issues, the one with the newest issue first. */
export function groupPublications<P>(issues: readonly Issue<P>[]): Publication<P>[] {
  const byName = new Map<string, Issue<P>[]>();
  for (const issue of issues) {
    const own = byName.get(issue.publication) ?? [];
    byName.set(issue.publication, own);
    own.push(issue);
  }
  return [...byName].map(([name, own]) => ({ name, url: publicationUrl(name), issues: own, latest: own[0]!, calendar: calendarOf(own) }));
}

function calendarOf(issues: readonly IssueRef[]): CalendarYear[] {
  const years: CalendarYear[] = [];
  for (const issue of issues) {
    const [year, month] = issue.date.split("-").map(Number) as [number, number];
    let calendarYear = years.at(-1);
    if (calendarYear?.year !== year) years.push((calendarYear = { year, months: [] }));
    const key = issue.date.slice(0, 7);
    let calendarMonth = calendarYear.months.at(-1);
    if (calendarMonth?.key !== key) calendarYear.months.push((calendarMonth = monthGrid(year, month)));
    const day = calendarMonth.weeks.flat().find((cell) => cell?.date === issue.date);
    if (day) day.issue = refOf(issue);
    calendarMonth.issues += 1;
  }
  return years;
}

/** The month's days in weeks from Monday. */
function monthGrid(year: number, month: number): CalendarMonth {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
  const cells: (CalendarDay | null)[] = Array.from({ length: lead }, () => null);
  const key = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
  for (let day = 1; day <= days; day++) cells.push({ day, date: `${key}-${String(day).padStart(2, "0")}` });
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, k) => cells.slice(k * 7, k * 7 + 7));
  return { label: `${year}年${month}月`, key, weeks, issues: 0 };
}
