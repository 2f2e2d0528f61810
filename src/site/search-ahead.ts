// The search index, made while Eleventy writes the site rather than after it. The build renders
// each story's article itself (src/site/article.ts: the same template as the story page) and
// indexes those pages into the cache, where `indexSearch` then finds each shard by the pages
// Eleventy actually wrote: a shard whose pages came out otherwise (a template the build could not
// render alike) is simply indexed again from them, so the index is always that of the written pages.
// Pagefind then builds its index on the core Eleventy leaves, and not in a tail after it.
import { siteDigest } from "./digest.ts";
import { articleRenderer } from "./article.ts";
import { siteMetadata } from "./metadata.ts";
import { type StoryPage, cacheSearchShards, indexedPart, storyPageAt } from "./search.ts";
import type { Edition } from "../types.ts";

/** The story pages of these editions as the site will write them, as far as the search reads them. */
export function foreseenStoryPages(editions: readonly Edition[]): StoryPage[] {
  const render = articleRenderer();
  return siteDigest(editions, siteMetadata()).storiesByShard.map((item) => storyPageAt(item.url, indexedPart(render(item))));
}

/**
 * Index the story pages of `editions` into the cache, as foreseen, shards missing from it only;
 * the keys of the shards indexed. Never fails: a shard not indexed here is indexed by `indexSearch`,
 * which reports why if it fails there too.
 */
export async function indexAhead(editions: readonly Edition[], spaced: Map<string, string>): Promise<Set<string>> {
  try {
    return (await cacheSearchShards(foreseenStoryPages(editions), spaced)).indexed;
  } catch (error) {
    // the build is then only slower (what fails for good, Eleventy or `indexSearch` reports): said when debugging
    if (process.env.BROADSHEET_DEBUG) console.warn(`search index not made ahead: ${(error as Error).message}`);
    return new Set();
  }
}
