// A story's article (`article` in _includes/partials/story.njk) rendered outside Eleventy, as its
// page shows it: the same template and filters in an environment of Eleventy's own Nunjucks, set as
// Eleventy sets it. The build renders every story's article this way to index it for search while
// Eleventy is still writing the pages (src/site/search-ahead.ts).
import { join } from "node:path";
import { projectRoot } from "../config.ts";
import { macrosOf } from "./compiled.ts";
import type { SiteStory } from "./digest.ts";
import { nunjucks } from "./nunjucks.ts";
import { SITE_URLS, siteFilters } from "./templates.ts";

const STORY_MACROS = "partials/story.njk";

/** A function giving a story's article as HTML, the templates compiled once for all. */
export function articleRenderer(): (item: SiteStory) => string {
  // Eleventy's environment: its includes folder, autoescape (src/site/templates.ts), the site's filters
  const environment = new nunjucks.Environment(new nunjucks.FileSystemLoader(join(projectRoot, "_includes")), { autoescape: true });
  for (const [name, filter] of Object.entries(siteFilters())) environment.addFilter(name, filter);
  environment.addGlobal("urls", SITE_URLS);
  const { article } = macrosOf(environment, STORY_MACROS) as { article?: (item: SiteStory) => unknown };
  if (typeof article !== "function") throw new Error(`${STORY_MACROS} has no macro named article`);
  return (item) => String(article(item));
}
