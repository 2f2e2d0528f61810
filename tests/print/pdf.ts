// Reading a rendered PDF back for the print tests: its text as drawn (pdf.js via unpdf), page by
// page, with the page furniture told apart by position, and its fonts as the file declares them.
import { readFileSync } from "node:fs";
import { getDocumentProxy } from "unpdf";

/** One drawn run of text, in PDF points from the page's bottom-left corner (y is the baseline). */
export interface Glyphs {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PdfPage {
  width: number;
  height: number;
  /** Every non-blank run, in the order the page draws them. */
  runs: Glyphs[];
}

export async function readPdf(file: string): Promise<PdfPage[]> {
  const document = await getDocumentProxy(new Uint8Array(readFileSync(file)));
  const pages: PdfPage[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const [left, bottom, right, top] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const runs = content.items
      .filter((item) => "str" in item && item.str.trim() !== "")
      .map((item) => {
        const { str, transform, width, height } = item as { str: string; transform: number[]; width: number; height: number };
        return { text: str, x: transform[4]!, y: transform[5]!, width, height };
      });
    pages.push({ width: right - left, height: top - bottom, runs });
  }
  await document.destroy();
  return pages;
}

export const squash = (text: string) => text.replace(/\s+/gu, "");

/** The runs on the page's top baseline (the running head) and bottom baseline (the page number). */
export function furniture(page: PdfPage): { top: Glyphs[]; bottom: Glyphs[]; body: Glyphs[] } {
  const ys = page.runs.map((run) => run.y);
  const [highest, lowest] = [Math.max(...ys), Math.min(...ys)];
  const near = (y: number, baseline: number) => Math.abs(y - baseline) < 0.5;
  return {
    top: page.runs.filter((run) => near(run.y, highest)),
    bottom: page.runs.filter((run) => near(run.y, lowest)),
    body: page.runs.filter((run) => !near(run.y, lowest)),
  };
}

export const textOf = (runs: readonly Glyphs[]) => squash(runs.map((run) => run.text).join(""));

/** How many times each character occurs, whitespace aside. */
export function characterCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const character of squash(text)) counts.set(character, (counts.get(character) ?? 0) + 1);
  return counts;
}

/** The characters one count has more of than the other, e.g. `{ "国": 1 }`; empty when they agree. */
export function countDifference(actual: Map<string, number>, expected: Map<string, number>): Record<string, number> {
  const difference: Record<string, number> = {};
  for (const character of new Set([...actual.keys(), ...expected.keys()])) {
    const delta = (actual.get(character) ?? 0) - (expected.get(character) ?? 0);
    if (delta !== 0) difference[character] = delta;
  }
  return difference;
}

/**
 * Fullwidth punctuation whose blank half Chromium may trim (text-spacing-trim, 标点挤压): its ink
 * sits in one half of the em the font declares, the right half for opening marks, the left for the rest.
 */
const OPENING = /^[“‘（《〈【「『〔]$/u;
const CLOSING = /^[”’）》〉】」』〕、。，．]$/u;

/** A run's ink box: its advance less a tenth of its height all round (touching is not overlapping), half an em for trimmable punctuation. */
export function inkBox(run: Glyphs) {
  const inset = run.height / 10;
  const half = run.height / 2;
  const left = run.x + (OPENING.test(run.text) ? half : inset);
  const right = run.x + run.width - (CLOSING.test(run.text) ? half : inset);
  return { left, right, bottom: run.y - run.height * 0.12 + inset, top: run.y + run.height * 0.88 - inset };
}

/** Pairs of runs whose ink boxes overlap. */
export function overlaps(runs: readonly Glyphs[]): Array<[Glyphs, Glyphs]> {
  const boxes = runs.map((run) => ({ run, ...inkBox(run) })).sort((a, b) => a.left - b.left);
  const found: Array<[Glyphs, Glyphs]> = [];
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i]!;
    for (let j = i + 1; j < boxes.length && boxes[j]!.left < a.right; j++) {
      const b = boxes[j]!;
      if (b.bottom < a.top && a.bottom < b.top) found.push([a.run, b.run]);
    }
  }
  return found;
}

export interface PdfFont {
  baseFont: string;
  embedded: boolean;
}

/**
 * The fonts a PDF describes, from its font descriptors. Chromium writes PDF 1.4 without object
 * streams, so every descriptor dictionary is plain text in the file (the test checks there are some).
 */
export function pdfFonts(file: string): PdfFont[] {
  const source = readFileSync(file).toString("latin1");
  const descriptors = [...source.matchAll(/<<(?:(?!>>)[\s\S])*?\/Type\s*\/FontDescriptor[\s\S]*?>>/gu)].map(([dictionary]) => dictionary);
  return descriptors.map((dictionary) => ({
    baseFont: /\/FontName\s*\/([^\s/<>[\]]+)/u.exec(dictionary)?.[1] ?? "",
    embedded: /\/FontFile[23]?\s+\d+\s+\d+\s+R/u.test(dictionary),
  }));
}
