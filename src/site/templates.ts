// Nunjucks as the site uses it: every `{{ }}` is HTML-escaped (source text never becomes markup;
// only values built in TypeScript for the purpose, like JSON-LD, are marked `| safe`), and the
// site's fixed addresses are available to every template as `urls`; `phrases` splits a headline
// where it may break (src/site/phrases.ts); `fullUrl` makes a site path the address to share.
import type { EleventyConfig } from "./eleventy.ts";
import { absoluteUrl, siteMetadata } from "./metadata.ts";
import { type Phrase, phrases } from "./phrases.ts";
import { archiveUrl, atomUrl, authorsUrl, editionsJsonUrl, faviconUrl, fontsUrl, homeUrl, pdfUrl, printUrl, rssUrl, searchUrl, sitemapUrl } from "./urls.ts";

export const SITE_URLS = {
  home: homeUrl,
  archive: archiveUrl,
  authors: authorsUrl,
  search: searchUrl,
  rss: rssUrl,
  atom: atomUrl,
  print: printUrl(),
  pdf: pdfUrl(),
  editionsJson: editionsJsonUrl,
  fonts: fontsUrl,
  favicon: faviconUrl,
  sitemap: sitemapUrl,
} as const;

/** The site's own filters, as a build's pages use them (Eleventy's, and the build's own rendering of a story: src/site/article.ts). */
export function siteFilters() {
  // what Eleventy's `htmlBaseUrl(metadata.url)` gives, without its test of whether the path is a
  // URL already (a thrown and caught TypeError each time: 0.8 s of a 1,000-page build, for two a
  // page); the site's address read from the environment once a build, not for each of 30,000 calls
  const site = siteMetadata();
  // a headline is set on its story page and on its page's, issue's, authors' and print pages: split once a build
  const split = new Map<string, Phrase[]>();
  return {
    fullUrl: (path: string) => absoluteUrl(path, site),
    phrases(text: string): Phrase[] {
      let known = split.get(text);
      if (!known) split.set(text, (known = phrases(text)));
      return known;
    },
  };
}

export default function templates(eleventyConfig: EleventyConfig): void {
  // Nunjucks escapes by default already; said here so that no later change turns it off unnoticed
  // (`dev` is Eleventy's own default, kept for readable template errors).
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, dev: true });
  eleventyConfig.addNunjucksGlobal("urls", SITE_URLS);
  let filters = siteFilters();
  eleventyConfig.on("eleventy.before", () => (filters = siteFilters()));
  eleventyConfig.addFilter("fullUrl", (path: string) => filters.fullUrl(path)); // (the RSS plugin has an `absoluteUrl` of its own)
  eleventyConfig.addFilter("phrases", (text: string) => filters.phrases(text));
}
