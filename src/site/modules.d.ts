// Declarations for the Eleventy plugins the site imports (neither package ships types).
declare module "@11ty/eleventy" {
  /** Prefixes every URL in HTML output with the configured path prefix (or a full base URL). */
  export function HtmlBasePlugin(config: never, options?: { baseHref?: string }): void;
}

declare module "@11ty/eleventy-plugin-rss" {
  /** Date filters for feeds (dateToRfc3339, dateToRfc822) and the HTML base plugin. */
  export default function rssPlugin(config: never, options?: object): void;
}
