// Global data written in TypeScript: `_data/NAME.ts` exports its data, or a function returning it.
// The sources folder is watched too, so `npm start` rebuilds when a source page or sidecar changes.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { sourcesDirectory } from "../config.ts";
import type { EleventyConfig } from "./eleventy.ts";

async function importData(file: string): Promise<unknown> {
  const exported = (await import(pathToFileURL(resolve(file)).href)).default;
  // called on every build, so a rebuild in `npm start` reads the sources afresh
  return typeof exported === "function" ? await exported() : exported;
}

export default function typescriptData(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addDataExtension("ts", { read: false, parser: importData });
  eleventyConfig.addWatchTarget(sourcesDirectory());
}
