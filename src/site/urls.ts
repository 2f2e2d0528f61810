// Every URL the site, the feeds, the print edition and the tests agree on (before the path prefix).
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
export const authorUrl = (name: string) => `/authors/${authorSlug(name)}/`;
/** An edition as JSON, exactly as the reflow produced it, for reuse elsewhere. */
export const editionJsonUrl = (edition: Pick<Edition, "slug">) => `/editions/${edition.slug}.json`;
/** The list of editions as JSON, each with the address of its full export. */
export const editionsJsonUrl = "/editions.json";
export const sitemapUrl = "/sitemap.xml";

/** Letters and digits of any script are kept; anything else (spaces, slashes, dots) becomes `-`. */
export function authorSlug(name: string): string {
  const slug = name
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/gu, "");
  return slug === "" ? "unnamed" : slug;
}
