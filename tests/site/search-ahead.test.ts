// The search index made ahead, from the build's own rendering of the story pages
// (src/site/search-ahead.ts), with the real Pagefind: the pages it foresees are the stories' pages;
// a shard foreseen right is found by `indexSearch` and not indexed again; a shard written
// otherwise than foreseen is indexed again from the pages as written, and the site gets that bundle.
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { cachedEntry, hashOf } from "../../src/cache.ts";
import { loadEdition } from "../../src/edition/load.ts";
import { closePagefindServices } from "../../src/site/pagefind-services.ts";
import { foreseenStoryPages } from "../../src/site/search-ahead.ts";
import { type StoryPage, cacheSearchShards, indexSearch, shardKey, siteCodeVersion, storyPageAt } from "../../src/site/search.ts";
import { storyUrl } from "../../src/site/urls.ts";


const URLS = ["/editions/p1/a/", "/editions/p1/b/", "/editions/p2/c/"];
const page = (url: string, text: string): StoryPage =>
  storyPageAt(url, `<html><body><article data-pagefind-body><h1>${text}</h1><p>${text}，会上讨论了今年的工作。</p></article></body></html>`);
const written = URLS.map((url, k) => page(url, `第${k + 1}篇文章`));

/** Every file of a bundle, by path, with a hash of its bytes. */
const bundle = (folder: string) =>
  new Map(readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => [join(entry.parentPath, entry.name).slice(folder.length), hashOf(readFileSync(join(entry.parentPath, entry.name)))]));

/** The bundle placed in a site's search folder (beside the list of further shards). */
function placedBundle(site: string) {
  const placed = bundle(join(site, "pagefind"));
  placed.delete("/shards.json");
  return placed;
}

const useCache = () => (process.env.BROADSHEET_CACHE = mkdtempSync(join(tmpdir(), "broadsheet-ahead-cache-")));
afterEach(() => delete process.env.BROADSHEET_CACHE);
afterAll(() => closePagefindServices());

describe("foreseenStoryPages", () => {
  it("gives each story's page, at its URL, with its text, title and filters as its article shows them", () => {
    const edition = loadEdition("sources/004_10557e53f7c4e785.txt").edition;
    const pages = foreseenStoryPages([edition]);
    expect(pages.map((story) => story.url).sort()).toEqual(edition.stories.map((story) => storyUrl(edition, story)).sort());
    const first = edition.stories[0]!;
    const foreseen = pages.find((story) => story.url === storyUrl(edition, first))!;
    expect(foreseen.indexed).toMatch(/^<html><body><article [^>]*data-pagefind-body/u);
    expect(foreseen.indexed).toContain(`data-title="${first.title}"`);
    expect(foreseen.indexed).toContain('data-pagefind-filter="报纸[data-publication], 版面[data-edition]"');
    expect(foreseen.indexed).toContain(first.blocks.at(-1)!.text.slice(0, 20));
  });
});

describe("a shard indexed ahead", () => {
  const key = shardKey(siteCodeVersion(), 0, 1, written);

  it("is what indexSearch finds when the pages are written as foreseen", async () => {
    useCache();
    const ahead = await cacheSearchShards(written, new Map());
    expect([...ahead.indexed]).toEqual([key]);
    const site = mkdtempSync(join(tmpdir(), "broadsheet-ahead-"));
    expect(await indexSearch(site, written, ahead.indexed)).toEqual({ pages: 3, shards: 1, reindexed: 1, ahead: 1 });
    expect(placedBundle(site)).toEqual(bundle(cachedEntry("search", key)!));
  }, 60_000);

  it("is indexed again from the written pages when they came out otherwise", async () => {
    useCache();
    const foreseen = [...written.slice(0, 2), page(URLS[2]!, "预想的文章")];
    const ahead = await cacheSearchShards(foreseen, new Map());
    const site = mkdtempSync(join(tmpdir(), "broadsheet-ahead-"));
    expect(await indexSearch(site, written, ahead.indexed)).toEqual({ pages: 3, shards: 1, reindexed: 1, ahead: 0 });
    const placed = placedBundle(site);
    expect(placed).toEqual(bundle(cachedEntry("search", key)!));
    expect(placed).not.toEqual(bundle(cachedEntry("search", [...ahead.indexed][0]!)!));
  }, 60_000);
});
