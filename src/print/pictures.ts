// Page pictures (版面图): the pages of an edition's print view as the renderer has them open, one
// under another (an edition is one printed page, which the print view may set over a few A3
// sheets), as a JPEG 900 px wide, a 300 px thumbnail of its first sheet, and the areas of its stories on
// it: one rectangle per box a story's text fills on a sheet (a column's run of it, a headline
// across the sheet), read from the laid-out DOM, where the print view marks each story's elements
// with `data-story`. So every story of the edition has its area, not only those of the first sheet.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { imageSize } from "image-size";
import type { CDPSession, Page } from "playwright-core";
import type { Edition } from "../types.ts";

/**
 * Width of the large picture, in pixels: the renderer draws its pages at the scale that gives it.
 * The edition page shows it at most ~780 CSS px wide (three fifths of the 82rem page), and its
 * headlines stay legible; each pixel more across costs raster, encoding and memory squared
 * (1,200 px took 0.10 CPU-s per A3 page, 900 px 0.065).
 */
export const PICTURE_WIDTH = 900;
export const SMALL_WIDTH = 300;
/** CSS pixels across an A3 page (297 mm at 96 px to the inch). */
const A3_CSS_WIDTH = (297 / 25.4) * 96;

export interface PageMap {
  width: number;
  height: number;
  areas: Array<{ story: string; title: string; rects: Array<[number, number, number, number]> }>;
}

/** The picture files of an edition, in the site. */
export const pictureUrls = (slug: string) => ({ large: `/pictures/${slug}.jpg`, small: `/pictures/${slug}-small.jpg`, map: `/pictures/${slug}.json` });

type Box = { story: string; x: number; y: number; width: number; height: number };
type Rect = { x: number; y: number; width: number; height: number };

/**
 * The first `most` sheets of the view, from the top of the first to the bottom of the last (the desk
 * between them included), in CSS pixels from the document's corner; the first sheet alone; and the
 * stories' boxes, each a block element's fragment, from the first sheet's corner; read once `style`
 * has shown the sheets. Undefined when no sheet was laid out. One call into the page, not a
 * locator and a style tag besides (each brought Playwright's injected script into the view).
 */
function readSheets({ most, style }: { most: number; style: string }): { all: Rect; first: Rect; boxes: Box[] } | undefined {
  const sheets = Array.from(document.querySelectorAll(".pagedjs_page")).slice(0, most);
  if (sheets.length === 0) return undefined;
  document.head.append(Object.assign(document.createElement("style"), { textContent: style }));
  window.scrollTo(0, 0);
  const first = sheets[0]!.getBoundingClientRect();
  const last = sheets.at(-1)!.getBoundingClientRect();
  const boxes: Box[] = [];
  for (const story of Array.from(document.querySelectorAll<HTMLElement>(".pagedjs_page [data-story]"))) {
    if (!sheets.includes(story.closest(".pagedjs_page")!)) continue;
    for (const block of Array.from(story.children)) {
      for (const rect of Array.from(block.getClientRects())) {
        if (rect.width > 0 && rect.height > 0) boxes.push({ story: story.dataset.story!, x: rect.left - first.left, y: rect.top - first.top, width: rect.width, height: rect.height });
      }
    }
  }
  const corner = { x: first.left + window.scrollX, y: first.top + window.scrollY };
  return { all: { ...corner, width: first.width, height: last.bottom - first.top }, first: { ...corner, width: first.width, height: first.height }, boxes };
}

/**
 * One rectangle per run of a story's blocks one under another in one column (or across the page):
 * blocks of the same left edge and width, less than a line apart, make one box.
 */
export function mergeBoxes(boxes: readonly Box[], gap: number): Box[] {
  const merged: Box[] = [];
  const sorted = [...boxes].sort((a, b) => a.story.localeCompare(b.story) || a.x - b.x || a.y - b.y);
  for (const box of sorted) {
    const last = merged.at(-1);
    const sameColumn = last && last.story === box.story && Math.abs(last.x - box.x) < 2 && Math.abs(last.width - box.width) < 2;
    if (last && sameColumn && box.y - (last.y + last.height) < gap) last.height = Math.max(last.height, box.y + box.height - last.y);
    else merged.push({ ...box });
  }
  return merged;
}

/**
 * Sheets pictured at most: an edition's text rarely fills more; a longer one keeps its first sheets'
 * areas and the picture stays a bounded size (a JPEG is at most 65,535 px tall).
 */
export const MAX_SHEETS = 6;
/** Desk between the sheets, in picture pixels (the print view's own gap is wider). */
const SHEET_GAP = 16;
const JPEG_QUALITY = 80;

/**
 * A JPEG of `clip` (CSS pixels, anywhere in the document) `width` pixels wide, drawn by Chromium
 * itself at that scale: no PNG to encode, decode and encode again, and one picture for all the
 * sheets rather than one per sheet put together afterwards.
 */
async function capture(cdp: CDPSession, clip: Rect, width: number): Promise<Buffer> {
  const scale = width / clip.width;
  const { data } = await cdp.send("Page.captureScreenshot", { format: "jpeg", quality: JPEG_QUALITY, clip: { ...clip, scale }, captureBeyondViewport: true });
  return Buffer.from(data, "base64");
}

/** Take the pictures of the laid-out view open in `page`, and write them and its map into `folder`. */
export async function takePictures(page: Page, cdp: CDPSession, edition: Edition, folder: string): Promise<void> {
  // the view shown at last (it was laid out unseen, ?offscreen); the toolbar stays at the window's
  // top: out of the pictures, its room kept; the sheets closer together
  const style = `html[data-offscreen] { visibility: visible; } .print-toolbar { visibility: hidden; } .pagedjs_pages { gap: ${(SHEET_GAP * A3_CSS_WIDTH) / PICTURE_WIDTH}px; }`;
  const sheets = await page.evaluate(readSheets, { most: MAX_SHEETS, style });
  if (!sheets) return; // nothing laid out: no picture, as for an edition never pictured
  const { all, first, boxes } = sheets;
  const large = await capture(cdp, all, PICTURE_WIDTH);
  writeFileSync(join(folder, "picture.jpg"), large);
  // the small one is a thumbnail: the first sheet, which is what the issue and home pages show
  // (drawn by Chromium again: cutting it from the large one in Node took twice its CPU time)
  writeFileSync(join(folder, "picture-small.jpg"), await capture(cdp, first, SMALL_WIDTH));
  const { width, height } = imageSize(large);
  const titles = new Map(edition.stories.map((story) => [story.id, story.title]));
  const areas = new Map<string, PageMap["areas"][number]>();
  const fraction = (value: number, of: number) => Math.round((value / of) * 10_000) / 10_000;
  for (const merged of mergeBoxes(boxes, 12)) {
    const area = areas.get(merged.story) ?? { story: merged.story, title: titles.get(merged.story) ?? "", rects: [] };
    area.rects.push([fraction(merged.x, all.width), fraction(merged.y, all.height), fraction(merged.width, all.width), fraction(merged.height, all.height)]);
    areas.set(merged.story, area);
  }
  const order = edition.stories.map((story) => story.id);
  const map: PageMap = { width, height, areas: [...areas.values()].sort((a, b) => order.indexOf(a.story) - order.indexOf(b.story)) };
  writeFileSync(join(folder, "picture.json"), `${JSON.stringify(map)}\n`);
}
