// Global data written in TypeScript: `_data/NAME.ts` exports its data, or a function returning it.
// The sources folder is watched too, so `npm start` rebuilds when a source page or sidecar changes,
// is added or is deleted, and the pages of a deleted source leave the served folder and its search index.
import { type FSWatcher, closeSync, constants, openSync, readFileSync, rmSync, watch, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { deserialize } from "node:v8";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { sourcesDirectory } from "../config.ts";
import { displayPath } from "../edition/errors.ts";
import type { EleventyConfig } from "./eleventy.ts";
import { BUILD_STAMP, replacePages } from "./output.ts";
import { pageMemory } from "./rebuild.ts";
import type { WrittenStoryPage } from "./search.ts";
import type { Edition } from "../types.ts";

async function importData(file: string): Promise<unknown> {
  // an Eleventy whose config is bundled (scripts/run.mjs) finds the data files bundled beside it
  const compiled = process.env.BROADSHEET_COMPILED;
  const path = compiled ? join(compiled, "_data", basename(file).replace(/\.ts$/u, ".mjs")) : resolve(file);
  const exported = (await import(pathToFileURL(path).href)).default;
  // called on every build, so a rebuild in `npm start` reads the sources afresh
  return typeof exported === "function" ? await exported() : exported;
}

/** What the build tells the Eleventy it started once the sources are reflowed. */
export interface DigestReady {
  kind: "digest-ready";
  /** Whether the build prints PDFs (else the pages link none). */
  pdfs: boolean;
  /** The file holding the editions, serialized by V8 (`v8.serialize`). */
  editions: string;
}
let digestReady: Promise<string | undefined> | undefined;

/** What Eleventy started by the build tells it: each story page as it is written, then every character the pages print. */
export type ToBuild = ({ kind: "story-page" } & WrittenStoryPage) | { kind: "characters"; text: string };

/** Tell the build that started this Eleventy; false when none did (`npm start`, a test). */
export function sendToBuild(message: ToBuild): boolean {
  if (!process.env.BROADSHEET_BUILD || !process.send) return false;
  process.send(message);
  return true;
}

/**
 * Eleventy started by the build (BROADSHEET_BUILD, with a channel to it) starts while the build
 * still reflows the sources, so that its own start-up (one to three seconds) is not added to the
 * reflow's; its data is read once the build says the reflow is done, and whether it prints PDFs.
 * Resolves with the file of editions the build hands over (undefined when no build started it).
 */
export function buildDigestReady(): Promise<string | undefined> {
  const channel = process.send ? process : undefined;
  if (!process.env.BROADSHEET_BUILD || !channel) return Promise.resolve(undefined);
  digestReady ??= new Promise((done) => {
    const listen = (message: DigestReady) => {
      if (message?.kind !== "digest-ready") return;
      channel.off("message", listen); // a channel listened to keeps the process from ending
      if (!message.pdfs) process.env.BROADSHEET_PDF = "0";
      done(message.editions);
    };
    channel.on("message", listen);
  });
  return digestReady;
}

/**
 * The editions the build reflowed, from the file it handed over: the reflow's code (and a read of
 * every source's cache entry) is then not needed here. Undefined when no build started Eleventy.
 * V8's own serialization, as both processes run the same Node: as JSON, the 1,000-page archive's
 * 30 MB of mostly Chinese text took 0.4 s to read here (UTF-8 decoding) and as long to write there.
 */
export async function editionsFromBuild(): Promise<Edition[] | undefined> {
  const file = await buildDigestReady();
  return file === undefined ? undefined : (deserialize(readFileSync(file)) as Edition[]);
}

/** The digest's data cannot be made: one clear line from Eleventy, no stack trace, the site left as it was. */
export function nothingToShow(directory: string): Error {
  const error = new Error(`no edition could be built from ${displayPath(directory)} (see the problems above): add a source page with its sidecar; the site is left as it was`);
  return Object.assign(error, { skipOriginalStack: true });
}

/**
 * Eleventy 3 rebuilds when a watched file changes or appears, but not when one is deleted; and in
 * a large sources folder (2,000 files) its watcher missed a page written just as the server
 * started. A page added to or deleted from the sources folder therefore also writes a file Eleventy
 * watches, which it rebuilds for (a change seen both ways within the watch throttle is one rebuild).
 */
function rebuildOnSourceChange(eleventyConfig: EleventyConfig): () => void {
  const sources = sourcesDirectory();
  // one per user, not per run: a run stopped by a signal cannot remove it (another run's rebuild is harmless)
  const signal = join(tmpdir(), `broadsheet-source-changed-${process.getuid?.() ?? "user"}`);
  eleventyConfig.addWatchTarget(signal);
  eleventyConfig.on("eleventy.beforeWatch", (changed: string[]) => pageMemory.changed(changed, sources, signal));
  const onChange = (event: string, name: string | null) => {
    if (event !== "rename" || !name) return;
    try {
      // not through a link someone else left at that name in the shared temporary folder
      const descriptor = openSync(signal, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW);
      writeFileSync(descriptor, name);
      closeSync(descriptor);
    } catch (error) {
      console.warn(`[broadsheet] ${name} was added or deleted, but no rebuild could be started (${(error as Error).message}); save any source to rebuild`);
    }
  };
  let watcher: FSWatcher | undefined;
  return () => {
    if (watcher) return;
    try {
      // the folder itself gone (or never there): watch it again after the next build
      const started = watch(sources, onChange).on("error", () => {
        started.close();
        watcher = undefined;
      });
      watcher = started;
      started.unref();
    } catch {
      watcher = undefined;
    }
  };
}

export default function typescriptData(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addDataExtension("ts", { read: false, parser: importData });
  eleventyConfig.addWatchTarget(sourcesDirectory());
  // a page and its sidecar, saved together, start one rebuild rather than two in a row
  eleventyConfig.setWatchThrottleWaitTime(300);
  const watchSources = rebuildOnSourceChange(eleventyConfig);
  // synchronous, so that it is done before the search index (a later listener) reads the folder
  eleventyConfig.on("eleventy.after", ({ directories, results, runMode }) => {
    const written = results.flatMap((result) => (typeof result.outputPath === "string" ? [resolve(result.outputPath)] : []));
    // the pages a rebuild left as they were are still the site's
    written.push(...pageMemory.keptFiles().map((file) => resolve(directories.output, file)));
    const removed = replacePages(resolve(directories.output), written);
    if (runMode === "build") return;
    // `npm start` has written over the folder: the next build is not to take it as its own
    rmSync(join(directories.output, BUILD_STAMP), { force: true });
    if (removed > 0) console.log(`[broadsheet] removed ${removed} page(s) no longer built (their source is gone)`);
    watchSources();
  });
}
