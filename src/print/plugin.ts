// The print edition's part of the site: the print views' helpers and assets (CSS, Paged.js), and
// the fonts every page uses, subset to the characters the site prints. Registered by
// eleventy.config.ts with addPlugin.
import { join, relative } from "node:path";
import { projectRoot, sourcesDirectory } from "../config.ts";
import { readDigest } from "../edition/load.ts";
import { editionUrl, issuePdfUrl, pdfUrl, printUrl } from "../site/urls.ts";
import type { Edition } from "../types.ts";
import { CharacterSet, uncovered, writeFonts } from "./fonts.ts";
import { printIssues } from "./issues.ts";
import { printEdition } from "./view.ts";

/** Where the print pages find their assets, in the site. */
export const ASSETS_FOLDER = "print/assets";

interface BuildResult {
  outputPath: string | false;
  content: string;
}

interface PrintEleventyConfig {
  addFilter(name: string, filter: (value: never) => unknown): void;
  addNunjucksGlobal(name: string, value: (...args: never[]) => unknown): void;
  addPassthroughCopy(mapping: Record<string, string>): void;
  on(event: "eleventy.after", listener: (event: { directories: { output: string }; results?: BuildResult[] }) => Promise<void>): void;
}

/** The print view's title, as text: the layout escapes it (once). */
export const printTitle = (edition?: Edition) =>
  edition ? `${edition.meta.publication} ${edition.meta.date} ${edition.meta.page} · 印刷版` : "全部版面 · 印刷版";

/** One line naming the characters no font of ours has, and the sources they are in; undefined when there are none. */
function uncoveredNotice(codePoints: readonly number[]): string | undefined {
  if (codePoints.length === 0) return undefined;
  const listed = (items: string[], most: number) => `${items.slice(0, most).join(", ")}${items.length > most ? ", …" : ""}`;
  const characters = codePoints.map((codePoint) => `${String.fromCodePoint(codePoint)} U+${codePoint.toString(16).toUpperCase()}`);
  const { editions } = readDigest(sourcesDirectory()).digest;
  const sources = editions.filter((edition) => {
    const text = JSON.stringify(edition);
    return codePoints.some((codePoint) => text.includes(String.fromCodePoint(codePoint)));
  });
  const where = sources.length > 0 ? ` (in ${listed(sources.map((edition) => edition.source), 5)})` : "";
  return `fonts: ${codePoints.length} character(s) no embedded font has, drawn by the system's fonts where it has them, else as empty boxes: ${listed(characters, 20)}${where}`;
}

export default function printEditionPlugin(eleventyConfig: PrintEleventyConfig): void {
  eleventyConfig.addFilter("printView", (edition: Edition) => printEdition(edition));
  eleventyConfig.addFilter("printIssues", (editions: Edition[]) => printIssues(editions));
  eleventyConfig.addFilter("printIssuePdfUrl", (issue: { publication: string; date: string }) => issuePdfUrl(issue.publication, issue.date));
  // named apart from the website's own helpers so that neither overwrites the other
  eleventyConfig.addNunjucksGlobal("printViewUrl", (edition?: Edition) => printUrl(edition));
  eleventyConfig.addNunjucksGlobal("printPdfUrl", (edition?: Edition) => pdfUrl(edition));
  eleventyConfig.addNunjucksGlobal("printSiteUrl", (edition?: Edition) => (edition ? editionUrl(edition) : "/"));
  eleventyConfig.addNunjucksGlobal("printTitle", printTitle);
  eleventyConfig.addPassthroughCopy({
    // passthrough paths are relative to where Eleventy runs
    [relative(process.cwd(), join(import.meta.dirname, "assets"))]: ASSETS_FOLDER,
    [relative(process.cwd(), join(projectRoot, "node_modules/pagedjs/dist/paged.polyfill.min.js"))]: `${ASSETS_FOLDER}/paged.polyfill.min.js`,
  });
  eleventyConfig.on("eleventy.after", async ({ directories, results }) => {
    const pages = results ?? [];
    const characters = new CharacterSet();
    for (const page of pages) characters.add(page.content);
    await writeFonts(directories.output, characters);
    const notice = uncoveredNotice(await uncovered(characters));
    if (notice) console.warn(notice);
  });
}
