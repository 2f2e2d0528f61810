// RSS 2.0 and Atom feeds, one entry per story with its full HTML. The feed templates
// (src/pages/feed.xml.njk, atom.xml.njk) read the stories straight from the digest, so each entry's
// date is its edition's date; the RSS plugin brings Atom's date filter, `rfc822` (below) RSS's.
// Addresses are absolute, by `fullUrl` (src/site/templates.ts), the links in an entry's HTML
// included (its byline's, the only ones: the HTML base plugin's `transformWithHtmlBase` parsed each
// entry for them, 80 ms a build).
import rssPlugin from "@11ty/eleventy-plugin-rss";
import { rfc822DateTime } from "../dates.ts";
import type { EleventyConfig } from "./eleventy.ts";

export default function feeds(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addPlugin(rssPlugin);
  // RSS's dates, from an edition's date (YYYY-MM-DD), the same on any build machine
  eleventyConfig.addFilter("rfc822", rfc822DateTime);
}
