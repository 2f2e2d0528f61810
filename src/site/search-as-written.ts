// The build's search index, made while Eleventy writes the story pages rather than after it. The
// site writes a shard's stories together, in URL order (src/site/digest.ts), so each page goes to
// Pagefind as it comes, in the order `indexSearch` would give them; once a shard's last page is in,
// its bundle is filed in the cache, where `indexSearch` then finds it. A shard this build is
// likely to find in the cache (the same pages, made from the same inputs, were indexed before) is
// not indexed ahead: its key is looked up when its pages are all written, and indexed only if missing.
import { availableParallelism } from "node:os";
import { cachedEntry, codeVersion, hashOf, readCachedJson, storeEntry, writeCachedJson } from "../cache.ts";
import { projectRoot } from "../config.ts";
import { siteMetadata } from "./metadata.ts";
import { pagefindServices } from "./pagefind-services.ts";
import type { Edition } from "../types.ts";
import {
  type PagefindIndex,
  type SearchIndexReport,
  type StoryPage,
  type WrittenStoryPage,
  addPage,
  inShardOrder,
  inUrlOrder,
  indexSearch,
  indexShard,
  openIndex,
  shardCount,
  shardKey,
  shardOf,
  siteCodeVersion,
  storyPage,
  writeBundle,
} from "./search.ts";
import { spaceAhead } from "./segment.ts";
import { storyUrl } from "./urls.ts";

/** A story page the build expects Eleventy to write: its URL, and what it is made from (the story and its edition, as JSON). */
export interface ExpectedPage {
  url: string;
  inputs: string;
}

/** Where a shard's inputs are filed with the key of the bundle they gave. */
const INPUTS = "search-inputs";

/**
 * A shard's pages as the build knows them before they are written: the same inputs, with the same
 * templates and site settings, give the same pages, so the same bundle key as when last seen.
 */
function inputsKey(templates: string, shard: number, count: number, pages: readonly ExpectedPage[]): string {
  return hashOf(templates, JSON.stringify(siteMetadata()), `${shard}/${count}`, ...pages.flatMap((page) => [page.url, page.inputs]));
}

/** One shard's pages as they come, each handed to Pagefind once those before it (in URL order) are in. */
class Shard {
  readonly received = new Map<string, StoryPage>();
  /** A page came that the digest did not foretell: the shard is left to `indexSearch`. */
  private unforeseen = false;
  /** Its last page came, and was dealt with. */
  settled = false;
  private fed = 0;
  private index?: Promise<PagefindIndex>;
  private readonly adding: Promise<void>[] = [];

  private readonly foreseen: Set<string>;

  constructor(
    readonly urls: readonly string[],
    readonly inputs: string,
    readonly ahead: boolean,
    private readonly service: number,
  ) {
    this.foreseen = new Set(urls);
  }

  get complete(): boolean {
    return !this.unforeseen && this.received.size === this.urls.length;
  }

  /** In URL order, once complete. */
  pages(): StoryPage[] {
    return this.urls.map((url) => this.received.get(url)!);
  }

  add(page: StoryPage, spaced: Map<string, string>): void {
    this.received.set(page.url, page);
    if (!this.foreseen.has(page.url)) this.unforeseen = true;
    if (!this.ahead) return;
    // shards side by side in services of their own: one's pages go in while the one before is written
    this.index ??= pagefindServices(availableParallelism()).then((services) => openIndex(services[this.service % services.length]!));
    for (let next = this.received.get(this.urls[this.fed]!); next; next = this.received.get(this.urls[this.fed]!)) {
      const page = next;
      this.adding.push(this.index.then((index) => addPage(index, page, spaced)));
      this.fed += 1;
    }
  }

  /** The bundle, filed under `key` (unless there already). */
  async file(key: string): Promise<void> {
    const index = await this.index!;
    try {
      await Promise.all(this.adding);
      if (!cachedEntry("search", key)) await storeEntry("search", key, (into) => writeBundle(index, into));
    } finally {
      await index.deleteIndex();
    }
  }

  /** Pagefind's index given up: the shard was in the cache after all, or the build ended first. */
  async discard(): Promise<void> {
    await Promise.allSettled(this.adding);
    await (await this.index?.catch(() => undefined))?.deleteIndex();
  }
}

/**
 * While Eleventy writes the site's story pages (`expected`, known from the digest), index each
 * shard into the cache: ahead, page by page, when it is new to the cache; otherwise, once its last
 * page is `add`ed and only when its key is missing, one shard at a time (Eleventy holds a core).
 * `done`, once Eleventy has ended, waits for the shards being indexed and gives the keys of those
 * indexed here: `indexSearch` finds them in the cache and indexes the rest, several at once. A shard
 * that fails here is left to `indexSearch` too, which reports it.
 */
export function indexAsWritten(expected: readonly ExpectedPage[], spaced: Map<string, string>): { add: (page: StoryPage) => void; done: () => Promise<Set<string>> } {
  const count = shardCount(expected.length);
  const grouped: ExpectedPage[][] = Array.from({ length: count }, () => []);
  for (const page of expected) grouped[shardOf(page.url, count)]!.push(page);
  const templates = codeVersion(["src/site", "src/pages", "_includes"].map((folder) => `${projectRoot}/${folder}`));
  const shards = grouped.map((pages, shard) => {
    const inputs = inputsKey(templates, shard, count, inUrlOrder(pages));
    const known = readCachedJson<string>(INPUTS, inputs);
    return new Shard(inUrlOrder(pages).map((page) => page.url), inputs, !(known && cachedEntry("search", known)), shard);
  });
  const version = siteCodeVersion();
  const indexed = new Set<string>();
  const filing: Promise<void>[] = [];
  const waiting: { key: string; pages: StoryPage[] }[] = [];
  let running: Promise<void> | undefined;
  let ended = false;
  const next = async (): Promise<void> => {
    for (let shard = waiting.shift(); shard && !ended; shard = waiting.shift()) {
      const { key, pages } = shard;
      const [pagefind] = await pagefindServices(1);
      await storeEntry("search", key, (into) => indexShard(pagefind!, pages, into, spaced)).then(() => indexed.add(key), () => undefined);
    }
    running = undefined;
  };
  const add = (page: StoryPage) => {
    const shard = shards[shardOf(page.url, count)]!;
    shard.add(page, spaced);
    if (!shard.complete || shard.settled) return;
    shard.settled = true;
    const pages = shard.pages();
    const key = shardKey(version, shards.indexOf(shard), count, pages);
    writeCachedJson(INPUTS, shard.inputs, key);
    if (shard.ahead) {
      if (cachedEntry("search", key)) filing.push(shard.discard());
      else filing.push(shard.file(key).then(() => void indexed.add(key), () => undefined));
      return;
    }
    if (cachedEntry("search", key)) return;
    waiting.push({ key, pages });
    running ??= next();
  };
  const done = async () => {
    ended = true;
    await running;
    await Promise.all(filing);
    // a shard whose pages did not all come (a URL the digest did not expect) is left to `indexSearch`
    await Promise.all(shards.filter((shard) => shard.ahead && !shard.complete).map((shard) => shard.discard()));
    return indexed;
  };
  return { add, done };
}

/**
 * The search index, made beside the Eleventy the build runs: `add` each story page it writes; once
 * it has ended, `caughtUp` waits for the shards indexed meanwhile, and `complete` puts the whole
 * index into the site. The stories' texts are spaced into words while Eleventy starts up, in the
 * order their pages will come.
 */
export function searchBesideEleventy(siteDirectory: string, editions: readonly Edition[]) {
  const spaced = new Map<string, string>();
  const stories = inShardOrder(inUrlOrder(editions.flatMap((edition) => edition.stories.map((story) => ({ edition, story, url: storyUrl(edition, story) })))));
  const editionInputs = new Map(editions.map((edition) => [edition, JSON.stringify({ ...edition, stories: [] })]));
  const indexing = indexAsWritten(stories.map(({ edition, story, url }) => ({ url, inputs: editionInputs.get(edition)! + JSON.stringify(story) })), spaced);
  const ahead = new AbortController();
  void spaceAhead(stories.flatMap(({ edition, story }) => [...story.blocks.map((block) => block.text), story.authorNote ?? "", ...edition.credits]), spaced, ahead.signal);
  const written: StoryPage[] = [];
  return {
    add(page: WrittenStoryPage): void {
      const story = storyPage(siteDirectory, page.file, page.indexed);
      written.push(story);
      indexing.add(story);
    },
    caughtUp(): Promise<Set<string>> {
      ahead.abort();
      return indexing.done();
    },
    complete: (indexedHere: ReadonlySet<string>): Promise<SearchIndexReport> => indexSearch(siteDirectory, written, indexedHere, spaced),
  };
}
