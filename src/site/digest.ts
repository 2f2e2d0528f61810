// The digest as the website reads it: every edition, story and person with their URLs, reading
// order, neighbours and labels computed here, so the templates only print.
import type { Edition, Story } from "../types.ts";
import { type BylinePart, bylineParts } from "./byline.ts";
import { feedStoryCount } from "../config.ts";
import { dateLabel, isoDateTime, publishedAt, weekday } from "../dates.ts";
import { type Issue, type Publication, groupIssues, groupPublications } from "./issues.ts";
import { newsArticle, scriptSafeJson } from "./jsonld.ts";
import { inShardOrder, inUrlOrder } from "./search.ts";
import { type StoryRole, placeStories } from "./layout.ts";
import { type SiteMetadata, absoluteUrl } from "./metadata.ts";
import { archiveUrl, authorUrl, authorsUrl, editionJsonUrl, editionUrl, homeUrl, issueUrl, pdfUrl, pictureUrl, printUrl, searchUrl, storyUrl } from "./urls.ts";

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
  /** "第4版 机关建设": how the page is named beside other pages. */
  label: string;
  /** The issue the page belongs to. */
  issueUrl: string;
  /** The page picture (版面图), if the build made one. */
  pictureUrl: string;
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
  /** Neighbours in the issue's reading order: the page's stories, then the next page's. */
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
  /** 1-based place among its issue's pages, and their count. */
  position: number;
  of: number;
  /** Every page of its issue, in page order, itself included. */
  issuePages: EditionRef[];
  /** The pages before and after it in its issue (never another publication's or date's). */
  previous?: EditionRef;
  next?: EditionRef;
}

export type SiteIssue = Issue<SiteEdition>;
export type SitePublication = Publication<SiteEdition>;

export interface SiteAuthor {
  name: string;
  url: string;
  stories: (StoryRef & { role: "author" | "photographer" })[];
}

export interface SiteDigest {
  /** Issue by issue (newest first), each issue's pages in page order. */
  editions: SiteEdition[];
  /** Every story in reading order: issue by issue, page by page, each page's in its reading order. */
  stories: SiteStory[];
  /**
   * The same, those of each search shard together (src/site/search.ts), each shard's in URL order:
   * the order story pages are written in, and indexed in (src/site/search.ts).
   */
  storiesByShard: SiteStory[];
  /** The latest stories, for the feeds (the archive is on the site). */
  feedStories: SiteStory[];
  issues: SiteIssue[];
  /** The publication with the newest issue first. */
  publications: SitePublication[];
  /** Everyone named in a byline, in pinyin order. */
  authors: SiteAuthor[];
  /** The list of editions as JSON text, with absolute addresses. */
  editionsJson: string;
  /**
   * Every page of the website (print views, feeds and exports aside) for the sitemap: from the
   * digest rather than Eleventy's collections, which `npm start` fills only with the pages it renders.
   */
  sitemapUrls: string[];
}

const SUMMARY_LENGTH = 90;

function summaryOf(story: Story): string {
  const text = (story.blocks.find((block) => block.type === "paragraph") ?? story.blocks[0])?.text ?? story.title;
  return text.length > SUMMARY_LENGTH ? `${text.slice(0, SUMMARY_LENGTH)}…` : text;
}

function editionRef(edition: Edition): EditionRef {
  const { meta } = edition;
  const pageNumber = meta.pageNumber === undefined ? "" : `第${meta.pageNumber}版`;
  return {
    slug: edition.slug,
    url: editionUrl(edition),
    publication: meta.publication,
    date: meta.date,
    dateLabel: dateLabel(meta.date),
    weekday: weekday(meta.date),
    page: meta.page,
    pageNumber,
    // a page name may print its number already (第4版 机关建设)
    label: pageNumber && !meta.page.startsWith(pageNumber) ? `${pageNumber} ${meta.page}` : meta.page,
    issueUrl: issueUrl(meta.publication, meta.date),
    pictureUrl: pictureUrl(edition),
  };
}

function siteEdition(edition: Edition, ref: EditionRef, site: SiteMetadata): SiteEdition {
  const placements = placeStories(edition.stories);
  const stories = placements.map(({ story, role }, k): SiteStory => {
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
    position: 1,
    of: 1,
    issuePages: [],
  };
}

const refOf = (story: SiteStory): StoryRef => ({ id: story.id, title: story.title, url: story.url, edition: story.edition });

function authorsOf(stories: readonly SiteStory[]): SiteAuthor[] {
  const byUrl = new Map<string, SiteAuthor>();
  for (const story of stories) {
    for (const part of story.people) {
      const author = byUrl.get(part.url) ?? { name: part.name, url: part.url, stories: [] };
      byUrl.set(part.url, author);
      // a person named twice in one byline is listed once; a story's people come together, so a
      // repeat can only be the story last listed (searching the whole list made this quadratic:
      // 0.45 s of Eleventy's at 1,000 pages)
      if (author.stories.at(-1)?.url !== story.url) author.stories.push({ ...refOf(story), role: part.role });
    }
  }
  const collator = new Intl.Collator("zh-CN");
  return [...byUrl.values()].sort((a, b) => collator.compare(a.name, b.name));
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

/** Link each item to the one before and after it. */
function chain<T extends { previous?: R; next?: R }, R>(items: readonly T[], ref: (item: T) => R): void {
  items.forEach((item, k) => {
    const previous = items[k - 1];
    const next = items[k + 1];
    if (previous) item.previous = ref(previous);
    if (next) item.next = ref(next);
  });
}

/** Everything the site shows, from the editions as loadDigest returns them. */
export function siteDigest(editions: readonly Edition[], site: SiteMetadata, feedSize = feedStoryCount()): SiteDigest {
  const pages = editions.map((edition) => {
    const ref = editionRef(edition);
    return { edition: siteEdition(edition, ref, site), ref, publication: ref.publication, date: ref.date, page: ref.page, number: edition.meta.pageNumber };
  });
  const refs = new Map(pages.map((page) => [page.edition, page.ref]));
  const issues = groupIssues(pages).map((issue) => ({ ...issue, pages: issue.pages.map((page) => page.edition) }));
  for (const issue of issues) {
    const issuePages = issue.pages.map((edition) => refs.get(edition)!);
    issue.pages.forEach((edition, k) => Object.assign(edition, { position: k + 1, of: issue.pages.length, issuePages }));
    chain(issue.pages, (edition) => refs.get(edition)!);
    chain(issue.pages.flatMap((edition) => edition.stories), refOf);
  }
  const siteEditions = issues.flatMap((issue) => issue.pages);
  const stories = siteEditions.flatMap((edition) => edition.stories);
  const publications = groupPublications(issues);
  const authors = authorsOf(stories);
  const listed = [publications, issues, siteEditions, stories, authors].flatMap((items: readonly { url: string }[]) => items.map((item) => item.url));
  return {
    editions: siteEditions,
    stories,
    storiesByShard: inShardOrder(inUrlOrder(stories)),
    feedStories: stories.slice(0, feedSize),
    issues,
    publications,
    authors,
    editionsJson: editionsJson(siteEditions, site),
    sitemapUrls: [homeUrl, archiveUrl, searchUrl, authorsUrl, ...listed],
  };
}
