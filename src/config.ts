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

/** A whole number above 0 from the environment variable `name`, else `fallback` (with a warning saying what that means). */
function countSetting(name: string, fallback: number, meaning: (count: number) => string): number {
  const setting = process.env[name];
  const value = Number(setting ?? fallback);
  if (Number.isInteger(value) && value > 0) return value;
  console.warn(`${name}=${setting} is not a whole number above 0; ${meaning(fallback)}`);
  return fallback;
}

/** How many of the latest stories the feeds carry (the archive is on the site); `BROADSHEET_FEED_STORIES` overrides it. */
export const feedStoryCount = () => countSetting("BROADSHEET_FEED_STORIES", 50, (count) => `the feeds carry the latest ${count} stories`);

/**
 * About how many stories one shard of the search index holds (src/site/search.ts): Pagefind's
 * memory while indexing grows with it, a search fetches from every shard. `BROADSHEET_SHARD_STORIES`
 * overrides it.
 */
export const searchShardStories = () => countSetting("BROADSHEET_SHARD_STORIES", 1000, (count) => `search shards hold about ${count} stories`);
