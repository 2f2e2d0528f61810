// The site's name and address, from the environment (src/config.ts): BROADSHEET_TITLE names the site;
// BROADSHEET_URL is the bare origin (https://example.org), BROADSHEET_PATH_PREFIX the sub-folder.
import { pathPrefix, siteTitle, siteUrl } from "../config.ts";

export interface SiteMetadata {
  title: string;
  description: string;
  language: "zh-CN";
  /** Bare origin, no trailing slash: what the feed plugin calls the base. */
  url: string;
  /** `/` or `/sub/`: where the site lives on its host. */
  pathPrefix: string;
  /** Absolute address of the home page, e.g. `https://example.org/sub/`. */
  home: string;
}

export function siteMetadata(): SiteMetadata {
  const url = siteUrl();
  const prefix = pathPrefix();
  return {
    title: siteTitle(),
    description: "报纸版面文摘：按日期、按版面阅读，检索与订阅。",
    language: "zh-CN",
    url,
    pathPrefix: prefix,
    home: `${url}${prefix}`,
  };
}

/** A site path (`/editions/x/`) as an absolute, percent-encoded URL under the site's address. */
export function absoluteUrl(path: string, site: Pick<SiteMetadata, "home"> = siteMetadata()): string {
  return new URL(path.replace(/^\/+/u, ""), site.home).href;
}
