// Digest PDFs per issue (one publication's pages of one date), and of the whole archive on request:
// the editions' own PDFs put one after another, so nothing is laid out twice and an issue's PDF
// holds exactly the pages of its editions' PDFs. Cached by what they are made of.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { cachedEntry, countEntry, hashOf, storeEntry } from "../cache.ts";
import { groupIssues } from "../site/issues.ts";
import { issuePdfUrl, pdfUrl } from "../site/urls.ts";
import type { Edition } from "../types.ts";

export interface PrintIssue {
  publication: string;
  date: string;
  /** In page order. */
  editions: Edition[];
}

/** The editions grouped into issues as the website groups them, newest first, pages in order. */
export function printIssues(editions: readonly Edition[]): PrintIssue[] {
  const pages = editions.map((edition) => ({ publication: edition.meta.publication, date: edition.meta.date, number: edition.meta.pageNumber, page: edition.meta.page, edition }));
  return groupIssues(pages).map((issue) => ({ publication: issue.publication, date: issue.date, editions: issue.pages.map((page) => page.edition) }));
}

/** Write one PDF of `editions`' PDFs in turn (those there are: a failed one is left out) at `url` in the site. */
export async function mergePdfs(siteDirectory: string, editions: readonly Edition[], title: string, url: string): Promise<number> {
  const files = editions.map((edition) => join(siteDirectory, pdfUrl(edition))).filter((file) => existsSync(file));
  const parts = files.map((file) => readFileSync(file));
  const key = hashOf(title, ...parts);
  let entry = cachedEntry("issues", key);
  countEntry("issues", entry !== undefined);
  entry ??= await storeEntry("issues", key, async (folder) => {
    const { PDFDocument } = await import("pdf-lib"); // a third of a second to load: not for a build without PDFs
    const merged = await PDFDocument.create();
    merged.setTitle(title);
    merged.setLanguage("zh-CN");
    for (const part of parts) {
      const source = await PDFDocument.load(part);
      for (const page of await merged.copyPages(source, source.getPageIndices())) merged.addPage(page);
    }
    writeFileSync(join(folder, "issue.pdf"), await merged.save());
  });
  const target = join(siteDirectory, url);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(join(entry, "issue.pdf"), target);
  return files.length;
}

/** Every issue's PDF; with `archive`, also the whole digest's (`pdfUrl()`). Returns how many PDFs it wrote. */
export async function writeIssuePdfs(siteDirectory: string, editions: readonly Edition[], archive: boolean): Promise<number> {
  let written = 0;
  for (const issue of printIssues(editions)) {
    if ((await mergePdfs(siteDirectory, issue.editions, `${issue.publication} ${issue.date}`, issuePdfUrl(issue.publication, issue.date))) > 0) written += 1;
  }
  if (archive && (await mergePdfs(siteDirectory, printIssues(editions).flatMap((issue) => issue.editions), "全部版面", pdfUrl())) > 0) written += 1;
  return written;
}
