// schema.org `NewsArticle` for story pages, and a serialization that is safe inside `<script>`.
import type { Edition, Story } from "../types.ts";
import { isoDateTime } from "../dates.ts";

export interface ArticleLinks {
  /** Absolute URL of the story page. */
  url: string;
  /** Absolute URL of each named person's page, by name. */
  personUrl: (name: string) => string;
  description: string;
}

export function newsArticle(story: Story, edition: Edition, links: ArticleLinks): Record<string, unknown> {
  const person = (name: string) => ({ "@type": "Person", name, url: links.personUrl(name) });
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: story.title,
    ...(story.subtitle ? { alternativeHeadline: story.subtitle } : {}),
    description: links.description,
    url: links.url,
    mainEntityOfPage: links.url,
    inLanguage: "zh-CN",
    datePublished: isoDateTime(edition.meta.date),
    ...(story.authors.length > 0 ? { author: story.authors.map(person) } : {}),
    ...(story.photographers?.length ? { contributor: story.photographers.map(person) } : {}),
    publisher: { "@type": "Organization", name: edition.meta.publication },
    printSection: edition.meta.page,
    ...(edition.meta.pageNumber !== undefined ? { printPage: String(edition.meta.pageNumber) } : {}),
    articleBody: story.blocks.map((block) => block.text).join("\n"),
  };
}

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` are written as \u escapes so
 * that no source text (e.g. `</script>`) can end the script element; U+2028/2029 likewise, for old
 * JavaScript parsers. The result is still the same JSON value.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/gu, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
