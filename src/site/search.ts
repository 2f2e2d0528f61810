// The search index: Pagefind over the built site's story pages, the only pages that mark their
// content with `data-pagefind-body` (navigation, edition and author pages stay out). The build runs
// `indexSearch` after Eleventy writes; `npm start` runs it after every rebuild.
//
// The index is made in shards of about a thousand stories, each a Pagefind bundle of its own, that
// the search page merges (Pagefind's mergeIndex): Pagefind holds a whole index in memory while it
// builds it (2 GB for 7,000 stories), and a shard whose pages did not change comes from the cache
// (src/cache.ts), so that a new page costs the indexing of one shard, not of the archive.
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import * as pagefind from "pagefind";
import { cachedEntry, codeVersion, countEntry, hashOf, storeEntry } from "../cache.ts";
import { projectRoot, searchShardStories } from "../config.ts";
import type { Edition } from "../types.ts";
import type { EleventyConfig } from "./eleventy.ts";
import { nunjucks } from "./nunjucks.ts";
import { indexableHtml, spaceWords } from "./segment.ts";

export const SEARCH_FOLDER = "pagefind";
/** In the search folder: the paths of the shards' bundles after the first, which the search page merges. */
export const SHARDS_FILE = "shards.json";

/**
 * "und" (undetermined) makes Pagefind split words at spaces and punctuation only, with no stemming:
 * the text arrives already split into words by ICU (see segment.ts). The browser still splits the
 * reader's query with ICU, because that follows the search page's `lang="zh-CN"`.
 */
const INDEX_LANGUAGE = "und";

function htmlFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".html") && file.split(sep)[0] !== SEARCH_FOLDER)
    .map((file) => join(directory, file));
}

/** `/editions/x/y/` for `…/editions/x/y/index.html`: the page's URL before the path prefix. */
function pageUrl(siteDirectory: string, file: string): string {
  const path = relative(siteDirectory, file).split(sep).join("/");
  return `/${path.replace(/(^|\/)index\.html$/u, "$1")}`;
}

export interface SearchIndexReport {
  pages: number;
  shards: number;
  /** Shards indexed afresh in this process (the others came from the cache). */
  reindexed: number;
}

/**
 * The story texts of `editions` (paragraphs, headings, captions, notes and credits) spaced into
 * words, keyed as the pages show them (escaped by Nunjucks). Splitting into words is most of the
 * index's cost, and this part of it can run while Eleventy writes the pages, in another process;
 * a text the pages show otherwise is spaced when it is indexed. One edition per turn of the event
 * loop, so that the build still hears from Eleventy meanwhile.
 */
export async function spaceStoryTexts(editions: readonly Edition[]): Promise<Map<string, string>> {
  const spaced = new Map<string, string>();
  for (const edition of editions) {
    const texts = [...edition.credits, ...edition.stories.flatMap((story) => [...story.blocks.map((block) => block.text), story.authorNote ?? ""])];
    for (const text of texts) {
      const shown = nunjucks.lib.escape(text);
      if (text !== "" && !spaced.has(shown)) spaced.set(shown, spaceWords(shown));
    }
    await new Promise((next) => setImmediate(next));
  }
  return spaced;
}

/**
 * The fewest shards, a power of two, that keep them to about `perShard` stories each (a shard's
 * pages stay in it as the archive grows, until the count doubles).
 */
export function shardCount(stories: number, perShard = searchShardStories()): number {
  let count = 1;
  while (stories / count > perShard * 1.5) count *= 2;
  return count;
}

/** A story page's shard, by its edition (`/editions/x/` of `/editions/x/story/`): a new page changes one shard. */
export function shardOf(url: string, count: number): number {
  return Number.parseInt(hashOf(url.split("/").slice(0, -2).join("/")).slice(0, 8), 16) % count;
}

/** Where the `n`-th bundle goes in the search folder: the first at its top, the others below. */
const bundlePath = (n: number) => (n === 0 ? "" : `more/${n}/`);

/**
 * What Pagefind reads of a page: the element marked `data-pagefind-body`, and every tag with a
 * `data-pagefind-` attribute (filters and metadata). A shard's cache key is made of these, so that
 * a page whose links to its neighbours changed leaves its shard as it was.
 */
export function indexedPart(html: string): string {
  const tags = html.match(/<[^>]*\sdata-pagefind-[^>]*>/gu) ?? [];
  const start = html.lastIndexOf("<", html.indexOf("data-pagefind-body"));
  const name = /^<([a-z][a-z0-9-]*)/iu.exec(html.slice(start))?.[1] ?? "";
  const edges = new RegExp(`<(/?)${name}[\\s>]`, "giu");
  edges.lastIndex = start;
  let depth = 0;
  for (let edge = edges.exec(html); edge; edge = edges.exec(html)) {
    depth += edge[1] ? -1 : 1;
    if (depth === 0) return tags.join("") + html.slice(start, edge.index);
  }
  return tags.join("") + html.slice(start);
}

interface StoryPage {
  file: string;
  url: string;
  signature: string;
}

/** The story pages of the site, by shard. */
function storyPagesByShard(siteDirectory: string): StoryPage[][] {
  const pages: StoryPage[] = [];
  for (const file of htmlFiles(siteDirectory)) {
    const html = readFileSync(file, "utf8");
    if (!html.includes("data-pagefind-body")) continue;
    const url = pageUrl(siteDirectory, file);
    pages.push({ file, url, signature: hashOf(url, indexedPart(html)) });
  }
  const shards: StoryPage[][] = Array.from({ length: shardCount(pages.length) }, () => []);
  for (const page of pages) shards[shardOf(page.url, shards.length)]!.push(page);
  return shards;
}

/** One shard's Pagefind bundle, written into `folder`. */
async function indexShard(pages: readonly StoryPage[], folder: string, spaced?: ReadonlyMap<string, string>): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: INDEX_LANGUAGE });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  try {
    for (const { file, url } of pages) {
      const added = await index.addHTMLFile({ url, content: indexableHtml(readFileSync(file, "utf8"), spaced) });
      if (added.errors.length > 0) throw new Error(`Pagefind could not index ${file}: ${added.errors.join("; ")}`);
    }
    // Written here rather than with index.writeFiles: under load, Pagefind's service answered
    // before its files were on disk, and closing it then left some empty (pagefind-ui.js, once).
    const bundle = await index.getFiles();
    if (bundle.errors.length > 0) throw new Error(`Pagefind could not build its index: ${bundle.errors.join("; ")}`);
    for (const file of bundle.files) {
      mkdirSync(dirname(join(folder, file.path)), { recursive: true });
      writeFileSync(join(folder, file.path), file.content);
    }
  } finally {
    await index.deleteIndex();
  }
}

/** Index the story pages of the site in `siteDirectory` into `siteDirectory/pagefind/`. */
export async function indexSearch(siteDirectory: string, spaced?: ReadonlyMap<string, string>): Promise<SearchIndexReport> {
  const byShard = storyPagesByShard(siteDirectory);
  const pages = byShard.reduce((sum, shard) => sum + shard.length, 0);
  if (pages === 0) throw new Error(`no story page to index in ${siteDirectory}`);
  // a shard no edition hashed to has no bundle (Pagefind cannot load an empty index)
  const shards = byShard.flatMap((shardPages, shard) => (shardPages.length > 0 ? [{ shard, shardPages }] : []));
  const version = codeVersion([join(projectRoot, "src/site")]);
  const folder = join(siteDirectory, SEARCH_FOLDER);
  rmSync(folder, { recursive: true, force: true });
  let reindexed = 0;
  try {
    for (const [n, { shard, shardPages }] of shards.entries()) {
      const key = hashOf(version, `${shard}/${byShard.length}`, ...shardPages.map((page) => page.signature).sort());
      const cached = cachedEntry("search", key);
      countEntry("search", cached !== undefined);
      if (!cached) reindexed += 1;
      const bundle = cached ?? (await storeEntry("search", key, (into) => indexShard(shardPages, into, spaced)));
      cpSync(bundle, join(folder, bundlePath(n)), { recursive: true });
    }
  } finally {
    await pagefind.close();
  }
  writeFileSync(join(folder, SHARDS_FILE), JSON.stringify(shards.slice(1).map((_, k) => bundlePath(k + 1))));
  return { pages, shards: shards.length, reindexed };
}

/** In `npm start`, index again after each rebuild (a full build runs `indexSearch` itself). */
export default function searchIndexOnRebuild(eleventyConfig: EleventyConfig): void {
  eleventyConfig.on("eleventy.after", async ({ directories, runMode }) => {
    if (runMode === "build") return;
    const { pages, shards, reindexed } = await indexSearch(directories.output);
    console.log(`[broadsheet] search index: ${pages} stories in ${shards} shard(s), ${reindexed} indexed afresh`);
  });
}
