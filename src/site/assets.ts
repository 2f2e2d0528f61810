// The website's stylesheet and its one script (the search page's), copied to /assets/.
import { join, relative } from "node:path";
import type { EleventyConfig } from "./eleventy.ts";

export const ASSETS_FOLDER = "assets";

export default function siteAssets(eleventyConfig: EleventyConfig): void {
  // passthrough paths are relative to where Eleventy runs
  eleventyConfig.addPassthroughCopy({ [relative(process.cwd(), join(import.meta.dirname, "assets"))]: ASSETS_FOLDER });
}
