// Broadsheet's site, as a table of contents. The pieces live in src/site (pages, feeds, search).
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { pathPrefix } from "./src/config.ts";
import printEditionPlugin from "./src/print/plugin.ts";

interface EleventyConfig {
  addDataExtension(extension: string, options: { read: boolean; parser: (file: string) => Promise<unknown> }): void;
  addWatchTarget(path: string): void;
  addPlugin(plugin: (eleventyConfig: never) => void): void;
}

/** `_data/*.ts` files export their data (or a function returning it). */
async function importData(file: string): Promise<unknown> {
  const exported = (await import(pathToFileURL(resolve(file)).href)).default;
  return typeof exported === "function" ? await exported() : exported;
}

export default function (eleventyConfig: EleventyConfig) {
  eleventyConfig.addDataExtension("ts", { read: false, parser: importData });
  eleventyConfig.addWatchTarget("sources/");
  eleventyConfig.addPlugin(printEditionPlugin);
}

export const config = {
  // the output folder is given by whoever runs Eleventy (the build stages into a fresh one)
  dir: { input: "src/pages", includes: "../../_includes", data: "../../_data" },
  markdownTemplateEngine: "njk",
  htmlTemplateEngine: "njk",
  pathPrefix: pathPrefix(),
};
