// The print edition's part of the site: the print views' helpers, their assets (CSS, Paged.js) and
// the font slices they need. Registered by eleventy.config.ts with addPlugin.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { projectRoot } from "../config.ts";
import { pdfUrl, printUrl } from "../site/urls.ts";
import type { Edition } from "../types.ts";
import { slicesFor } from "./fonts.ts";
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
  on(event: "eleventy.after", listener: (event: { directories: { output: string }; results?: BuildResult[] }) => void): void;
}

const isPrintPage = (outputDirectory: string, result: BuildResult): result is BuildResult & { outputPath: string } =>
  typeof result.outputPath === "string" &&
  relative(outputDirectory, result.outputPath).split(sep)[0] === "print" &&
  result.outputPath.endsWith(".html");

/**
 * Declare and copy only the font slices holding a character the print pages print: Paged.js loads
 * every declared face before laying out, and the PDF embeds only what is drawn anyway.
 * ASCII is always in, for the markup's quotes and entities and any Latin in the text.
 */
function writeFonts(outputDirectory: string, pages: readonly BuildResult[]): void {
  const ascii = String.fromCharCode(...Array.from({ length: 95 }, (_, k) => k + 32));
  const slices = slicesFor(ascii + pages.map((page) => page.content).join(""), "fonts");
  const folder = join(outputDirectory, ASSETS_FOLDER);
  mkdirSync(join(folder, "fonts"), { recursive: true });
  for (const slice of slices) copyFileSync(slice.file, join(folder, "fonts", slice.name));
  writeFileSync(join(folder, "fonts.css"), `/* Noto Serif SC and Noto Sans SC (SIL OFL 1.1), from @fontsource: the slices these pages use. */\n${slices.map((slice) => slice.rule).join("\n")}\n`);
}

export default function printEditionPlugin(eleventyConfig: PrintEleventyConfig): void {
  eleventyConfig.addFilter("printView", (edition: Edition) => printEdition(edition));
  // named apart from the website's own helpers so that neither overwrites the other
  eleventyConfig.addNunjucksGlobal("printViewUrl", (edition?: Edition) => printUrl(edition));
  eleventyConfig.addNunjucksGlobal("printPdfUrl", (edition?: Edition) => pdfUrl(edition));
  eleventyConfig.addPassthroughCopy({
    // passthrough paths are relative to where Eleventy runs
    [relative(process.cwd(), join(import.meta.dirname, "assets"))]: ASSETS_FOLDER,
    [relative(process.cwd(), join(projectRoot, "node_modules/pagedjs/dist/paged.polyfill.js"))]: `${ASSETS_FOLDER}/paged.polyfill.js`,
  });
  eleventyConfig.on("eleventy.after", ({ directories, results }) => {
    const pages = (results ?? []).filter((result) => isPrintPage(directories.output, result));
    if (pages.length > 0) writeFonts(directories.output, pages);
  });
}

