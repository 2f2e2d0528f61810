// `npm start` rebuilds the site whenever a source changes; on a large archive nearly every page then
// comes out as it was. A rebuild after a change to the sources only renders the pages whose data
// changed since the last build (a new page: its edition, stories, issue, people, neighbours), beside
// the lists and feeds that name every edition; the other pages are left as written. A change to
// anything else (a template, the code) renders everything, as does every `npm run build`.
import { resolve, sep } from "node:path";
import { hashOf } from "../cache.ts";
import type { Edition } from "../types.ts";
import type { SiteAuthor, SiteDigest, SiteEdition, SiteIssue, SiteStory } from "./digest.ts";
import { printUrl } from "./urls.ts";

/** The page sets that have a page per item, as the templates paginate them. */
export interface PagesToRender {
  editions: SiteEdition[];
  storiesByShard: SiteStory[];
  issues: SiteIssue[];
  authors: SiteAuthor[];
  /** The editions as the reflow made them, for the print views. */
  printEditions: Edition[];
}

/** Each page's URL and a hash of what it is rendered from. */
type Signatures = Map<string, string>;

/** The last build's pages and what they were rendered from, and what started the next build. */
export class PageMemory {
  private last: Signatures | undefined;
  private kept: string[] = [];
  private sourcesOnly = false;

  /** Eleventy's files that start the next rebuild: partial only when they are all in `sources` (or `signal`). */
  changed(files: readonly string[], sources: string, signal: string): void {
    const inside = (file: string) => resolve(file) === resolve(signal) || resolve(file).startsWith(resolve(sources) + sep);
    this.sourcesOnly = files.length > 0 && files.every(inside);
  }

  /** The pages to render this time, all of them unless only the sources changed since the last build. */
  select(site: SiteDigest, editions: readonly Edition[]): PagesToRender {
    // a build renders every page, and has no next build to remember them for (hashing them all
    // took a tenth of its Eleventy's time)
    if (process.env.ELEVENTY_RUN_MODE === "build") {
      return { editions: site.editions, storiesByShard: site.storiesByShard, issues: site.issues, authors: site.authors, printEditions: [...editions] };
    }
    const signatures = signaturesOf(site, editions);
    const last = this.sourcesOnly ? this.last : undefined;
    this.last = signatures;
    this.sourcesOnly = false;
    const fresh = (url: string) => last === undefined || last.get(url) !== signatures.get(url);
    const selected: PagesToRender = {
      editions: site.editions.filter((edition) => fresh(edition.url)),
      storiesByShard: site.storiesByShard.filter((story) => fresh(story.url)),
      issues: site.issues.filter((issue) => fresh(issue.url)),
      authors: site.authors.filter((author) => fresh(author.url)),
      printEditions: editions.filter((edition) => fresh(printUrl(edition))),
    };
    this.kept = [
      ...[...signatures.keys()].filter((url) => !fresh(url)),
      // an edition's JSON goes with its page
      ...site.editions.filter((edition) => !fresh(edition.url)).map((edition) => edition.jsonUrl),
    ];
    return selected;
  }

  /** The output files (relative to the site folder) of the pages last left as they were. */
  keptFiles(): string[] {
    return this.kept.map(outputFile);
  }
}

/** Where Eleventy writes a page of this URL: `index.html` for a folder's, the file itself otherwise. */
const outputFile = (url: string) => (url.endsWith("/") ? `${url}index.html` : url).slice(1).split("/").join(sep);

const hash = (value: unknown) => hashOf(JSON.stringify(value));

function signaturesOf(site: SiteDigest, editions: readonly Edition[]): Signatures {
  const signatures: Signatures = new Map();
  for (const edition of site.editions) signatures.set(edition.url, hash(edition));
  for (const story of site.stories) signatures.set(story.url, hash(story));
  for (const issue of site.issues) signatures.set(issue.url, hash(issue));
  for (const author of site.authors) signatures.set(author.url, hash(author));
  for (const edition of editions) signatures.set(printUrl(edition), hash(edition));
  return signatures;
}

/** The one memory of `npm start`'s Eleventy process, shared by its data (`_data/digest.ts`) and its hooks (data.ts). */
export const pageMemory = new PageMemory();
