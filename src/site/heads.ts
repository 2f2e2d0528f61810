// What the layout puts in each page's <head>: its title and description, its link preview (the
// page picture that stands for it) and its neighbours. A page template hands the layout one
// computed value, `head` (`this.storyHead(item)` and the like, registered below): Eleventy runs each
// computed value of each page twice, once through a proxy to learn what it reads, and eight of
// them on every story page took ~0.3 s of Eleventy's CPU at 100 pages, 3 s at 1,000.
import type { EleventyConfig } from "./eleventy.ts";
import type { SiteAuthor, SiteEdition, SiteIssue, SitePublication, SiteStory } from "./digest.ts";

export interface PageHead {
  /** Unset on the home page, which is named by the site's own title. */
  title?: string;
  description?: string;
  /** Open Graph's type: "website" unless said. */
  ogType?: "article";
  /** ISO 8601, for `article:published_time`. */
  published?: string;
  /** schema.org JSON-LD, serialized for a script element. */
  jsonLd?: string;
  /** The page picture that stands for the page in link previews. */
  pictureSlug?: string;
  pictureUrl?: string;
  previousUrl?: string;
  nextUrl?: string;
}

export const storyHead = (story: SiteStory): PageHead => ({
  title: story.title,
  description: story.summary,
  ogType: "article",
  published: story.publishedIso,
  jsonLd: story.jsonLd,
  pictureSlug: story.edition.slug,
  pictureUrl: story.edition.pictureUrl,
  previousUrl: story.previous?.url,
  nextUrl: story.next?.url,
});

export const editionHead = (edition: SiteEdition): PageHead => ({
  title: `${edition.label} · ${edition.publication} ${edition.dateLabel}`,
  description: edition.description || `${edition.publication} ${edition.dateLabel} ${edition.label}`,
  pictureSlug: edition.slug,
  pictureUrl: edition.pictureUrl,
  previousUrl: edition.previous?.url,
  nextUrl: edition.next?.url,
});

export const issueHead = (issue: SiteIssue): PageHead => ({
  title: `${issue.publication} ${issue.dateLabel}`,
  description: `${issue.publication} ${issue.dateLabel}，共 ${issue.pages.length} 版。`,
  pictureSlug: issue.pages[0]!.slug,
  pictureUrl: issue.pages[0]!.pictureUrl,
});

export const publicationHead = (publication: SitePublication): PageHead => ({
  title: `${publication.name} · 往期`,
  description: `${publication.name}的全部 ${publication.issues.length} 期，按年月浏览。`,
});

export const authorHead = (author: SiteAuthor): PageHead => ({ title: author.name, description: `${author.name}的署名文章` });

/** The home page: the first page of the newest issue stands for the site. */
export const homeHead = (publications: readonly SitePublication[]): PageHead => ({
  pictureSlug: publications[0]!.latest.pages[0]!.slug,
  pictureUrl: publications[0]!.latest.pages[0]!.pictureUrl,
});

export default function heads(eleventyConfig: EleventyConfig): void {
  for (const [name, head] of Object.entries({ storyHead, editionHead, issueHead, publicationHead, authorHead, homeHead })) {
    eleventyConfig.addJavaScriptFunction(name, head);
  }
}
