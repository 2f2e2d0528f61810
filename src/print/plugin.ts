// The print edition's part of the site: the print views' helpers and assets (CSS, Paged.js), and
// the fonts every page uses, subset to the characters the site prints. Registered by
// eleventy.config.ts with addPlugin.
import { join, relative } from "node:path";
import { projectRoot } from "../config.ts";
import { editionUrl, pdfUrl, printUrl } from "../site/urls.ts";
import type { Edition } from "../types.ts";
import { CharacterSet, uncovered, writeFonts } from "./fonts.ts";
import { issuePdfUrl, printIssues } from "./issues.ts";
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

/** One line naming the characters no font of ours has, and where they are; undefined when there are none. */
function uncoveredNotice(codePoints: readonly number[], pages: readonly BuildResult[]): string | undefined {
  if (codePoints.length === 0) return undefined;
  const characters = codePoints.map((codePoint) => `${String.fromCodePoint(codePoint)} U+${codePoint.toString(16).toUpperCase()}`);
  const where = pages
    .filter((page) => typeof page.outputPath === "string" && page.outputPath.includes(`${join("print", "")}`) && codePoints.some((codePoint) => page.content.includes(String.fromCodePoint(codePoint))))
    .map((page) => relative(projectRoot, page.outputPath as string));
  return `fonts: ${codePoints.length} character(s) no embedded font has, drawn by the system's fonts where it has them, else as empty boxes: ${characters.slice(0, 20).join(", ")}${characters.length > 20 ? ", …" : ""}${where.length > 0 ? ` (in ${where.slice(0, 5).join(", ")}${where.length > 5 ? ", …" : ""})` : ""}`;
}

export default function printEditionPlugin(eleventyConfig: PrintEleventyConfig): void {
  eleventyConfig.addFilter("printView", (edition: Edition) => printEdition(edition));
  eleventyConfig.addFilter("printIssues", (editions: Edition[]) => printIssues(editions));
  eleventyConfig.addFilter("printIssuePdfUrl", (issue: { publication: string; date: string }) => issuePdfUrl(issue));
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
    const notice = uncoveredNotice(await uncovered(characters), pages);
    if (notice) console.warn(notice);
  });
}
