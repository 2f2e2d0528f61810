// The digest every page reads: the editions reflowed from the sources folder, newest first
// (`editions`, as the reflow made them; the print views read these), and the same editions as the
// website shows them (`site`: issues and publications, stories in reading order with neighbours, people; see
// src/site/digest.ts), and which of their pages to render (`pages`).
import { sourcesDirectory } from "../src/config.ts";
import { readDigest } from "../src/edition/load.ts";
import { siteDigest } from "../src/site/digest.ts";
import { buildDigestReady, nothingToShow } from "../src/site/data.ts";
import { siteMetadata } from "../src/site/metadata.ts";
import { pageMemory } from "../src/site/rebuild.ts";

export default async function digest() {
  await buildDigestReady();
  const { digest: read, fresh } = readDigest(sourcesDirectory());
  const { editions, problems, notices } = read;
  // the build has reported this digest already (BROADSHEET_BUILD when Eleventy runs in a process
  // of its own); `npm start` reads it afresh on every change
  if (fresh && !process.env.BROADSHEET_BUILD) for (const message of [...notices, ...problems.map(String)]) console.warn(`[broadsheet] ${message}`);
  // the feeds, home page and sitemap need an edition; `npm start` with none keeps the site it had
  if (editions.length === 0) throw nothingToShow(sourcesDirectory());
  const site = siteDigest(editions, siteMetadata());
  // the pages with one page per item: in `npm start`, only those whose data changed (src/site/rebuild.ts)
  return { editions, site, pages: pageMemory.select(site, editions) };
}
