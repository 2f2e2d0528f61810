// The build's cache, `.cache/` in the project (BROADSHEET_CACHE overrides it): what a build made
// from some input, filed under a hash of everything it was made from, so that a rebuild redoes only
// what changed. An entry is written whole or not at all (a folder renamed into place), so a build
// killed midway leaves nothing half-written to be read back.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "./config.ts";

export function cacheDirectory(): string {
  return process.env.BROADSHEET_CACHE ?? join(projectRoot, ".cache");
}

/** A short, stable hash of some parts, each set apart so that ("ab", "c") ≠ ("a", "bc"). */
export function hashOf(...parts: ReadonlyArray<string | Uint8Array>): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(`${part.length}:`).update(part);
  return hash.digest("hex").slice(0, 24);
}

/**
 * The contents of a file, or "" when there is none (a missing sidecar is part of the key too). Only
 * a regular file is read: a link or a named pipe is left for loading to refuse, never followed here.
 */
export function fileOrEmpty(file: string): Buffer | string {
  const stats = lstatSync(file, { throwIfNoEntry: false });
  if (!stats) return "";
  return stats.isFile() ? readFileSync(file) : `not a regular file: ${stats.mode}`;
}

/** The hash of every file in some folders (their code, for the version of what the code makes). */
export function codeVersion(folders: readonly string[]): string {
  const files = folders.flatMap((folder) =>
    readdirSync(folder, { recursive: true, encoding: "utf8" })
      .filter((name) => /\.(ts|mts|js|css|njk)$/u.test(name))
      .sort()
      .map((name) => join(folder, name)),
  );
  return hashOf(...files.flatMap((file) => [file.slice(projectRoot.length), readFileSync(file)]));
}

/** The folder of a cached entry, or undefined when it was never made. */
export function cachedEntry(kind: string, key: string): string | undefined {
  const folder = join(cacheDirectory(), kind, key);
  return existsSync(folder) ? folder : undefined;
}

/** File an entry: `fill` writes its files into a fresh folder, which then takes the entry's place. */
export async function storeEntry(kind: string, key: string, fill: (folder: string) => void | Promise<void>): Promise<string> {
  const folder = join(cacheDirectory(), kind, key);
  const partial = `${folder}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  try {
    await fill(partial);
    try {
      renameSync(partial, folder);
    } catch (error) {
      // another build (tests run several at once) filed the same entry meanwhile: the same content
      if (!existsSync(folder)) throw error;
    }
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
  return folder;
}

/**
 * An entry's files put at `target`: hard links where the file system allows (an entry is never
 * written again once filed, and a build replaces its output wholesale), else copies. Linking
 * thousands of small files (a search bundle) is a fraction of copying them.
 */
export function placeEntry(entry: string, target: string): void {
  mkdirSync(target, { recursive: true });
  for (const item of readdirSync(entry, { recursive: true, withFileTypes: true })) {
    const to = join(target, item.parentPath.slice(entry.length), item.name);
    if (item.isDirectory()) mkdirSync(to, { recursive: true });
    else {
      try {
        linkSync(join(item.parentPath, item.name), to);
      } catch {
        copyFileSync(join(item.parentPath, item.name), to);
      }
    }
  }
}

/** A JSON value filed under `key`, or undefined. */
export function readCachedJson<T>(kind: string, key: string): T | undefined {
  const file = join(cacheDirectory(), kind, `${key}.json`);
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return undefined;
  }
}

export function writeCachedJson(kind: string, key: string, value: unknown): void {
  const folder = join(cacheDirectory(), kind);
  mkdirSync(folder, { recursive: true });
  const partial = join(folder, `${key}.json.partial-${process.pid}`);
  writeFileSync(partial, JSON.stringify(value));
  renameSync(partial, join(folder, `${key}.json`));
}

/** How many entries of each kind this process reused and made, for the build's log and its tests. */
export const cacheCounts: Record<string, { reused: number; made: number }> = {};

/** Count one entry of `kind` as reused (true) or made (false). */
export function countEntry(kind: string, reused: boolean): void {
  const counts = (cacheCounts[kind] ??= { reused: 0, made: 0 });
  if (reused) counts.reused += 1;
  else counts.made += 1;
}

let reflowVersion: string | undefined;

/**
 * What loading one source gave last time its files (source, sidecar, corrections) and the code that
 * reads them were as they are now; else `load` it and file the result. Failures are not filed: a
 * bad source is read, and reported, afresh each time.
 */
export function cachedLoad<T>(files: readonly string[], load: () => T, variant = ""): T {
  reflowVersion ??= codeVersion([join(projectRoot, "src/reflow"), join(projectRoot, "src/edition"), join(projectRoot, "src/pdf")]);
  const key = hashOf(reflowVersion, variant, ...files.flatMap((file) => [file, fileOrEmpty(file)]));
  const cached = readCachedJson<T>("reflow", key);
  countEntry("reflow", cached !== undefined);
  if (cached !== undefined) return cached;
  const loaded = load();
  writeCachedJson("reflow", key, loaded);
  return loaded;
}
