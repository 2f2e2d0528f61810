// Broadsheet's site, as a table of contents: each line is one concern, a plugin in src/site
// (or src/print for the print edition). Pages are in src/pages, layouts in _includes, data in _data.
import { HtmlBasePlugin } from "@11ty/eleventy";
import { pathPrefix } from "./src/config.ts";
import printEditionPlugin from "./src/print/plugin.ts";
import siteAssets from "./src/site/assets.ts";
import type { EleventyConfig } from "./src/site/eleventy.ts";
import feeds from "./src/site/feeds.ts";
import heads from "./src/site/heads.ts";
import { pageMapsOnRebuild } from "./src/site/pagemap.ts";
import searchIndex from "./src/site/search.ts";
import templates from "./src/site/templates.ts";
import typescriptData from "./src/site/data.ts";
import compiledOnce from "./src/site/compiled.ts";

export default function (eleventyConfig: EleventyConfig) {
  eleventyConfig.addPlugin(typescriptData); // _data/*.ts; rebuild when sources/ changes
  eleventyConfig.addPlugin(compiledOnce); // each Nunjucks template compiled once, not once per page
  eleventyConfig.addPlugin(templates); // Nunjucks escapes everything; the site's fixed URLs
  eleventyConfig.addPlugin(heads); // each page's title, description, link preview and neighbours, for the layout
  eleventyConfig.addPlugin(HtmlBasePlugin); // every internal link gets the path prefix (added once, before the feeds)
  eleventyConfig.addPlugin(feeds); // RSS and Atom date filters
  eleventyConfig.addPlugin(siteAssets); // CSS and the search page's script
  eleventyConfig.addPlugin(searchIndex); // Pagefind after each rebuild in `npm start`; story pages to the build as they are written
  eleventyConfig.addPlugin(pageMapsOnRebuild); // page pictures into the pages after each rebuild in `npm start`
  eleventyConfig.addPlugin(printEditionPlugin); // print views and their assets
}

export const config = {
  // the output folder is given by whoever runs Eleventy (the build stages into a fresh one; `npm start` uses _site)
  dir: { input: "src/pages", includes: "../../_includes", data: "../../_data" },
  markdownTemplateEngine: "njk",
  htmlTemplateEngine: "njk",
  pathPrefix: pathPrefix(),
};
