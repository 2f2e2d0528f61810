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
