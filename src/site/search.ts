// The search index: Pagefind over the built site's story pages, the only pages that mark their
// content with `data-pagefind-body` (navigation, edition and author pages stay out). The build
// indexes the story pages as it renders them itself, while Eleventy writes the site (search-ahead.ts,
// on the other core), then runs `indexSearch` over the pages Eleventy sent it as it wrote them,
// which finds those shards in the cache; `npm start` runs it after every rebuild, reading the pages back.
//
// The index is made in shards of about a thousand stories, each a Pagefind bundle of its own, that
// the search page merges (Pagefind's mergeIndex): Pagefind holds a whole index in memory while it
// builds it (2 GB for 7,000 stories), and a shard whose pages did not change comes from the cache
// (src/cache.ts), so that a new page costs the indexing of one shard, not of the archive.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { cachedEntry, codeVersion, countEntry, hashOf, placeEntry, storeEntry } from "../cache.ts";
import { projectRoot, searchShardStories } from "../config.ts";
import { sendToBuild } from "./data.ts";
import type { EleventyConfig } from "./eleventy.ts";
import { type Pagefind, closePagefindServices, pagefindServices } from "./pagefind-services.ts";
import { indexableHtml } from "./segment.ts";

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
  /** Shards indexed afresh by this build (the others came from the cache). */
  reindexed: number;
  /** Of those, the shards indexed ahead, from the build's own rendering of the pages (src/site/search-ahead.ts). */
  ahead: number;
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

/** Story pages (or anything with their URLs) by shard, each shard's in the order given. */
function shardsOf<T extends { url: string }>(pages: readonly T[]): T[][] {
  const shards: T[][] = Array.from({ length: shardCount(pages.length) }, () => []);
  for (const page of pages) shards[shardOf(page.url, shards.length)]!.push(page);
  return shards;
}

/** Story pages (or anything with their URLs), shard after shard, each shard's in the order given. */
export const inShardOrder = <T extends { url: string }>(pages: readonly T[]): T[] => shardsOf(pages).flat();

/** Where the `n`-th bundle goes in the search folder: the first at its top, the others below. */
const bundlePath = (n: number) => (n === 0 ? "" : `more/${n}/`);

/** Tags that have no end tag. */
const VOID_TAG = /^(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)$/iu;

/**
 * What Pagefind reads of a page, as a page of its own: every tag outside the indexed body with a
 * `data-pagefind-` attribute (filters and metadata, which the site's pages give in attributes),
 * each closed at once, then the element marked `data-pagefind-body` whole. It is what gets indexed
 * (the navigation around the body is neither read back nor spaced into words), and what a shard's
 * cache key is made of, so that a page whose links to its neighbours changed leaves its shard as it was.
 */
export function indexedPart(html: string): string {
  const start = html.lastIndexOf("<", html.indexOf("data-pagefind-body"));
  const name = /^<([a-z][a-z0-9-]*)/iu.exec(html.slice(start))?.[1] ?? "";
  const edges = new RegExp(`<(/?)${name}[\\s>]`, "giu");
  edges.lastIndex = start;
  let end = html.length;
  let depth = 0;
  for (let edge = edges.exec(html); edge; edge = edges.exec(html)) {
    depth += edge[1] ? -1 : 1;
    if (depth === 0) {
      end = html.indexOf(">", edge.index) + 1 || html.length;
      break;
    }
  }
  const tags = [...pagefindTags(html, 0, start), ...pagefindTags(html, end, html.length)].map((tag) => {
    const tagName = /^<([a-z][a-z0-9-]*)/iu.exec(tag)?.[1] ?? "";
    return VOID_TAG.test(tagName) ? tag : `${tag}</${tagName}>`;
  });
  return `<html><body>${tags.join("")}${html.slice(start, end)}</body></html>`.replace(LINK_TARGET, "").replace(EMPTY_VALUE, "");
}

/*
 * What differs between a page as the build renders it (search-ahead.ts) and as Eleventy writes it
 * with a path prefix (its links rewritten, and the page serialized anew), and means nothing to
 * Pagefind, is left out of what is indexed (inside tags: text holds no `"`, Nunjucks escapes it):
 * a link's target, which Pagefind does not read, and the `=""` of an attribute without a value.
 */
const LINK_TARGET = / href="[^"]*"/gu;
const EMPTY_VALUE = /(?<= [a-z-]+)=""/gu;

const PAGEFIND_ATTRIBUTE = "data-pagefind-";

/**
 * The tags in html[from, to) with an attribute `data-pagefind-…`: what `/<[^>]*\sdata-pagefind-[^>]*>/g`
 * finds there, found from the few places the attribute's name occurs rather than by trying the
 * pattern at every tag (the head's JSON-LD included), on every page Eleventy writes.
 */
function pagefindTags(html: string, from: number, to: number): string[] {
  const tags: string[] = [];
  for (let at = html.indexOf(PAGEFIND_ATTRIBUTE, from); at !== -1 && at < to; at = html.indexOf(PAGEFIND_ATTRIBUTE, at + 1)) {
    // inside a tag: after its `<`, with no `>` between; the tag runs from the first `<` after the last `>`
    const open = html.indexOf("<", Math.max(from, html.lastIndexOf(">", at) + 1));
    const close = html.indexOf(">", at);
    if (open === -1 || open > at || close === -1 || close >= to || !/\s/u.test(html[at - 1]!)) continue;
    tags.push(html.slice(open, close + 1));
    at = close;
  }
  return tags;
}

export interface StoryPage {
  url: string;
  /** The page as Pagefind reads it (`indexedPart`). */
  indexed: string;
  signature: string;
}

/** What Eleventy's process tells the build of each story page it writes. */
export interface WrittenStoryPage {
  file: string;
  indexed: string;
}

/** A story page of the site in `siteDirectory`, from its file and indexed part. */
export const storyPage = (siteDirectory: string, file: string, indexed: string): StoryPage => storyPageAt(pageUrl(siteDirectory, file), indexed);

/** The story page at `url` (before the path prefix), from its indexed part. */
export const storyPageAt = (url: string, indexed: string): StoryPage => ({ url, indexed, signature: hashOf(url, indexed) });

/** The story pages of the site, each read once. */
function readStoryPages(siteDirectory: string): StoryPage[] {
  return htmlFiles(siteDirectory).flatMap((file) => {
    const html = readFileSync(file, "utf8");
    return html.includes("data-pagefind-body") ? [storyPage(siteDirectory, file, indexedPart(html))] : [];
  });
}

/** Story pages by shard, each shard's in URL order (Pagefind numbers pages as they come). */
const byShard = (pages: readonly StoryPage[]) => shardsOf(pages).map(inUrlOrder);

export const inUrlOrder = <T extends { url: string }>(pages: readonly T[]) => [...pages].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));

/** What a shard's bundle is filed under: the site's code, the shard's place among the shards, its pages. */
export const shardKey = (version: string, shard: number, count: number, pages: readonly StoryPage[]) =>
  hashOf(version, `${shard}/${count}`, ...pages.map((page) => page.signature).sort());

export const siteCodeVersion = () => codeVersion([join(projectRoot, "src/site")]);

export type PagefindIndex = NonNullable<Awaited<ReturnType<Pagefind["createIndex"]>>["index"]>;

/** A fresh index in one of Pagefind's services. */
export async function openIndex(pagefind: Pagefind): Promise<PagefindIndex> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: INDEX_LANGUAGE });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  return index;
}

/** A story page into an index, its words spaced (`spaced` keeps them for the next pages). */
export async function addPage(index: PagefindIndex, { url, indexed }: StoryPage, spaced: Map<string, string>): Promise<void> {
  const { errors } = await index.addHTMLFile({ url, content: indexableHtml(indexed, spaced) });
  if (errors.length > 0) throw new Error(`Pagefind could not index ${url}: ${errors.join("; ")}`);
}

/**
 * An index's bundle, written into `folder`. Written here rather than with index.writeFiles: under
 * load, Pagefind's service answered before its files were on disk, and closing it then left some
 * empty (pagefind-ui.js, once). Written by Node's thread pool, not this thread: a shard's thousand
 * files took a third of a second to create each time, while this thread had pages to space and send.
 */
export async function writeBundle(index: PagefindIndex, folder: string): Promise<void> {
  const bundle = await index.getFiles();
  if (bundle.errors.length > 0) throw new Error(`Pagefind could not build its index: ${bundle.errors.join("; ")}`);
  for (const directory of new Set(bundle.files.map((file) => dirname(join(folder, file.path))))) mkdirSync(directory, { recursive: true });
  await Promise.all(bundle.files.map((file) => writeFile(join(folder, file.path), file.content)));
}

/**
 * One shard's Pagefind bundle, written into `folder`. The pages go to Pagefind without waiting for
 * each to be indexed, so that it indexes one while the next is spaced into words here.
 */
export async function indexShard(pagefind: Pagefind, pages: readonly StoryPage[], folder: string, spaced: Map<string, string>): Promise<void> {
  const index = await openIndex(pagefind);
  try {
    await Promise.all(pages.map((page) => addPage(index, page, spaced)));
    await writeBundle(index, folder);
  } finally {
    await index.deleteIndex();
  }
}

/** A shard of the index: its story pages (in URL order), the key its bundle is filed under, and that bundle once made. */
interface ShardBundle {
  shard: number;
  pages: StoryPage[];
  key: string;
  bundle?: string;
}

/**
 * The bundles of these story pages' shards, from the cache or indexed into it: several shards side
 * by side, one a core, each a whole index in memory in a service of its own. `indexed` holds the
 * keys of the shards indexed here; a shard that fails is reported by throwing.
 */
export async function cacheSearchShards(storyPages: readonly StoryPage[], spaced: Map<string, string>): Promise<{ shards: ShardBundle[]; indexed: Set<string> }> {
  const allShards = byShard(storyPages);
  const version = siteCodeVersion();
  // a shard no edition hashed to has no bundle (Pagefind cannot load an empty index)
  const shards: ShardBundle[] = allShards.flatMap((pages, shard) =>
    pages.length > 0 ? [{ shard, pages, key: shardKey(version, shard, allShards.length, pages), bundle: undefined }] : [],
  );
  for (const shard of shards) shard.bundle = cachedEntry("search", shard.key);
  const queue = shards.filter((shard) => !shard.bundle);
  const indexed = new Set<string>();
  const indexWith = async (pagefind: Pagefind): Promise<void> => {
    for (let shard = queue.shift(); shard; shard = queue.shift()) {
      const { key, pages } = shard;
      shard.bundle = await storeEntry("search", key, (into) => indexShard(pagefind, pages, into, spaced));
      indexed.add(key);
    }
  };
  await Promise.all((await pagefindServices(Math.min(availableParallelism(), queue.length))).map(indexWith));
  return { shards, indexed };
}

/**
 * Index the story pages of the site in `siteDirectory` into `siteDirectory/pagefind/`: `written`,
 * when Eleventy sent them as it wrote them, else as read back from the folder. Shards whose keys
 * are in `indexedAhead` were indexed by this build already (src/site/search-ahead.ts) and count as
 * such; `spaced` holds texts spaced into words already.
 */
export async function indexSearch(siteDirectory: string, written?: readonly StoryPage[], indexedAhead: ReadonlySet<string> = new Set(), spaced = new Map<string, string>()): Promise<SearchIndexReport> {
  const storyPages = written ?? readStoryPages(siteDirectory);
  if (storyPages.length === 0) throw new Error(`no story page to index in ${siteDirectory}`);
  const folder = join(siteDirectory, SEARCH_FOLDER);
  rmSync(folder, { recursive: true, force: true });
  let cached: Awaited<ReturnType<typeof cacheSearchShards>>;
  try {
    cached = await cacheSearchShards(storyPages, spaced);
  } finally {
    await closePagefindServices();
  }
  const { shards, indexed } = cached;
  for (const { key } of shards) countEntry("search", !indexed.has(key) && !indexedAhead.has(key));
  shards.forEach(({ bundle }, n) => placeEntry(bundle!, join(folder, bundlePath(n))));
  writeFileSync(join(folder, SHARDS_FILE), JSON.stringify(shards.slice(1).map((_, k) => bundlePath(k + 1))));
  const ahead = shards.filter(({ key }) => indexedAhead.has(key)).length;
  return { pages: storyPages.length, shards: shards.length, reindexed: indexed.size + ahead, ahead };
}

/** Story pages sent to the build between two turns of Eleventy's event loop. */
const PAGES_BETWEEN_TURNS = 20;

/**
 * In `npm start`, index again after each rebuild (a full build runs `indexSearch` itself). When
 * the build runs Eleventy (BROADSHEET_SEARCH_PAGES, in a process of its own), each story page goes
 * to the build as it is written, so that the build readies it for Pagefind meanwhile.
 */
export default function searchIndex(eleventyConfig: EleventyConfig): void {
  eleventyConfig.on("eleventy.after", async ({ directories, runMode }) => {
    if (runMode === "build") return;
    const { pages, shards, reindexed } = await indexSearch(directories.output);
    console.log(`[broadsheet] search index: ${pages} stories in ${shards} shard(s), ${reindexed} indexed afresh`);
  });
  if (!process.env.BROADSHEET_SEARCH_PAGES) return;
  // after Eleventy's own transform (links given the path prefix): the page as it is written. Eleventy
  // renders page after page without the event loop turning, which held every message back until
  // the last page (the build then received them all at the end, after Eleventy): every few pages,
  // the loop turns and lets them out (not at every page: Eleventy counts the wait as the transform's time).
  let sent = 0;
  eleventyConfig.addTransform("search-pages-to-build", async function (content) {
    const file = this.page.outputPath;
    if (typeof file === "string" && file.endsWith(".html") && content.includes("data-pagefind-body")) {
      sendToBuild({ kind: "story-page", file: resolve(file), indexed: indexedPart(content) });
      if (++sent % PAGES_BETWEEN_TURNS === 0) await new Promise((turn) => setImmediate(turn));
    }
    return content;
  });
}
