// The print edition's part of the site: the print views' helpers and assets (CSS, Paged.js), and
// the fonts every page uses, subset to the characters the site prints. Registered by
// eleventy.config.ts with addPlugin.
import { join, relative } from "node:path";
import { projectRoot, sourcesDirectory } from "../config.ts";
import { editionUrl, issuePdfUrl, pdfUrl, printUrl } from "../site/urls.ts";
import type { Edition } from "../types.ts";
import { sendToBuild } from "../site/data.ts";
import { CharacterSet, FontCut } from "./fonts.ts";
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
    const printed = new CharacterSet();
    for (const page of results ?? []) printed.add(page.content);
    // the build that started this Eleventy cut the fonts while the pages were written: it is told what they print
    if (sendToBuild({ kind: "characters", text: printed.text() })) return;
    // `npm start` renders only the pages a change touched: the fonts are cut for every edition
    const { editions } = (await import("../edition/load.ts")).readDigest(sourcesDirectory()).digest;
    const notice = await new FontCut(directories.output, editions).complete(printed.text());
    if (notice) console.warn(notice);
  });
}
