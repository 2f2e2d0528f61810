// Where things are, and the site's address: one place for the build, the dev server and the tests.
import { resolve } from "node:path";

export const projectRoot = resolve(import.meta.dirname, "..");

/** The folder of source pages (`NAME.txt` with `NAME.meta.yaml`); `BROADSHEET_SOURCES` overrides it. */
export function sourcesDirectory(): string {
  return resolve(projectRoot, process.env.BROADSHEET_SOURCES ?? "sources");
}

/** Bare site address for absolute links in feeds (no trailing slash); `BROADSHEET_URL` overrides it. */
export function siteUrl(): string {
  return (process.env.BROADSHEET_URL ?? "http://localhost:8080").replace(/\/+$/u, "");
}

/** Sub-folder the site is served from, e.g. `/digest/`; `BROADSHEET_PATH_PREFIX` overrides it. */
export function pathPrefix(): string {
  const prefix = process.env.BROADSHEET_PATH_PREFIX ?? "/";
  return `/${prefix.replace(/^\/+|\/+$/gu, "")}/`.replace(/^\/\/$/u, "/");
}

/** The site's name in its masthead, titles and feeds; `BROADSHEET_TITLE` overrides the Chinese default. */
export function siteTitle(): string {
  return process.env.BROADSHEET_TITLE?.trim() || "报摘";
}

const FEED_STORIES = 50;

/** How many of the latest stories the feeds carry (the archive is on the site); `BROADSHEET_FEED_STORIES` overrides it. */
export function feedStoryCount(): number {
  const setting = process.env.BROADSHEET_FEED_STORIES;
  const value = Number(setting ?? FEED_STORIES);
  if (Number.isInteger(value) && value > 0) return value;
  console.warn(`BROADSHEET_FEED_STORIES=${setting} is not a whole number above 0; the feeds carry the latest ${FEED_STORIES} stories`);
  return FEED_STORIES;
}

const SHARD_STORIES = 1000;

/**
 * About how many stories one shard of the search index holds (src/site/search.ts): Pagefind's
 * memory while indexing grows with it, a search fetches from every shard. `BROADSHEET_SHARD_STORIES`
 * overrides it.
 */
export function searchShardStories(): number {
  const setting = process.env.BROADSHEET_SHARD_STORIES;
  const value = Number(setting ?? SHARD_STORIES);
  if (Number.isInteger(value) && value > 0) return value;
  console.warn(`BROADSHEET_SHARD_STORIES=${setting} is not a whole number above 0; search shards hold about ${SHARD_STORIES} stories`);
  return SHARD_STORIES;
}
