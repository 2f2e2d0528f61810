// The site built for a sub-folder of another host (BROADSHEET_PATH_PREFIX, BROADSHEET_URL), served
// only under that sub-folder, with one extra source page whose text looks like markup: every link
// and asset still resolves, search still finds and opens stories, and source text stays text.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseFeed } from "@rowanmanning/feed-parser";
import { DomUtils } from "htmlparser2";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../src/browser.ts";
import { loadDigest } from "../../src/edition/load.ts";
import { atomUrl, rssUrl, searchUrl, storyUrl } from "../../src/site/urls.ts";
import { type BuiltSite, buildSite } from "../support/build.ts";
import { type StaticServer, serve } from "../support/server.ts";
import { recordDialogs, searchFrom } from "./browser.ts";
import { brokenReferences, filesOf, internalReferenceCount, parseHtml } from "./crawl.ts";

const PREFIX = "/sub/";
const ORIGIN = "https://news.example.org";
const HOSTILE_TITLE = "<b>标题</b>与</script><script>alert(1)</script>的测试";
const SOURCE = `${HOSTILE_TITLE}

□张 三

    第一段：正文里有尖括号<i>不是标记</i>、和号&amp;与引号"双"'单'。这是一段用来测试的正文，写得足够长，让它成为一个段落。

    第二段：结束。这是最后一段正文，也写得足够长，让它成为一个段落，完。
`;

const sources = join(mkdtempSync(join(tmpdir(), "broadsheet-prefix-")), "sources");
cpSync("sources", sources, { recursive: true });
writeFileSync(join(sources, "hostile.txt"), SOURCE);
writeFileSync(join(sources, "hostile.meta.yaml"), 'publication: "<em>测试报</em>"\ndate: "2024-01-02"\npage: "<u>要闻</u> & 新闻"\npageNumber: 1\n');
const hostile = loadDigest(sources).editions.find((edition) => edition.slug === "hostile")!;
const hostileStory = hostile.stories[0]!;

let site: BuiltSite;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  // a cache of its own: every shard of the search index is new to it, and indexed by this build
  const cache = mkdtempSync(join(tmpdir(), "broadsheet-cache-"));
  site = await buildSite({ sources, env: { BROADSHEET_PATH_PREFIX: PREFIX, BROADSHEET_URL: ORIGIN, BROADSHEET_CACHE: cache } });
  expect(site.exitCode, site.stderr).toBe(0);
  [server, browser] = await Promise.all([serve(site.directory, PREFIX), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("under a path prefix", () => {
  it("indexes the search ahead: the build's own rendering of each story page is, to Pagefind, the page written", () => {
    // each shard new to the cache indexed ahead, none again after Eleventy (src/site/search-ahead.ts)
    expect(site.stdout).toMatch(/ ([1-9]\d*) indexed afresh \(\1 ahead\)/u);
  });

  it("resolves every internal link and asset inside the prefix", () => {
    expect(internalReferenceCount(site.directory, PREFIX)).toBeGreaterThan(500);
    expect(brokenReferences(site.directory, PREFIX)).toEqual([]);
  });

  it("gives feeds and sitemap absolute addresses on the configured host and folder", () => {
    for (const url of [rssUrl, atomUrl]) {
      const feed = parseFeed(readFileSync(join(site.directory, url), "utf8")).toJSON();
      expect(feed.items.length).toBeGreaterThan(0);
      for (const entry of feed.items) expect(entry.url?.startsWith(`${ORIGIN}${PREFIX}editions/`)).toBe(true);
      expect(feed.items.find((entry) => entry.url?.includes("/hostile/"))?.title).toBe(HOSTILE_TITLE);
    }
    const locs = [...readFileSync(join(site.directory, "sitemap.xml"), "utf8").matchAll(/<loc>([^<]+)<\/loc>/gu)].map((m) => m[1]!);
    expect(locs.length).toBeGreaterThan(20);
    expect(locs.every((loc) => loc.startsWith(`${ORIGIN}${PREFIX}`))).toBe(true);
  });

  it("opens a story from the home page and finds it again with the search, all under the prefix", async () => {
    const page = await browser.newPage();
    const dialogs = recordDialogs(page);
    await page.goto(`${server.origin}${PREFIX}`);
    await page.locator(`a[href="${PREFIX}editions/hostile/"]`).first().click();
    await page.locator(`.story-list .title a`).first().click();
    expect(new URL(page.url()).pathname).toBe(`${PREFIX}${storyUrl(hostile, hostileStory).slice(1)}`);
    expect(await page.locator("h1").textContent()).toBe(HOSTILE_TITLE);

    const storyPath = `${PREFIX}${storyUrl(hostile, hostileStory).slice(1)}`;
    await page.goto(`${server.origin}${PREFIX}${searchUrl.slice(1)}?q=${encodeURIComponent("尖括号")}`);
    expect((await searchFrom(page, "尖括号")).map((hit) => hit.url)).toEqual([storyPath]);
    // the excerpt shows the source's markup-like text as text, with the hit marked
    const excerpt = page.locator(".search-result-excerpt").first();
    await excerpt.waitFor();
    expect(await excerpt.textContent()).toContain("正文里有尖括号<i>不是标记</i>");
    expect(await excerpt.locator("i").count()).toBe(0);
    expect((await excerpt.locator("mark").allTextContents()).join("")).toBe("尖括号");
    // titles and metadata show exactly as printed: markup-like text as text, `&` once
    expect(await page.locator(".search-result-title").first().textContent()).toBe(HOSTILE_TITLE);
    expect(await page.locator(".search-result-dateline").first().textContent()).toBe("<em>测试报</em> · 2024年1月2日 · 第1版 <u>要闻</u> & 新闻");
    await page.locator(".search-result-title a").first().click();
    expect(new URL(page.url()).pathname).toBe(storyPath);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});

describe("source text that looks like markup", () => {
  it("stays text in every page, and in the story's JSON-LD", () => {
    for (const file of filesOf(site.directory, ".html")) {
      const html = readFileSync(file, "utf8");
      expect(html, file).not.toMatch(/<script>alert|<b>标题|<i>不是|<em>测试|<u>要闻/u);
    }
    const dom = parseHtml(join(site.directory, storyUrl(hostile, hostileStory), "index.html"));
    expect(DomUtils.textContent(DomUtils.findOne((e) => e.name === "h1", dom.children)!)).toBe(HOSTILE_TITLE);
    const ldScripts = DomUtils.findAll((e) => e.attribs.type === "application/ld+json", dom.children);
    expect(ldScripts).toHaveLength(1);
    const jsonLd = DomUtils.textContent(ldScripts[0]!);
    expect(jsonLd).not.toMatch(/<\/script/iu);
    expect(JSON.parse(jsonLd)).toMatchObject({ headline: HOSTILE_TITLE, publisher: { name: "<em>测试报</em>" }, printSection: "<u>要闻</u> & 新闻" });
  });
});
