// The search index made while Eleventy writes the pages (src/site/search-as-written.ts), with the
// real Pagefind: a shard indexed ahead, page by page and in whatever order the pages come, gives
// the same bundle as `indexSearch` gives the same pages; a shard seen before is not indexed ahead;
// a shard with a page the digest did not foretell is left to `indexSearch`.
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { cachedEntry, hashOf } from "../../src/cache.ts";
import { closePagefindServices } from "../../src/site/pagefind-services.ts";
import { type ExpectedPage, indexAsWritten } from "../../src/site/search-as-written.ts";
import { type StoryPage, indexSearch, shardKey, siteCodeVersion, storyPage } from "../../src/site/search.ts";

const site = mkdtempSync(join(tmpdir(), "broadsheet-ahead-"));
const URLS = ["/editions/p1/a/", "/editions/p1/b/", "/editions/p2/c/", "/editions/p2/d/", "/editions/p3/e/"];
const page = (url: string, text: string): StoryPage =>
  storyPage(site, join(site, url, "index.html"), `<html><body><article data-pagefind-body><h1>${text}</h1><p>${text}，会上讨论了今年的工作。</p></article></body></html>`);
const pages = URLS.map((url, k) => page(url, `第${k + 1}篇文章`));
const expected: ExpectedPage[] = URLS.map((url, k) => ({ url, inputs: `story ${k}` }));

/** Every file of a bundle, by path, with a hash of its bytes. */
const bundle = (folder: string) =>
  new Map(readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => [join(entry.parentPath, entry.name).slice(folder.length), hashOf(readFileSync(join(entry.parentPath, entry.name)))]));

const useCache = () => (process.env.BROADSHEET_CACHE = mkdtempSync(join(tmpdir(), "broadsheet-ahead-cache-")));
afterEach(() => delete process.env.BROADSHEET_CACHE);
afterAll(() => closePagefindServices());

describe("indexAsWritten", () => {
  const key = shardKey(siteCodeVersion(), 0, 1, pages);

  it("indexes a new shard as its pages come, in any order, into the bundle indexSearch makes of them", async () => {
    useCache();
    const indexing = indexAsWritten(expected, new Map());
    for (const k of [3, 0, 4, 1, 2]) indexing.add(pages[k]!);
    expect([...(await indexing.done())]).toEqual([key]);
    const ahead = cachedEntry("search", key)!;
    useCache();
    await indexSearch(join(site, "whole"), pages);
    expect(bundle(ahead)).toEqual(bundle(cachedEntry("search", key)!));
  }, 60_000);

  it("does not index ahead a shard whose inputs were indexed before, and finds its bundle", async () => {
    useCache();
    const first = indexAsWritten(expected, new Map());
    pages.forEach((story) => first.add(story));
    await first.done();
    const again = indexAsWritten(expected, new Map());
    pages.forEach((story) => again.add(story));
    expect([...(await again.done())]).toEqual([]);
    expect(cachedEntry("search", key)).toBeDefined();
  }, 60_000);

  it("leaves a shard with a page the digest did not foretell to indexSearch", async () => {
    useCache();
    const indexing = indexAsWritten(expected, new Map());
    [...pages.slice(0, 4), page("/editions/p3/z/", "意外")].forEach((story) => indexing.add(story));
    expect([...(await indexing.done())]).toEqual([]);
  }, 60_000);
});
