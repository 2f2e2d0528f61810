// The folder a site is written to. Broadsheet marks each one it builds, listing the pages Eleventy
// wrote there: the build replaces only a folder it made (or an empty one), and `npm start`, which
// writes over the same folder again and again, removes the pages of sources deleted since.
import { lstatSync, readFileSync, readdirSync, rmSync, rmdirSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative } from "node:path";

export const SITE_MARK = ".broadsheet-site";

/** A build's stamp of its inputs (scripts/stamp.ts): gone once anything else writes into the folder. */
export const BUILD_STAMP = ".broadsheet-build";

const NOTE = "Made by Broadsheet: `npm run build` replaces this whole folder. The pages it wrote:";

/** Mark `folder` as a Broadsheet site whose pages are `pages` (paths inside it). */
export function markAsSite(folder: string, pages: readonly string[] = []): void {
  writeFileSync(join(folder, SITE_MARK), [NOTE, ...pages, ""].join("\n"));
}

export function isSite(folder: string): boolean {
  try {
    return lstatSync(join(folder, SITE_MARK)).isFile();
  } catch {
    return false;
  }
}

/** The pages the mark lists, each inside the folder (a hand-edited `../x` is not one). */
function markedPages(folder: string): string[] {
  if (!isSite(folder)) return [];
  const inside = (page: string) => page !== "" && !isAbsolute(page) && !relative(folder, join(folder, page)).startsWith("..");
  return readFileSync(join(folder, SITE_MARK), "utf8").split("\n").slice(1).filter(inside);
}

/**
 * After Eleventy wrote `written` (absolute paths) into `folder`: remove the pages the last build
 * wrote that this one did not (a deleted source's edition, story and author pages), and the
 * folders they leave empty; then mark the folder with this build's pages. Returns how many went.
 */
export function replacePages(folder: string, written: readonly string[]): number {
  const pages = written.map((file) => relative(folder, file)).filter((page) => !page.startsWith("..") && !isAbsolute(page));
  const current = new Set(pages);
  const stale = markedPages(folder).filter((page) => !current.has(page));
  for (const page of stale) {
    rmSync(join(folder, page), { force: true });
    removeEmptyFolders(folder, dirname(join(folder, page)));
  }
  markAsSite(folder, pages);
  return stale.length;
}

function removeEmptyFolders(root: string, folder: string): void {
  for (let current = folder; relative(root, current) !== "" && !relative(root, current).startsWith(".."); current = dirname(current)) {
    try {
      if (readdirSync(current).length > 0) return;
      rmdirSync(current);
    } catch {
      return;
    }
  }
}
