// Digest PDFs per issue (one publication's pages of one date), and of the whole archive on request:
// the editions' own PDFs put one after another, so nothing is laid out twice and an issue's PDF
// holds exactly the pages of its editions' PDFs. Cached by what they are made of.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { cachedEntry, countEntry, hashOf, storeEntry } from "../cache.ts";
import { pdfUrl } from "../site/urls.ts";
import type { Edition } from "../types.ts";

export interface PrintIssue {
  publication: string;
  date: string;
  /** In page order. */
  editions: Edition[];
}

/** The PDF of one issue: its date, then a hash of its publication (any name makes a safe, stable file name). */
export const issuePdfUrl = (issue: Pick<PrintIssue, "publication" | "date">) => `/pdf/issues/${issue.date}-${hashOf(issue.publication).slice(0, 8)}.pdf`;

/** The editions grouped into issues, newest first, pages in order. */
export function printIssues(editions: readonly Edition[]): PrintIssue[] {
  const issues = new Map<string, PrintIssue>();
  for (const edition of editions) {
    const { publication, date } = edition.meta;
    const key = JSON.stringify([publication, date]);
    const issue = issues.get(key) ?? { publication, date, editions: [] };
    issue.editions.push(edition);
    issues.set(key, issue);
  }
  const ordered = [...issues.values()];
  for (const issue of ordered) issue.editions.sort((a, b) => (a.meta.pageNumber ?? 0) - (b.meta.pageNumber ?? 0));
  // by code point, not locale: the same order on every machine
  return ordered.sort((a, b) => b.date.localeCompare(a.date) || (a.publication < b.publication ? -1 : a.publication > b.publication ? 1 : 0));
}

/** Write one PDF of `editions`' PDFs in turn (those there are: a failed one is left out) at `url` in the site. */
export async function mergePdfs(siteDirectory: string, editions: readonly Edition[], title: string, url: string): Promise<number> {
  const files = editions.map((edition) => join(siteDirectory, pdfUrl(edition))).filter((file) => existsSync(file));
  const parts = files.map((file) => readFileSync(file));
  const key = hashOf(title, ...parts);
  let entry = cachedEntry("issues", key);
  countEntry("issues", entry !== undefined);
  entry ??= await storeEntry("issues", key, async (folder) => {
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
    if ((await mergePdfs(siteDirectory, issue.editions, `${issue.publication} ${issue.date}`, issuePdfUrl(issue))) > 0) written += 1;
  }
  if (archive && (await mergePdfs(siteDirectory, printIssues(editions).flatMap((issue) => issue.editions), "全部版面", pdfUrl())) > 0) written += 1;
  return written;
}
