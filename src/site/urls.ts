// Every URL the site, the feeds, the print edition and the tests agree on (before the path prefix).
import { createHash } from "node:crypto";
import { hashOf } from "../cache.ts";
import type { Edition, Story } from "../types.ts";

export const editionUrl = (edition: Pick<Edition, "slug">) => `/editions/${edition.slug}/`;
export const storyUrl = (edition: Pick<Edition, "slug">, story: Pick<Story, "id">) => `/editions/${edition.slug}/${story.id}/`;
/** The print view of one edition, or of the whole digest. */
export const printUrl = (edition?: Pick<Edition, "slug">) => (edition ? `/print/${edition.slug}/` : "/print/");
/** The PDF of one edition, or of the whole digest. */
export const pdfUrl = (edition?: Pick<Edition, "slug">) => (edition ? `/pdf/${edition.slug}.pdf` : "/pdf/digest.pdf");
export const searchUrl = "/search/";
export const rssUrl = "/feed.xml";
export const atomUrl = "/atom.xml";

// ---- the website's own pages ----

export const homeUrl = "/";
/** Every edition by date. */
export const archiveUrl = "/archive/";
export const authorsUrl = "/authors/";
/** One person named in bylines. The name itself makes the path (readable, and stable as long as the name is). */
export const authorUrl = (name: string) => `/authors/${pathSegment(name)}/`;
/** A publication's archive: its issues by year and month. */
export const publicationUrl = (publication: string) => `/papers/${pathSegment(publication)}/`;
/** One issue: a publication's pages of one date. */
export const issueUrl = (publication: string, date: string) => `${publicationUrl(publication)}${date}/`;
/** The page picture (版面图) of an edition (made after Eleventy runs; see src/site/pagemap.ts for its thumbnail and story areas). */
/** The PDF of one issue: its date, then a hash of its publication (any name makes a safe, stable file name). */
export const issuePdfUrl = (publication: string, date: string) => `/pdf/issues/${date}-${hashOf(publication).slice(0, 8)}.pdf`;
export const pictureUrl = (edition: Pick<Edition, "slug">) => `/pictures/${edition.slug}.jpg`;
/** An edition as JSON, exactly as the reflow produced it, for reuse elsewhere. */
export const editionJsonUrl = (edition: Pick<Edition, "slug">) => `/editions/${edition.slug}.json`;
/** The list of editions as JSON, each with the address of its full export. */
export const editionsJsonUrl = "/editions.json";
export const sitemapUrl = "/sitemap.xml";
/** The web fonts' stylesheet (subset Noto, written into the site by the print edition's build). */
export const fontsUrl = "/fonts/fonts.css";
export const faviconUrl = "/assets/favicon.svg";

/** Bytes a URL segment made from published text may take: file systems allow 255 for a name, and a segment may become one with a suffix. */
export const MAX_SEGMENT_BYTES = 120;
const HASH_LENGTH = 8;

const fingerprint = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, HASH_LENGTH);

/**
 * A URL segment (and folder name) from published text such as a name: letters and digits of any
 * script are kept, anything else (spaces, slashes, dots, markup) becomes `-`. Text that does not
 * survive that unchanged, or is too long for a file name, gets a hash of itself appended (after
 * the readable part, cut to fit), so different names never share a page and no name is too long.
 */
export function pathSegment(text: string): string {
  const normal = text.normalize("NFC");
  const readable = normal.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/gu, "");
  if (readable === normal && Buffer.byteLength(readable) <= MAX_SEGMENT_BYTES) return readable;
  let cut = "";
  for (const char of readable) {
    if (Buffer.byteLength(cut + char) > MAX_SEGMENT_BYTES - HASH_LENGTH - 1) break;
    cut += char;
  }
  return cut === "" ? fingerprint(normal) : `${cut}-${fingerprint(normal)}`;
}
