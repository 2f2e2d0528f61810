// The sample digest built with `npm run build`'s script, checked on disk and in headless Chromium:
// pages, links, feeds, structured data, navigation without JavaScript, Chinese search, accessibility.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseFeed } from "@rowanmanning/feed-parser";
import { DomUtils } from "htmlparser2";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../src/browser.ts";
import { loadDigest } from "../../src/edition/load.ts";
import { CharacterSet, expectedCharacters } from "../../src/print/fonts.ts";
import { siteDigest } from "../../src/site/digest.ts";
import { siteMetadata } from "../../src/site/metadata.ts";
import { atomUrl, rssUrl, searchUrl } from "../../src/site/urls.ts";
import { type BuiltSite, buildSite } from "../support/build.ts";
import { type StaticServer, serve } from "../support/server.ts";
import { searchFrom, seriousViolations } from "./browser.ts";
import { brokenReferences, fileFor, filesOf, internalReferenceCount, parseHtml, urlOf } from "./crawl.ts";

const digest = siteDigest(loadDigest("sources").editions, siteMetadata());
const text = (node: Parameters<typeof DomUtils.textContent>[0]) => DomUtils.textContent(node).replace(/\s+/gu, " ").trim();
const storyText = (id: string) => {
  const { story } = digest.stories.find((item) => item.id === id)!;
  return [story.kicker, story.title, story.subtitle, story.byline, ...story.blocks.map((block) => block.text), story.authorNote].join("\n").replace(/\s+/gu, "");
};
/** Stories whose text holds the query (spaces aside): what a search for it should find. */
const containing = (query: string) => digest.stories.filter((item) => storyText(item.id).includes(query)).map((item) => item.url).sort();

let site: BuiltSite;
let server: StaticServer;
let browser: Browser;
let websitePages: string[];

beforeAll(async () => {
  site = await buildSite();
  expect(site.exitCode, site.stderr).toBe(0);
  websitePages = filesOf(site.directory, ".html").filter((file) => !urlOf(site.directory, file).startsWith("/print/"));
  [server, browser] = await Promise.all([serve(site.directory), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the built site", () => {
  it("has a page for every edition, story and person, the lists, search and a 404 page", () => {
    const urls = new Set(websitePages.map((file) => urlOf(site.directory, file)));
    const expected = ["/", "/archive/", "/authors/", searchUrl, "/404.html", ...digest.publications.map((p) => p.url), ...digest.issues.map((i) => i.url), ...digest.editions.map((e) => e.url), ...digest.stories.map((s) => s.url), ...digest.authors.map((a) => a.url)];
    expect([...urls].sort()).toEqual([...new Set(expected)].sort());
    expect(digest.authors.map((a) => a.name)).toContain("徐勇");
  });

  it("resolves every internal link and asset of every page and stylesheet", () => {
    expect(internalReferenceCount(site.directory)).toBeGreaterThan(500);
    expect(brokenReferences(site.directory)).toEqual([]);
  });

  it("lists every website page in the sitemap, with absolute addresses", () => {
    const locs = [...readFileSync(join(site.directory, "sitemap.xml"), "utf8").matchAll(/<loc>([^<]+)<\/loc>/gu)].map((m) => m[1]!);
    const home = siteMetadata().home;
    expect(locs.every((loc) => loc.startsWith(home))).toBe(true);
    const pages = websitePages.map((file) => urlOf(site.directory, file)).filter((url) => url !== "/404.html");
    expect(locs.map((loc) => decodeURIComponent(new URL(loc).pathname)).sort()).toEqual(pages.sort());
  });

  it("is in Chinese, announces both feeds, and loads no script but on the search page", () => {
    for (const file of websitePages) {
      const dom = parseHtml(file);
      const url = urlOf(site.directory, file);
      expect(DomUtils.findOne((e) => e.name === "html", dom.children)?.attribs.lang, url).toBe("zh-CN");
      const feeds = DomUtils.findAll((e) => e.name === "link" && e.attribs.rel === "alternate", dom.children).map((e) => `${e.attribs.type} ${e.attribs.href}`);
      expect(feeds, url).toEqual([`application/atom+xml ${atomUrl}`, `application/rss+xml ${rssUrl}`]);
      const scripts = DomUtils.findAll((e) => e.name === "script" && e.attribs.type !== "application/ld+json", dom.children);
      expect(scripts.length, url).toBe(url === searchUrl ? 1 : 0);
    }
  });

  it("gives story pages Open Graph tags and a NewsArticle that match the story, and only their article to the search index", () => {
    for (const item of digest.stories) {
      const dom = parseHtml(join(site.directory, item.url, "index.html"));
      const meta = (property: string) => DomUtils.findOne((e) => e.name === "meta" && e.attribs.property === property, dom.children)?.attribs.content;
      expect(meta("og:title")).toBe(item.title);
      expect(meta("og:type")).toBe("article");
      expect(meta("og:url")).toBe(item.absoluteUrl);
      const jsonLd = JSON.parse(text(DomUtils.findOne((e) => e.attribs.type === "application/ld+json", dom.children)!));
      expect(jsonLd).toMatchObject({ "@type": "NewsArticle", headline: item.title, url: item.absoluteUrl, datePublished: `${item.edition.date}T00:00:00+08:00` });
      expect(jsonLd.author?.map((a: { name: string }) => a.name) ?? []).toEqual(item.story.authors);
      const indexed = DomUtils.findAll((e) => e.attribs["data-pagefind-body"] !== undefined, dom.children);
      expect(indexed.map((e) => e.name)).toEqual(["article"]);
      expect(text(DomUtils.findOne((e) => e.name === "h1", indexed)!)).toBe(item.title);
    }
    const others = websitePages.filter((file) => !digest.stories.some((item) => urlOf(site.directory, file) === item.url));
    for (const file of others) expect(readFileSync(file, "utf8"), file).not.toContain("data-pagefind-body");
  });

  it("heads each story and page with its own title and description, and its neighbours as rel prev/next", () => {
    for (const item of [...digest.stories, ...digest.editions]) {
      const dom = parseHtml(join(site.directory, item.url, "index.html"));
      const link = (rel: string) => DomUtils.findOne((e) => e.name === "link" && e.attribs.rel === rel, dom.children)?.attribs.href;
      const description = DomUtils.findOne((e) => e.name === "meta" && e.attribs.name === "description", dom.children)?.attribs.content;
      const name = "summary" in item ? item.title : item.label;
      expect(text(DomUtils.findOne((e) => e.name === "title", dom.children)!).startsWith(`${name} · `), item.url).toBe(true);
      expect(description, item.url).toBe("summary" in item ? item.summary : item.description || `${item.publication} ${item.dateLabel} ${item.label}`);
      expect([link("prev"), link("next")], item.url).toEqual([item.previous?.url, item.next?.url]);
    }
  });

  it("cuts its fonts before the pages are written: every character they print was expected from the editions and templates", () => {
    const printed = new CharacterSet();
    for (const file of filesOf(site.directory, ".html")) printed.add(readFileSync(file, "utf8"));
    const expected = expectedCharacters(loadDigest("sources").editions).codePoints;
    expect([...printed.codePoints].filter((codePoint) => !expected.has(codePoint)).map((codePoint) => String.fromCodePoint(codePoint))).toEqual([]);
    expect(readFileSync(join(site.directory, "fonts", "fonts.css"), "utf8").match(/\.woff\)/gu)).toHaveLength(5);
  });

  it("exports every edition as the reflow's JSON", () => {
    const list = JSON.parse(readFileSync(join(site.directory, "editions.json"), "utf8"));
    expect(list.map((entry: { slug: string }) => entry.slug)).toEqual(digest.editions.map((e) => e.slug));
    for (const entry of list) {
      const { file } = fileFor(site.directory, entry.json.replace(siteMetadata().home, "http://site.invalid/"));
      expect(JSON.parse(readFileSync(file!, "utf8"))).toEqual(loadDigest("sources").editions.find((e) => e.slug === entry.slug));
    }
  });
});

describe("the feeds", () => {
  for (const [name, url] of [["RSS 2.0", rssUrl], ["Atom", atomUrl]] as const) {
    it(`${name}: one entry for each of the latest stories, full HTML, absolute links to built pages, the edition's date`, () => {
      const feed = parseFeed(readFileSync(join(site.directory, url), "utf8")).toJSON();
      expect(feed.meta.type).toBe(name === "Atom" ? "atom" : "rss");
      expect(feed.self).toBe(new URL(url.slice(1), siteMetadata().home).href);
      expect(feed.items.map((entry) => entry.url)).toEqual(digest.feedStories.map((item) => item.absoluteUrl));
      for (const [k, entry] of feed.items.entries()) {
        const item = digest.feedStories[k]!;
        expect(entry.title).toBe(item.title);
        expect(entry.published && new Date(entry.published).toISOString()).toBe(new Date(`${item.edition.date}T00:00:00+08:00`).toISOString());
        expect(entry.content).not.toContain("<h1"); // the entry's title is the headline
        for (const block of item.story.blocks) expect(entry.content).toContain(block.text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;"));
        expect(entry.authors.map((author) => author.name)).toEqual(expect.arrayContaining(item.story.authors));
        expect(entry.content).not.toMatch(/href="\//u);
      }
    });
  }
});

describe("in a browser", () => {
  it("goes home → edition → story → next story with JavaScript off", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    const latest = digest.publications[0]!.latest.pages[0]!;
    await page.locator(".page-card").first().click();
    expect(new URL(page.url()).pathname).toBe(latest.url);
    expect(await page.locator("h1").textContent()).toBe(latest.label);
    const story = latest.stories.find((item) => item.story.authors.length > 0 && item.next)!;
    await page.locator(`.story-list .title a[href="${story.url}"]`).click();
    expect(new URL(page.url()).pathname).toBe(story.url);
    expect(await page.locator("h1").textContent()).toBe(story.title);
    const byline = await page.locator("article .byline").textContent();
    for (const name of story.story.authors) expect(byline).toContain(name);
    await page.getByRole("link", { name: /下一篇/u }).click();
    expect(new URL(page.url()).pathname).toBe(story.next!.url);
    await context.close();
  });

  it("searches from the header box and opens the story a name finds", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/`);
    await page.getByRole("searchbox", { name: "搜索文章" }).fill("徐勇");
    await page.getByRole("searchbox", { name: "搜索文章" }).press("Enter");
    await page.locator(".search-result-title a").first().waitFor();
    expect((await page.locator(".search-result-title a").allTextContents()).length).toBe(containing("徐勇").length);
    const byXuYong = digest.stories.find((item) => item.story.authors.includes("徐勇"))!;
    await page.locator(".search-result-title a").first().click();
    expect(new URL(page.url()).pathname).toBe(byXuYong.url);
    expect(await page.locator("h1").textContent()).toBe(byXuYong.title);
    expect(await page.locator("article .byline").textContent()).toContain("徐勇");
    await page.close();
  });

  it("finds Chinese words, names and phrases", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}${searchUrl}`);
    // a two-character word, three- and four-character words, names printed with padding, a name in running text
    for (const query of ["科技", "压舱石", "学以致用", "齐聚一堂", "徐勇", "马江丽", "邹勇", "包国成"]) {
      const expected = containing(query);
      expect(expected.length, query).toBeGreaterThan(0);
      expect((await searchFrom(page, query)).map((hit) => hit.url).sort(), query).toEqual(expected);
    }
    // a phrase finds the story holding it (among stories holding all its words); in quotes, it alone
    const phrase = "在交流中凝聚共识";
    expect(containing(phrase)).toHaveLength(1);
    expect((await searchFrom(page, phrase)).map((hit) => hit.url)).toContain(containing(phrase)[0]);
    expect((await searchFrom(page, `"${phrase}"`)).map((hit) => hit.url)).toEqual(containing(phrase));
    await page.close();
  });

  it("filters results by author and by edition", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}${searchUrl}`);
    const edition = digest.editions[1]!;
    const byEdition = await searchFrom(page, "机关", { 版面: `${edition.dateLabel} ${edition.label}` });
    expect(byEdition.map((hit) => hit.url).sort()).toEqual(edition.stories.map((item) => item.url).sort());
    expect((await searchFrom(page, "机关", { 作者: "马江丽" })).map((hit) => hit.title)).toEqual(digest.stories.filter((item) => item.story.authors.includes("马江丽")).map((item) => item.title));
    await page.close();
  });

  it("fits a phone's width: no page scrolls sideways", async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    for (const url of ["/", digest.editions[0]!.url, digest.stories.at(-1)!.url, "/archive/", searchUrl]) {
      await page.goto(`${server.origin}${url}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(360);
    }
    await page.close();
  });

  it("has no serious or critical accessibility violations on the main page types", async () => {
    const page = await browser.newPage();
    const story = digest.stories[0]!;
    const pages = ["/", digest.editions[0]!.url, story.url, "/archive/", "/authors/", digest.authors[0]!.url, "/404.html", `${searchUrl}?q=${encodeURIComponent("机关")}`];
    for (const url of pages) {
      await page.goto(`${server.origin}${url}`);
      if (url.startsWith(searchUrl)) await page.locator(".search-result-title a").first().waitFor();
      expect(await seriousViolations(page), url).toEqual([]);
    }
    await page.close();
  });
});
