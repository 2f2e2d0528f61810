// The digest every page reads: the editions reflowed from the sources folder, newest first
// (`editions`, as the reflow made them; the print views read these), and the same editions as the
// website shows them (`site`: issues and publications, stories in reading order with neighbours, people; see
// src/site/digest.ts), and which of their pages to render (`pages`).
import { sourcesDirectory } from "../src/config.ts";
import { siteDigest } from "../src/site/digest.ts";
import { editionsFromBuild, nothingToShow } from "../src/site/data.ts";
import { siteMetadata } from "../src/site/metadata.ts";
import { pageMemory } from "../src/site/rebuild.ts";

/** `npm start` reads the sources afresh on every change, and reports their problems. */
async function readSources() {
  // the reflow's code, loaded only where it may run
  const { readDigest } = await import("../src/edition/load.ts");
  const { digest: read, fresh } = readDigest(sourcesDirectory());
  if (fresh) for (const message of [...read.notices, ...read.problems.map(String)]) console.warn(`[broadsheet] ${message}`);
  return read.editions;
}

export default async function digest() {
  // the build hands over the editions it reflowed (and has reported their sources' problems)
  const editions = (await editionsFromBuild()) ?? (await readSources());
  // the feeds, home page and sitemap need an edition; `npm start` with none keeps the site it had
  if (editions.length === 0) throw nothingToShow(sourcesDirectory());
  const site = siteDigest(editions, siteMetadata());
  // the pages with one page per item: in `npm start`, only those whose data changed (src/site/rebuild.ts)
  return { editions, site, pages: pageMemory.select(site, editions) };
}
