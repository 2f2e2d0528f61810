// A build's stamp, in the folder it built: a hash of everything the site is made from (the sources,
// Broadsheet's code and dependencies, the settings and flags), written only after a build that
// reported nothing, with the count and size of the files it left. A build with the same inputs,
// into a folder still as the last one left it, has nothing to do: it says so and stops, as `make`
// does (`--force` builds anyway). Contents, not times, are hashed: a checkout or a copy changes the
// times of files whose contents are the same.
import { existsSync, lstatSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { hashOf } from "../src/cache.ts";
import { projectRoot } from "../src/config.ts";
import { BUILD_STAMP as STAMP } from "../src/site/output.ts";

/** What the site is made from, besides the sources: the code that makes it and the dependencies it runs on. */
const CODE = ["src", "_includes", "_data", "scripts", "eleventy.config.ts", "package.json", "package-lock.json"];

/** Settings that change nothing in the site: where the cache is, where timings go, how errors are told, where the bundled code is. */
const NOT_SETTINGS = new Set(["BROADSHEET_CACHE", "BROADSHEET_TIMINGS", "BROADSHEET_DEBUG", "BROADSHEET_COMPILED"]);

/** Every file under `path` (or `path` itself), relative to `root`, in a fixed order. */
function filesUnder(root: string, path: string): string[] {
  const full = join(root, path);
  const stats = lstatSync(full, { throwIfNoEntry: false });
  if (!stats) return [];
  if (!stats.isDirectory()) return [path];
  return readdirSync(full, { recursive: true, encoding: "utf8" })
    .map((name) => join(path, name))
    .filter((name) => lstatSync(join(root, name)).isFile())
    .sort();
}

/** The hash of a build's inputs: `sources`' files, the code, the Node version, the settings (`BROADSHEET_*`, `CHROME_PATH`) and `flags`. */
export function buildInputs(sources: string, flags: Record<string, unknown>): string {
  const code = CODE.flatMap((path) => filesUnder(projectRoot, path));
  const sourceFiles = existsSync(sources) ? filesUnder(sources, ".") : [];
  const settings = Object.entries(process.env)
    .filter(([name]) => (name.startsWith("BROADSHEET_") && !NOT_SETTINGS.has(name)) || name === "CHROME_PATH")
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return hashOf(
    process.version,
    JSON.stringify({ flags, settings }),
    ...code.flatMap((file) => [file, readFileSync(join(projectRoot, file))]),
    ...sourceFiles.flatMap((file) => [file, readFileSync(join(sources, file))]),
  );
}

/** How many files a folder holds and their bytes, its stamp aside: what the stamp checks the folder by. */
function contents(folder: string): { files: number; bytes: number } {
  let [files, bytes] = [0, 0];
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || (entry.parentPath === folder && entry.name === STAMP)) continue;
    files += 1;
    bytes += lstatSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

/** Stamp a built folder with its inputs. */
export function writeStamp(folder: string, inputs: string): void {
  writeFileSync(join(folder, STAMP), `${JSON.stringify({ inputs, ...contents(folder) })}\n`);
}

/** Whether `folder` was built from `inputs` and still holds what that build left there. */
export function upToDate(folder: string, inputs: string): boolean {
  try {
    const stamp = JSON.parse(readFileSync(join(folder, STAMP), "utf8")) as { inputs: string; files: number; bytes: number };
    const now = contents(folder);
    return stamp.inputs === inputs && stamp.files === now.files && stamp.bytes === now.bytes;
  } catch {
    return false; // no stamp, or not one of ours
  }
}
