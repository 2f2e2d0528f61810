// The digest as the website reads it: every edition, story and person with their URLs, reading
// order, neighbours and labels computed here, so the templates only print.
import type { Edition, Story } from "../types.ts";
import { type BylinePart, bylineParts } from "./byline.ts";
import { dateLabel, isoDateTime, monthLabel, publishedAt, weekday } from "../dates.ts";
import { newsArticle, scriptSafeJson } from "./jsonld.ts";
import { type StoryRole, type StorySize, placeStories } from "./layout.ts";
import { type SiteMetadata, absoluteUrl } from "./metadata.ts";
import { authorUrl, editionJsonUrl, editionUrl, pdfUrl, printUrl, storyUrl } from "./urls.ts";

export interface EditionRef {
  slug: string;
  url: string;
  publication: string;
  /** YYYY-MM-DD */
  date: string;
  /** 2022年8月22日 */
  dateLabel: string;
  weekday: string;
  /** The page's printed name, e.g. "机关建设". */
  page: string;
  /** "第4版", or empty. */
  pageNumber: string;
}

export interface StoryRef {
  id: string;
  title: string;
  url: string;
  edition: EditionRef;
}

export interface SiteStory extends StoryRef {
  story: Story;
  role: StoryRole;
  size: StorySize;
  /** 1-based place in its edition's reading order, and the edition's story count. */
  position: number;
  of: number;
  byline: BylinePart[];
  /** Everyone the byline names, in byline order. */
  people: Person[];
  /** The edition's credit lines. */
  credits: string[];
  /** The opening of the first paragraph, for descriptions and link previews. */
  summary: string;
  published: Date;
  /** The same moment as ISO 8601 with China's offset, for `article:published_time`. */
  publishedIso: string;
  absoluteUrl: string;
  printUrl: string;
  /** schema.org NewsArticle, serialized for a script element. */
  jsonLd: string;
  previous?: StoryRef;
  next?: StoryRef;
}

export interface Person {
  name: string;
  url: string;
  role: "author" | "photographer";
}

export interface SiteEdition extends EditionRef {
  description: string;
  credits: string[];
  stories: SiteStory[];
  published: Date;
  absoluteUrl: string;
  printUrl: string;
  pdfUrl: string;
  jsonUrl: string;
  /** The edition exactly as the reflow made it, as JSON text. */
  json: string;
  /** Neighbours in the digest's reading order (newest first). */
  previous?: EditionRef;
  next?: EditionRef;
}

export interface SiteAuthor {
  name: string;
  url: string;
  stories: (StoryRef & { role: "author" | "photographer" })[];
}

export interface ArchiveMonth {
  label: string;
  days: { date: string; dateLabel: string; weekday: string; editions: SiteEdition[] }[];
}

export interface SiteDigest {
  /** Newest first, pages of one day in page order (as loadDigest sorts them). */
  editions: SiteEdition[];
  /** Every story in reading order: edition by edition, each in its page order. */
  stories: SiteStory[];
  /** Everyone named in a byline, in pinyin order. */
  authors: SiteAuthor[];
  archive: ArchiveMonth[];
  /** The list of editions as JSON text, with absolute addresses. */
  editionsJson: string;
}

const SUMMARY_LENGTH = 90;

function summaryOf(story: Story): string {
  const text = (story.blocks.find((block) => block.type === "paragraph") ?? story.blocks[0])?.text ?? story.title;
  return text.length > SUMMARY_LENGTH ? `${text.slice(0, SUMMARY_LENGTH)}…` : text;
}

function editionRef(edition: Edition): EditionRef {
  const { meta } = edition;
  return {
    slug: edition.slug,
    url: editionUrl(edition),
    publication: meta.publication,
    date: meta.date,
    dateLabel: dateLabel(meta.date),
    weekday: weekday(meta.date),
    page: meta.page,
    pageNumber: meta.pageNumber === undefined ? "" : `第${meta.pageNumber}版`,
  };
}

function siteEdition(edition: Edition, ref: EditionRef, site: SiteMetadata): SiteEdition {
  const placements = placeStories(edition.stories);
  const stories = placements.map(({ story, role, size }, k): SiteStory => {
    const url = storyUrl(edition, story);
    const summary = summaryOf(story);
    const byline = bylineParts(story.byline, story.authors, story.photographers);
    const article = newsArticle(story, edition, { url: absoluteUrl(url, site), personUrl: (name) => absoluteUrl(authorUrl(name), site), description: summary });
    return {
      id: story.id,
      title: story.title,
      url,
      edition: ref,
      story,
      role,
      size,
      position: k + 1,
      of: placements.length,
      byline,
      people: byline.flatMap((part) => (part.kind === "person" ? [{ name: part.name, url: part.url, role: part.role }] : [])),
      credits: edition.credits,
      summary,
      published: publishedAt(edition.meta.date),
      publishedIso: isoDateTime(edition.meta.date),
      absoluteUrl: absoluteUrl(url, site),
      printUrl: printUrl(edition),
      jsonLd: scriptSafeJson(article),
    };
  });
  return {
    ...ref,
    description: edition.meta.description ?? "",
    credits: edition.credits,
    stories,
    published: publishedAt(edition.meta.date),
    absoluteUrl: absoluteUrl(ref.url, site),
    printUrl: printUrl(edition),
    pdfUrl: pdfUrl(edition),
    jsonUrl: editionJsonUrl(edition),
    json: JSON.stringify(edition, null, 2),
  };
}

const refOf = (story: SiteStory): StoryRef => ({ id: story.id, title: story.title, url: story.url, edition: story.edition });

function authorsOf(stories: readonly SiteStory[]): SiteAuthor[] {
  const byUrl = new Map<string, SiteAuthor>();
  for (const story of stories) {
    for (const part of story.people) {
      const author = byUrl.get(part.url) ?? { name: part.name, url: part.url, stories: [] };
      byUrl.set(part.url, author);
      if (!author.stories.some((known) => known.url === story.url)) author.stories.push({ ...refOf(story), role: part.role });
    }
  }
  const collator = new Intl.Collator("zh-CN");
  return [...byUrl.values()].sort((a, b) => collator.compare(a.name, b.name));
}

function archiveOf(editions: readonly SiteEdition[]): ArchiveMonth[] {
  const months: ArchiveMonth[] = [];
  for (const edition of editions) {
    const label = monthLabel(edition.date);
    let month = months.at(-1);
    if (month?.label !== label) months.push((month = { label, days: [] }));
    let day = month.days.at(-1);
    if (day?.date !== edition.date) month.days.push((day = { date: edition.date, dateLabel: edition.dateLabel, weekday: edition.weekday, editions: [] }));
    day.editions.push(edition);
  }
  return months;
}

function editionsJson(editions: readonly SiteEdition[], site: SiteMetadata): string {
  const list = editions.map((edition) => ({
    slug: edition.slug,
    publication: edition.publication,
    date: edition.date,
    page: edition.page,
    stories: edition.stories.length,
    url: edition.absoluteUrl,
    json: absoluteUrl(edition.jsonUrl, site),
  }));
  return JSON.stringify(list, null, 2);
}

/** Everything the site shows, from the editions as loadDigest returns them (newest first). */
export function siteDigest(editions: readonly Edition[], site: SiteMetadata): SiteDigest {
  const refs = editions.map(editionRef);
  const siteEditions = editions.map((edition, k) => siteEdition(edition, refs[k]!, site));
  siteEditions.forEach((edition, k) => {
    const previous = refs[k - 1];
    const next = refs[k + 1];
    if (previous) edition.previous = previous;
    if (next) edition.next = next;
  });
  const stories = siteEditions.flatMap((edition) => edition.stories);
  stories.forEach((story, k) => {
    const previous = stories[k - 1];
    const next = stories[k + 1];
    if (previous) story.previous = refOf(previous);
    if (next) story.next = refOf(next);
  });
  return { editions: siteEditions, stories, authors: authorsOf(stories), archive: archiveOf(siteEditions), editionsJson: editionsJson(siteEditions, site) };
}
