// The site as an e-paper, built from a small archive of two publications (tests/support/epaper.ts)
// with the real build, page pictures added the way the build adds them, and driven in headless
// Chromium: issues and their navigation, the page picture, honest search, hostile names, fonts.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DomUtils } from "htmlparser2";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../src/browser.ts";
import { loadDigest } from "../../src/edition/load.ts";
import { siteDigest } from "../../src/site/digest.ts";
import { siteMetadata } from "../../src/site/metadata.ts";
import { injectPageMaps } from "../../src/site/pagemap.ts";
import { MAX_SEGMENT_BYTES, searchUrl } from "../../src/site/urls.ts";
import { type BuiltSite, buildSite } from "../support/build.ts";
import { HOSTILE_AUTHOR, HOSTILE_PAGE, HOSTILE_PUBLICATION, LONG_AUTHOR, TITLES, epaperSources } from "../support/epaper.ts";
import { type StaticServer, serve } from "../support/server.ts";
import { recordDialogs, seriousViolations } from "./browser.ts";
import { filesOf, parseHtml, urlOf } from "./crawl.ts";
import { withoutSystemCjkFonts } from "./fonts.ts";

const sources = epaperSources();
const digest = siteDigest(loadDigest(sources).editions, siteMetadata());
const edition = (slug: string) => digest.editions.find((e) => e.slug === slug)!;
const story = (title: string) => digest.stories.find((s) => s.title === title)!;
const PICTURED = "jia-0630-1";

let site: BuiltSite;
let server: StaticServer;
let browser: Browser;
let pictured: number;

/** A page picture made in the test: a screenshot of the edition page, with made-up story areas. */
async function addPicture(slug: string): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 600, height: 850 } });
  await page.goto(`${server.origin}${edition(slug).url}`);
  const folder = join(site.directory, "pictures");
  mkdirSync(folder, { recursive: true });
  const jpeg = await page.screenshot({ type: "jpeg" });
  await page.close();
  writeFileSync(join(folder, `${slug}.jpg`), jpeg);
  writeFileSync(join(folder, `${slug}-small.jpg`), jpeg);
  const [first, second] = edition(slug).stories;
  const areas = [
    { story: first!.id, title: first!.title, rects: [[0.05, 0.1, 0.9, 0.3], [0.05, 0.45, 0.4, 0.4]] },
    { story: second!.id, title: second!.title, rects: [[0.5, 0.45, 0.45, 0.4]] },
    { story: "no-such-story", title: "不在本版", rects: [[0, 0, 0.1, 0.1]] },
  ];
  writeFileSync(join(folder, `${slug}.json`), JSON.stringify({ width: 600, height: 850, areas }));
}

beforeAll(async () => {
  // without PDFs, so that no edition has a page picture but the one this test adds
  // search shards of about one story: the searches below go through the merging of shards
  site = await buildSite({ sources, args: ["--no-pdf"], env: { BROADSHEET_SHARD_STORIES: "1" } });
  expect(site.exitCode, site.stderr).toBe(0);
  expect(site.stdout).toMatch(/search index: \d+ stories in [3-9] shard\(s\)/u);
  [server, browser] = await Promise.all([serve(site.directory), launchBrowser()]);
  await addPicture(PICTURED);
  pictured = await injectPageMaps(site.directory);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The edition or story a site path belongs to, and its issue. */
const issueOf = (path: string) => (digest.editions.find((e) => e.url === path) ?? digest.stories.find((s) => s.url === path)?.edition)!.issueUrl;

describe("issues", () => {
  it("never makes pages or stories of another issue neighbours, in links or <link rel>", () => {
    const pages = filesOf(site.directory, ".html").filter((file) => urlOf(site.directory, file).startsWith("/editions/"));
    let links = 0;
    for (const file of pages) {
      const url = urlOf(site.directory, file);
      const dom = parseHtml(file);
      const neighbours = DomUtils.findAll((e) => (e.name === "link" || e.name === "a") && ["prev", "next"].includes(e.attribs.rel ?? ""), dom.children);
      for (const element of neighbours) {
        expect(issueOf(element.attribs.href!), `${url} → ${element.attribs.href}`).toBe(issueOf(url));
        links += 1;
      }
    }
    expect(links).toBeGreaterThan(8);
  });

  it("goes home → issue → page 1 → 下一版 → page 2, which says it is the last, with JavaScript off", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    expect(await page.locator(".latest-issue h2").allTextContents()).toEqual(["甲报", HOSTILE_PUBLICATION]);
    await page.getByRole("link", { name: "甲报" }).click();
    expect(await page.locator(".page-card-label").allTextContents()).toEqual(["第1版 要闻", "第2版 城市"]);
    await page.locator(".page-card").first().click();
    expect(new URL(page.url()).pathname).toBe(edition("jia-0630-1").url);
    expect(await page.locator(".pager-previous").textContent()).toContain("已是本期第一版");
    await page.getByRole("link", { name: /下一版/u }).click();
    expect(new URL(page.url()).pathname).toBe(edition("jia-0630-2").url);
    expect(await page.locator(".pager-next").textContent()).toContain("已是本期最后一版");
    expect(await page.locator("link[rel=next]").count()).toBe(0);
    await context.close();
  });

  it("reads the stories of a page, then the next page's, and stops at the issue's end", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}${story(TITLES.zoo).url}`);
    await page.getByRole("link", { name: /下一篇/u }).click();
    expect(await page.locator("h1").textContent()).toBe(TITLES.railway);
    expect(await page.locator(".pager-previous .pager-label").textContent()).toContain("第1版 要闻");
    expect(await page.locator(".pager-next").textContent()).toContain("已是本期最后一篇");
    await page.close();
  });

  it("keeps each publication's archive as a calendar, linking the days with an issue", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}${digest.publications.find((p) => p.name === "甲报")!.url}`);
    expect(await page.locator("table.calendar caption h3").allTextContents()).toEqual(["2025年6月", "2025年5月"]);
    await page.getByRole("link", { name: "2025年5月1日" }).click();
    expect(await page.locator("h1").textContent()).toContain("2025年5月1日");
    await page.close();
  });
});

describe("the page picture", () => {
  it("is put into the pages that show it, as og:image too, and leaves the others whole", () => {
    expect(pictured).toBe(5); // the edition page, its two stories (og:image), its issue page and home (thumbnails)
    const html = readFileSync(join(site.directory, edition(PICTURED).url, "index.html"), "utf8");
    expect(html).toContain(`<meta property="og:image" content="${siteMetadata().home}pictures/${PICTURED}.jpg">`);
    expect(html).not.toContain("no-such-story");
    // every placeholder is closed, filled or left empty
    for (const file of filesOf(site.directory, ".html")) {
      const html = readFileSync(file, "utf8");
      expect(html.match(/<!--broadsheet:/gu)?.length ?? 0, file).toBe(html.match(/<!--\/broadsheet-->/gu)?.length ?? 0);
    }
  });

  it("opens a story from its area, by mouse and by keyboard, its title as the link's text", async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${server.origin}${edition(PICTURED).url}`);
    const picture = page.locator(".pagemap");
    expect(await picture.getByRole("link").allTextContents()).toEqual([TITLES.football, TITLES.zoo]);
    await picture.getByRole("link", { name: TITLES.zoo }).click();
    expect(new URL(page.url()).pathname).toBe(story(TITLES.zoo).url);
    await page.goBack();
    await picture.getByRole("link", { name: TITLES.football }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(`**${story(TITLES.football).url}`);
    await page.close();
  });

  it("shows nothing where an edition has no picture, and no broken image anywhere", async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 2000 } });
    for (const url of [edition("jia-0630-2").url, edition(PICTURED).issueUrl, "/"]) {
      await page.goto(`${server.origin}${url}`);
      const images = await page.evaluate(() => Promise.all(Array.from(document.images, (image) => image.decode().then(() => image.naturalWidth > 0, () => false))));
      expect(images.every(Boolean), url).toBe(true);
      expect(images.length, url).toBe(url === "/" || url === edition(PICTURED).issueUrl ? 1 : 0);
    }
    await page.close();
  });
});

/** The search page's answer to a query: the paths of its results, and what it says. */
async function search(page: Page, query: string): Promise<{ urls: string[]; status: string }> {
  await page.goto(`${server.origin}${searchUrl}?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(() => !["", "正在搜索…"].includes(document.querySelector(".search-status")?.textContent ?? ""));
  const urls = await page.locator(".search-result-title a").evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
  return { urls: urls.sort(), status: (await page.locator(".search-status").textContent()) ?? "" };
}

const urlsOf = (...titles: string[]) => titles.map((title) => story(title).url).sort();

describe("search", () => {
  it("finds only stories that hold every word, and says so when none does", async () => {
    const page = await browser.newPage();
    const cases: [string, string[]][] = [
      ["火箭", []], // occurs nowhere
      ["足球 火箭", []], // one word known, one not: no looser match
      ["足球", urlsOf(TITLES.football)], // one story only
      ["熊猫", urlsOf(TITLES.football, TITLES.zoo, TITLES.railway)],
      ["足球 铁路", []], // each word in another story
      ["熊猫铁路", urlsOf(TITLES.railway)],
      ["罗鸣", urlsOf(TITLES.football, TITLES.zoo)], // the page's credits
    ];
    for (const [query, expected] of cases) {
      const { urls, status } = await search(page, query);
      expect(urls, query).toEqual(expected);
      expect(status, query).toMatch(expected.length === 0 ? /^没有文章同时含有/u : new RegExp(`^共 ${expected.length} 篇`, "u"));
    }
    await page.close();
  });

  it("shows each result's publication, date and page", async () => {
    const page = await browser.newPage();
    await search(page, "足球");
    expect(await page.locator(".search-result-dateline").allTextContents()).toEqual(["甲报 · 2025年6月30日 · 第1版 要闻"]);
    await page.close();
  });

  it("shows hostile author, page and publication names as text, and no dialog ever opens", async () => {
    const page = await browser.newPage();
    const dialogs = recordDialogs(page);
    const { urls } = await search(page, "铁路");
    expect(urls).toEqual(urlsOf(TITLES.railway, TITLES.hostile));
    expect(await page.locator(".search-result-dateline").allTextContents()).toContain(`${HOSTILE_PUBLICATION} · 2025年6月30日 · 第1版 ${HOSTILE_PAGE}`);
    expect(await page.locator("select[data-filter='作者'] option").allTextContents()).toContain(HOSTILE_AUTHOR);
    expect(await page.locator("select[data-filter='报纸'] option").allTextContents()).toContain(HOSTILE_PUBLICATION);
    await page.locator("select[data-filter='作者']").selectOption(HOSTILE_AUTHOR);
    await page.locator(".search-result").first().waitFor();
    expect(await page.locator(".search-result-title").allTextContents()).toEqual([TITLES.hostile]);
    expect(await page.locator("img, details, script:not([src])").count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});

describe("hostile and long names", () => {
  it("gives a 270-byte author name a hashed URL within file-system limits", () => {
    const author = digest.authors.find((a) => a.name === LONG_AUTHOR)!;
    const segment = decodeURIComponent(author.url.split("/").at(-2)!);
    expect(Buffer.byteLength(segment)).toBeLessThanOrEqual(MAX_SEGMENT_BYTES);
    expect(existsSync(join(site.directory, author.url, "index.html"))).toBe(true);
  });
});

describe("reading", () => {
  it("has no serious or critical accessibility violations on the e-paper's pages", async () => {
    const page = await browser.newPage();
    const pages = ["/", edition(PICTURED).issueUrl, digest.publications[0]!.url, edition(PICTURED).url, story(TITLES.football).url, "/archive/", `${searchUrl}?q=${encodeURIComponent("熊猫")}`];
    for (const url of pages) {
      await page.goto(`${server.origin}${url}`);
      if (url.startsWith(searchUrl)) await page.locator(".search-result").first().waitFor();
      expect(await seriousViolations(page), url).toEqual([]);
    }
    await page.close();
  });

  it("never splits a headline inside a phrase that fits, nor a name", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${server.origin}${story(TITLES.railway).url}`);
    const lines = await page.evaluate(() =>
      Array.from(document.querySelectorAll("h1 .phrase, .byline .person")).map((element) => element.getClientRects().length),
    );
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.every((count) => count === 1)).toBe(true);
    await page.close();
  });

  it("renders Chinese with the site's own fonts on a machine without CJK fonts", async () => {
    expect(existsSync(join(site.directory, "fonts", "fonts.css"))).toBe(true);
    const rendered = await withoutSystemCjkFonts(`${server.origin}${story(TITLES.football).url}`);
    // the machine really has none: the system's fonts draw every Han character as the same box
    expect(rendered.systemDistinct).toBe(false);
    expect(rendered.pageDistinct).toBe(true);
  });
});
