// Reading a PDF page with pdf.js: its text runs with size and font, and from the operator list
// the rules, boxes and pictures that the layout passes use as separators and frames.
import { OPS, getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { PDFDocumentProxy, PDFPageProxy } from "pdfjs-dist/types/src/display/api.js";
import type { TextItem } from "pdfjs-dist/types/src/display/api.js";
import { replaceUncarriable } from "../edition/decode.ts";
import { readPdfSource } from "./cache.ts";
import type { PageGeometry, Rect, TextRun } from "./model.ts";

type Matrix = [number, number, number, number, number, number];

/** Thinner than this (points) a stroke or fill is a rule, not a box. */
const RULE_THICKNESS = 3;
/** Smaller than this (points) both ways a shape is an ornament, neither rule nor box. */
const SHAPE_MINIMUM = 20;

export async function openPdf(data: Uint8Array): Promise<PDFDocumentProxy> {
  // pdf.js keeps the buffer; a copy keeps the caller's intact
  return getDocument({ data: new Uint8Array(data), verbosity: 0, isEvalSupported: false, useSystemFonts: false }).promise;
}

export async function readPdfFile(file: string): Promise<PageGeometry[]> {
  return readPdfBytes(readPdfSource(file));
}

/** Every page of a PDF, read. */
export async function readPdfBytes(bytes: Uint8Array): Promise<PageGeometry[]> {
  const document = await openPdf(bytes);
  try {
    const pages: PageGeometry[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      pages.push(await readPage(page));
      page.cleanup();
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

export async function readPage(page: PDFPageProxy): Promise<PageGeometry> {
  const [, , width, height] = page.view as [number, number, number, number];
  const viewport = page.getViewport({ scale: 1 });
  const operators = await page.getOperatorList();
  const content = await page.getTextContent();
  const flip: Matrix = viewport.transform as Matrix;
  const runs: TextRun[] = [];
  for (const item of content.items) {
    if (!("str" in item) || item.str.trim() === "") continue;
    runs.push(textRun(item, flip, fontOf(page, item.fontName)));
  }
  const shapes = shapesOf(operators, flip);
  return { page: page.pageNumber, width: viewport.width || width, height: viewport.height || height, runs, ...shapes };
}

/** The font's real name, which pdf.js knows once the operator list has loaded the fonts. */
function fontOf(page: PDFPageProxy, loadedName: string): { family: string; bold: boolean } {
  let name = loadedName;
  try {
    if (page.commonObjs.has(loadedName)) name = (page.commonObjs.get(loadedName) as { name?: string }).name ?? loadedName;
  } catch {
    // a font pdf.js could not load keeps its internal name: still one family
  }
  const family = name.replace(/^[A-Z]{6}\+/u, "");
  return { family, bold: /bold|black|heavy|semibold|demi/iu.test(family) };
}

function textRun(item: TextItem, flip: Matrix, font: { family: string; bold: boolean }): TextRun {
  const [a, b, c, d, e, f] = item.transform as Matrix;
  const size = Math.hypot(c, d) || Math.hypot(a, b) || 1;
  const [x, baseline] = apply(flip, e, f);
  const vertical = Math.abs(b) > Math.abs(a);
  const width = vertical ? size : item.width || size * [...item.str].length;
  const height = vertical ? item.width || size : size;
  return { text: replaceUncarriable(item.str), x, y: baseline - size * 0.88, width, height, baseline, size, ...font };
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

/** The rectangle a box in user space covers on the page. */
function cover(m: Matrix, x0: number, y0: number, x1: number, y1: number): Rect {
  const corners = [apply(m, x0, y0), apply(m, x1, y0), apply(m, x0, y1), apply(m, x1, y1)];
  const xs = corners.map(([x]) => x);
  const ys = corners.map(([, y]) => y);
  const left = Math.min(...xs);
  const top = Math.min(...ys);
  return { x: left, y: top, width: Math.max(...xs) - left, height: Math.max(...ys) - top };
}

function intersect(a: Rect, b: Rect | undefined): Rect {
  if (!b) return a;
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return { x, y, width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - x), height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - y) };
}

const PAINTS = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const STROKES = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const IMAGES = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat]);

/** Walk the operator list with its transform and clip stack, keeping painted paths and images. */
function shapesOf(operators: { fnArray: number[]; argsArray: unknown[] }, flip: Matrix): Pick<PageGeometry, "rules" | "boxes" | "images"> {
  const rules: Rect[] = [];
  const boxes: Rect[] = [];
  const images: Rect[] = [];
  let state = { ctm: flip, clip: undefined as Rect | undefined, lineWidth: 1 };
  const stack: (typeof state)[] = [];
  let pendingClip = false;
  operators.fnArray.forEach((fn, i) => {
    const args = operators.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push({ ...state });
    else if (fn === OPS.restore) state = stack.pop() ?? state;
    else if (fn === OPS.transform) state.ctm = multiply(args as Matrix, state.ctm);
    else if (fn === OPS.setLineWidth) state.lineWidth = Number(args[0]) || 0;
    else if (fn === OPS.clip || fn === OPS.eoClip) pendingClip = true;
    else if (fn === OPS.constructPath) {
      const [paint, , minMax] = args as [number, unknown, ArrayLike<number> | null];
      if (!minMax || minMax.length < 4 || !Number.isFinite(minMax[0]!)) return;
      // a stroke covers half its width on either side of the path: a thick rule is a band
      const half = STROKES.has(paint) ? state.lineWidth / 2 : 0;
      const rect = cover(state.ctm, minMax[0]! - half, minMax[1]! - half, minMax[2]! + half, minMax[3]! + half);
      if (pendingClip) {
        state.clip = intersect(rect, state.clip);
        pendingClip = false;
      }
      if (PAINTS.has(paint)) classifyShape(intersect(rect, state.clip), rules, boxes);
    } else if (IMAGES.has(fn)) {
      const image = intersect(cover(state.ctm, 0, 0, 1, 1), state.clip);
      if (image.width > 1 && image.height > 1) images.push(image);
    }
  });
  return { rules, boxes, images };
}

function classifyShape(rect: Rect, rules: Rect[], boxes: Rect[]): void {
  if (rect.width < SHAPE_MINIMUM && rect.height < SHAPE_MINIMUM) return;
  if (Math.min(rect.width, rect.height) <= RULE_THICKNESS) rules.push(rect);
  else boxes.push(rect);
}
