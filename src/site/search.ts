// The search index: Pagefind over the built site's story pages, the only pages that mark their
// content with `data-pagefind-body` (navigation, edition and author pages stay out). The build runs
// `indexSearch` after Eleventy writes; `npm start` runs it after every rebuild.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import * as pagefind from "pagefind";
import type { EleventyConfig } from "./eleventy.ts";
import { indexableHtml } from "./segment.ts";

export const SEARCH_FOLDER = "pagefind";

/**
 * "und" (undetermined) makes Pagefind split words at spaces and punctuation only, with no stemming:
 * the text arrives already split into words by ICU (see segment.ts). The browser still splits the
 * reader's query with ICU, because that follows the search page's `lang="zh-CN"`.
 */
const INDEX_LANGUAGE = "und";

function htmlFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".html") && file.split(sep)[0] !== SEARCH_FOLDER)
    .map((file) => join(directory, file));
}

/** `/editions/x/y/` for `…/editions/x/y/index.html`: the page's URL before the path prefix. */
function pageUrl(siteDirectory: string, file: string): string {
  const path = relative(siteDirectory, file).split(sep).join("/");
  return `/${path.replace(/(^|\/)index\.html$/u, "$1")}`;
}

export interface SearchIndexReport {
  pages: number;
}

/** Index the story pages of the site in `siteDirectory` into `siteDirectory/pagefind/`. */
export async function indexSearch(siteDirectory: string): Promise<SearchIndexReport> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: INDEX_LANGUAGE });
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    let pages = 0;
    for (const file of htmlFiles(siteDirectory)) {
      const html = readFileSync(file, "utf8");
      if (!html.includes("data-pagefind-body")) continue;
      const added = await index.addHTMLFile({ url: pageUrl(siteDirectory, file), content: indexableHtml(html) });
      if (added.errors.length > 0) throw new Error(`Pagefind could not index ${file}: ${added.errors.join("; ")}`);
      pages += 1;
    }
    if (pages === 0) throw new Error(`no story page to index in ${siteDirectory}`);
    // Written here rather than with index.writeFiles: under load, Pagefind's service answered
    // before its files were on disk, and closing it then left some empty (pagefind-ui.js, once).
    const bundle = await index.getFiles();
    if (bundle.errors.length > 0) throw new Error(`Pagefind could not build its index: ${bundle.errors.join("; ")}`);
    const folder = join(siteDirectory, SEARCH_FOLDER);
    rmSync(folder, { recursive: true, force: true });
    for (const file of bundle.files) {
      mkdirSync(dirname(join(folder, file.path)), { recursive: true });
      writeFileSync(join(folder, file.path), file.content);
    }
    return { pages };
  } finally {
    await pagefind.close();
  }
}

/** In `npm start`, index again after each rebuild (a full build runs `indexSearch` itself). */
export default function searchIndexOnRebuild(eleventyConfig: EleventyConfig): void {
  eleventyConfig.on("eleventy.after", async ({ directories, runMode }) => {
    if (runMode === "build") return;
    const { pages } = await indexSearch(directories.output);
    console.log(`[broadsheet] search index: ${pages} stories`);
  });
}
