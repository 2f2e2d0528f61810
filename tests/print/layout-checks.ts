// What every print PDF must show, page by page: the checks the PDF tests share.
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { type PaperSize, type PrintEdition, printedTexts, runningHeadTexts } from "../../src/print/view.ts";
import { type PdfPage, characterCounts, countDifference, furniture, inkBox, overlaps, squash, textOf } from "./pdf.ts";

const MM = 72 / 25.4;

/** What the paper's stylesheet asks for: page size in points, margins, columns. */
export function paper(size: PaperSize) {
  const css = readFileSync(`src/print/assets/paper-${size}.css`, "utf8");
  const margins = /margin:\s*([\d.]+)mm\s+([\d.]+)mm\s+([\d.]+)mm/u.exec(css)!.slice(1).map((value) => Number(value) * MM);
  const columns = Number(/\.columns\s*\{\s*column-count:\s*(\d+)/u.exec(css)![1]);
  const [width, height] = size === "a3" ? [297 * MM, 420 * MM] : [210 * MM, 297 * MM];
  return { width, height, top: margins[0]!, side: margins[1]!, bottom: margins[2]!, columns };
}

/** Check one edition's pages (of its own PDF or its part of the digest's), numbered from `firstNumber`. */
export function checkEdition(view: PrintEdition, pages: readonly PdfPage[], firstNumber: number, size: PaperSize) {
  const box = paper(size);
  const runningHead = squash(runningHeadTexts(view).join(""));
  let body = "";
  pages.forEach((page, k) => {
    const where = `${view.edition.slug} page ${firstNumber + k}`;
    expect(page.width, where).toBeCloseTo(box.width, -1);
    expect(page.height, where).toBeCloseTo(box.height, -1);
    const { top, bottom, body: runs } = furniture(page);
    expect(textOf(bottom), `${where}: page number`).toBe(String(firstNumber + k));
    // the first page carries the masthead (part of the body text) instead of the running head
    const text = k === 0 ? runs : runs.filter((run) => !top.includes(run));
    if (k > 0) expect(textOf(top), `${where}: running head`).toBe(runningHead);
    body += textOf(text);
    for (const run of text) {
      const ink = inkBox(run);
      const inside = ink.left >= box.side && ink.right <= box.width - box.side && ink.bottom >= box.bottom && ink.top <= box.height - box.top;
      expect(inside, `${where}: "${run.text}" at (${run.x.toFixed(0)}, ${run.y.toFixed(0)}) is outside the content area`).toBe(true);
    }
    expect(overlaps(page.runs).map(([a, b]) => `"${a.text}" × "${b.text}" at y ${a.y.toFixed(0)}`), `${where}: overlapping text`).toEqual([]);
    if (k < pages.length - 1) {
      // no half-empty pages: a page the text goes on from is filled but for a box kept whole for the next
      const gap = Math.min(...text.map((run) => run.y)) - box.bottom;
      expect(gap / (box.height - box.top - box.bottom), `${where}: the columns stop short of the page's foot`).toBeLessThan(0.3);
    }
  });
  const expected = squash(printedTexts(view).join(""));
  expect(countDifference(characterCounts(body), characterCounts(expected)), `${view.edition.slug}: characters missing (<0) or extra (>0)`).toEqual({});
  expect(body, `${view.edition.slug}: text out of reading order`).toBe(expected);
}

/** The digest's pages are the editions' pages in turn, numbered on: split them by each edition's own count. */
export function checkDigest(views: readonly PrintEdition[], digest: readonly PdfPage[], editionPages: readonly number[], size: PaperSize) {
  expect(digest.length).toBe(editionPages.reduce((sum, count) => sum + count, 0));
  let start = 0;
  views.forEach((view, k) => {
    checkEdition(view, digest.slice(start, start + editionPages[k]!), start + 1, size);
    start += editionPages[k]!;
  });
}
