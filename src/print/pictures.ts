// Page pictures (版面图): the sheets of an edition's print view (an edition is one printed page, which
// the print view may set over a few A3 sheets), drawn from its PDF one under another, as a JPEG 900 px
// wide, a 300 px thumbnail of its first sheet, and the areas of its stories on it: one rectangle per
// box a story's text fills on a sheet (a column's run of it, a headline across the sheet), read from
// the laid-out DOM, where the print view marks each story's elements with `data-story`. So every
// story of the edition has its area, not only those of the first sheet.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { drawInPictureProcess } from "./picture-process.ts";
import { encodeJpeg, rasterPages, stackRasters } from "./raster.ts";
import type { Edition } from "../types.ts";

/**
 * Width of the large picture, in pixels. The edition page shows it at most ~780 CSS px wide (three
 * fifths of the 82rem page), and its headlines stay legible; each pixel more across costs drawing,
 * encoding and memory squared.
 */
export const PICTURE_WIDTH = 900;
export const SMALL_WIDTH = 300;

export interface PageMap {
  width: number;
  height: number;
  areas: Array<{ story: string; title: string; rects: Array<[number, number, number, number]> }>;
}

/** The picture files of an edition, in the site. */
export const pictureUrls = (slug: string) => ({ large: `/pictures/${slug}.jpg`, small: `/pictures/${slug}-small.jpg`, map: `/pictures/${slug}.json` });

type Box = { story: string; x: number; y: number; width: number; height: number };

/** A sheet's size, and the stories' boxes on the first `most` sheets, in CSS pixels from each sheet's corner. */
interface Sheets {
  width: number;
  height: number;
  boxes: Array<Box & { sheet: number }>;
}

/**
 * The stories' boxes, each a block element's fragment, on the first `most` sheets of the view; read
 * in one call into the page (a locator would bring Playwright's injected script into the view).
 * Undefined when no sheet was laid out.
 */
function readSheets(most: number): Sheets | undefined {
  const sheets = Array.from(document.querySelectorAll(".pagedjs_page")).slice(0, most);
  if (sheets.length === 0) return undefined;
  const corners = sheets.map((sheet) => sheet.getBoundingClientRect());
  const boxes: Sheets["boxes"] = [];
  for (const story of Array.from(document.querySelectorAll<HTMLElement>(".pagedjs_page [data-story]"))) {
    const sheet = sheets.indexOf(story.closest(".pagedjs_page")!);
    if (sheet < 0) continue;
    for (const block of Array.from(story.children)) {
      for (const rect of Array.from(block.getClientRects())) {
        const corner = corners[sheet]!;
        if (rect.width > 0 && rect.height > 0) boxes.push({ story: story.dataset.story!, sheet, x: rect.left - corner.left, y: rect.top - corner.top, width: rect.width, height: rect.height });
      }
    }
  }
  return { width: corners[0]!.width, height: corners[0]!.height, boxes };
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
/** Desk between the sheets, in picture pixels, and its colour (the print view's, screen.css). */
const SHEET_GAP = 16;
const DESK: [number, number, number] = [0xd6, 0xd3, 0xcc];
const JPEG_QUALITY = 80;

/** The stories' boxes in the laid-out view open in `page`, for `drawPictures`. */
export const readStoryBoxes = (page: Page): Promise<Sheets | undefined> => page.evaluate(readSheets, MAX_SHEETS);

/** What `writeSheetPictures` drew: how many sheets, one under another in a picture of this size. */
export interface SheetPictures {
  sheets: number;
  width: number;
  height: number;
}

/** The sheets of a view's PDF drawn and written into `folder` as its picture and thumbnail (none for a PDF without pages). */
export async function writeSheetPictures(pdfFile: string, folder: string): Promise<SheetPictures | undefined> {
  const rasters = await rasterPages(readFileSync(pdfFile), PICTURE_WIDTH, { most: MAX_SHEETS });
  if (rasters.length === 0) return undefined;
  const picture = stackRasters(rasters, SHEET_GAP, DESK);
  writeFileSync(join(folder, "picture.jpg"), await encodeJpeg(picture, JPEG_QUALITY));
  // the small one is a thumbnail: the first sheet, which is what the issue and home pages show
  writeFileSync(join(folder, "picture-small.jpg"), await encodeJpeg(rasters[0]!, JPEG_QUALITY, SMALL_WIDTH));
  return { sheets: rasters.length, width: picture.width, height: picture.height };
}

/** Draw the pictures of a view from its PDF (in the picture process), and write them and its map (from `sheets`) into `folder`. */
export async function drawPictures(pdfFile: string, sheets: Sheets | undefined, edition: Edition, folder: string): Promise<void> {
  if (!sheets) return; // nothing laid out: no picture, as for an edition never pictured
  const picture = await drawInPictureProcess(pdfFile, folder);
  if (!picture) return;
  // the boxes one under another as the sheets are in the picture, the desk between them scaled back to CSS pixels
  const gap = (SHEET_GAP * sheets.width) / PICTURE_WIDTH;
  const count = picture.sheets;
  const all = { width: sheets.width, height: count * sheets.height + (count - 1) * gap };
  const boxes = sheets.boxes.filter((box) => box.sheet < count).map(({ sheet, ...box }) => ({ ...box, y: box.y + sheet * (sheets.height + gap) }));
  const titles = new Map(edition.stories.map((story) => [story.id, story.title]));
  const areas = new Map<string, PageMap["areas"][number]>();
  const fraction = (value: number, of: number) => Math.round((value / of) * 10_000) / 10_000;
  for (const merged of mergeBoxes(boxes, 12)) {
    const area = areas.get(merged.story) ?? { story: merged.story, title: titles.get(merged.story) ?? "", rects: [] };
    area.rects.push([fraction(merged.x, all.width), fraction(merged.y, all.height), fraction(merged.width, all.width), fraction(merged.height, all.height)]);
    areas.set(merged.story, area);
  }
  const order = edition.stories.map((story) => story.id);
  const map: PageMap = { width: picture.width, height: picture.height, areas: [...areas.values()].sort((a, b) => order.indexOf(a.story) - order.indexOf(b.story)) };
  writeFileSync(join(folder, "picture.json"), `${JSON.stringify(map)}\n`);
}
