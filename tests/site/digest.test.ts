import { describe, expect, it } from "vitest";
import { siteDigest } from "../../src/site/digest.ts";
import type { SiteMetadata } from "../../src/site/metadata.ts";
import type { Edition, Story } from "../../src/types.ts";

const site: SiteMetadata = { title: "测试", description: "", language: "zh-CN", url: "https://example.org", pathPrefix: "/sub/", home: "https://example.org/sub/" };

const story = (id: string, extra: Partial<Story> = {}): Story => ({ id, title: `标题${id}`, authors: [], blocks: [{ type: "paragraph", text: `正文${id}` }], ...extra });

const edition = (slug: string, date: string, stories: Story[], pageNumber?: number, publication = "某报"): Edition => ({
  source: `${slug}.txt`,
  slug,
  meta: { publication, date, page: `版${slug}`, ...(pageNumber === undefined ? {} : { pageNumber }) },
  stories,
  credits: [],
});

// newest first, as loadDigest sorts them
const editions = [
  edition("b1", "2025-06-30", [story("s1", { byline: "□张 三", authors: ["张三"], authorNote: "（作者系某某）" }), story("s2", { kicker: "引题——", byline: "文/李四 图/王五", authors: ["李四"], photographers: ["王五"] })], 1),
  edition("b2", "2025-06-30", [story("s3", { byline: "李四", authors: ["李四"] })], 2),
  edition("a1", "2022-08-22", [story("s4", { title: "</script><b>粗</b> & “引号”", authors: [] })]),
];
const digest = siteDigest(editions, site);

describe("siteDigest", () => {
  it("reads each edition lead first, then the rest as printed, edition after edition", () => {
    expect(digest.stories.map((s) => s.id)).toEqual(["s2", "s1", "s3", "s4"]);
    expect(digest.stories.map((s) => s.role)).toEqual(["lead", "commentary", "lead", "lead"]);
    expect(digest.stories.map((s) => `${s.position}/${s.of}`)).toEqual(["1/2", "2/2", "1/1", "1/1"]);
  });

  it("links every story to the one before and after it within its page, then its issue, never beyond", () => {
    const [first, second, third, last] = digest.stories;
    expect(first!.previous).toBeUndefined();
    expect(first!.next?.url).toBe("/editions/b1/s1/");
    expect(second!.next?.url).toBe("/editions/b2/s3/");
    expect(third!.previous?.url).toBe("/editions/b1/s1/");
    expect(third!.next).toBeUndefined();
    expect(last!.previous).toBeUndefined();
    expect(digest.editions.map((e) => [e.previous?.slug, e.next?.slug, `${e.position}/${e.of}`])).toEqual([[undefined, "b2", "1/2"], ["b1", undefined, "2/2"], [undefined, undefined, "1/1"]]);
  });

  it("makes issues of one publication's pages of one date, in page order, and never neighbours across publications", () => {
    const mixed = siteDigest(
      [
        edition("p2", "2025-06-30", [story("x1")], 2, "甲报"),
        edition("q1", "2025-06-30", [story("y1")], 1, "乙报"),
        edition("p1", "2025-06-30", [story("x2")], 1, "甲报"),
        edition("p0", "2025-05-01", [story("x3")], 1, "甲报"),
      ],
      site,
    );
    expect(mixed.issues.map((issue) => [issue.publication, issue.date, issue.pages.map((page) => page.slug)])).toEqual([
      ["甲报", "2025-06-30", ["p1", "p2"]],
      ["乙报", "2025-06-30", ["q1"]],
      ["甲报", "2025-05-01", ["p0"]],
    ]);
    expect(mixed.editions.map((e) => [e.slug, e.previous?.slug, e.next?.slug])).toEqual([["p1", undefined, "p2"], ["p2", "p1", undefined], ["q1", undefined, undefined], ["p0", undefined, undefined]]);
    expect(mixed.stories.map((s) => [s.id, s.previous?.id, s.next?.id])).toEqual([["x2", undefined, "x1"], ["x1", "x2", undefined], ["y1", undefined, undefined], ["x3", undefined, undefined]]);
    expect(mixed.issues[0]!.older?.date).toBe("2025-05-01");
    expect(mixed.issues[2]!.newer?.url).toBe(mixed.issues[0]!.url);
    expect(mixed.publications.map((p) => [p.name, p.latest.date, p.issues.length])).toEqual([["甲报", "2025-06-30", 2], ["乙报", "2025-06-30", 1]]);
  });

  it("names a page by number and name, the number once", () => {
    const named = siteDigest([{ ...editions[0]!, meta: { ...editions[0]!.meta, page: "第1版 要闻" } }, editions[1]!], site);
    expect(named.editions.map((e) => e.label)).toEqual(["第1版 要闻", "第2版 版b2"]);
  });

  it("keeps the feeds to the latest stories", () => {
    expect(siteDigest(editions, site, 2).feedStories.map((s) => s.id)).toEqual(["s2", "s1"]);
  });

  it("lists everyone named in a byline, photographers too, in pinyin order, with their stories", () => {
    expect(digest.authors.map((a) => a.name)).toEqual(["李四", "王五", "张三"]);
    const li = digest.authors[0]!;
    expect(li.url).toBe("/authors/李四/");
    expect(li.stories.map((s) => s.url)).toEqual(["/editions/b1/s2/", "/editions/b2/s3/"]);
    expect(digest.authors[1]!.stories.map((s) => s.role)).toEqual(["photographer"]);
  });

  it("lists a story once for a person its byline names twice, and each of many stories of one person", () => {
    const many = Array.from({ length: 300 }, (_, k) =>
      edition(`m${k}`, "2024-01-01", [story(`t${k}`, { byline: "文/赵六 图/赵六", authors: ["赵六"], photographers: ["赵六"] })], k + 1),
    );
    const [zhao] = siteDigest(many, site).authors;
    expect(zhao!.stories.map((s) => [s.url, s.role])).toEqual(many.map((e) => [`/editions/${e.slug}/t${e.slug.slice(1)}/`, "author"]));
  });

  it("sets each publication's archive out as a calendar of years and months, weeks from Monday", () => {
    const [publication] = digest.publications;
    expect(publication!.calendar.map((year) => [year.year, year.months.map((month) => [month.label, month.issues])])).toEqual([
      [2025, [["2025年6月", 1]]],
      [2022, [["2022年8月", 1]]],
    ]);
    const june = publication!.calendar[0]!.months[0]!;
    expect(june.weeks.every((week) => week.length === 7)).toBe(true);
    expect(june.weeks[0]!.map((day) => day?.day ?? null)).toEqual([null, null, null, null, null, null, 1]); // 1 June 2025 was a Sunday
    expect(june.weeks.flat().filter((day) => day?.issue).map((day) => [day!.date, day!.issue!.url])).toEqual([["2025-06-30", "/papers/某报/2025-06-30/"]]);
  });

  it("gives absolute, percent-encoded addresses under the site's path prefix", () => {
    expect(digest.stories[0]!.absoluteUrl).toBe("https://example.org/sub/editions/b1/s2/");
    expect(digest.editions[0]!.pageNumber).toBe("第1版");
    const article = JSON.parse(digest.stories[1]!.jsonLd);
    expect(article.author).toEqual([{ "@type": "Person", name: "张三", url: "https://example.org/sub/authors/%E5%BC%A0%E4%B8%89/" }]);
  });

  it("serializes JSON-LD that no title can break out of, and that reads back unchanged", () => {
    const { jsonLd, title } = digest.stories[3]!;
    expect(jsonLd).not.toMatch(/[<>&]/u);
    const article = JSON.parse(jsonLd);
    expect(article).toMatchObject({ "@type": "NewsArticle", headline: title, datePublished: "2022-08-22T00:00:00+08:00", publisher: { name: "某报" } });
  });

  it("dates stories at midnight China time on their edition's day", () => {
    expect(digest.stories[3]!.published.toISOString()).toBe("2022-08-21T16:00:00.000Z");
    expect(digest.stories[3]!.publishedIso).toBe("2022-08-22T00:00:00+08:00");
  });

  it("exports each edition unchanged and lists them with absolute addresses", () => {
    expect(JSON.parse(digest.editions[2]!.json)).toEqual(editions[2]);
    expect(JSON.parse(digest.editionsJson)[0]).toMatchObject({ slug: "b1", url: "https://example.org/sub/editions/b1/", json: "https://example.org/sub/editions/b1.json" });
  });
});
