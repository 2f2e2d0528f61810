// Page pictures (版面图): the pages of an edition's print view as the renderer has them open, one
// under another (an edition is one printed page, which the print view may set over a few A3
// sheets), as a JPEG about 1,200 px wide, one about 300 px wide, and the areas of its stories on
// it: one rectangle per box a story's text fills on a sheet (a column's run of it, a headline
// across the sheet), read from the laid-out DOM, where the print view marks each story's elements
// with `data-story`. So every story of the edition has its area, not only those of the first sheet.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Image, createCanvas, loadImage } from "@napi-rs/canvas";
import type { Page } from "playwright-core";
import type { Edition } from "../types.ts";

/** Width of the large picture, in pixels: the renderer draws its pages at the scale that gives it. */
export const PICTURE_WIDTH = 1200;
export const SMALL_WIDTH = 300;
/** CSS pixels across an A3 page (297 mm at 96 px to the inch): the device scale for PICTURE_WIDTH. */
export const A3_CSS_WIDTH = (297 / 25.4) * 96;

export interface PageMap {
  width: number;
  height: number;
  areas: Array<{ story: string; title: string; rects: Array<[number, number, number, number]> }>;
}

/** The picture files of an edition, in the site. */
export const pictureUrls = (slug: string) => ({ large: `/pictures/${slug}.jpg`, small: `/pictures/${slug}-small.jpg`, map: `/pictures/${slug}.json` });

type Box = { story: string; x: number; y: number; width: number; height: number };

/**
 * A sheet of the view and its stories' boxes, in CSS pixels from the sheet's corner; each box one
 * block element's fragment. Scrolled to the top of the window first, so that its screenshot is drawn
 * from the window (a screenshot beyond the window redraws the whole document).
 */
function readSheet(index: number): { sheet: { x: number; y: number; width: number; height: number }; boxes: Box[] } {
  const sheet = document.querySelectorAll(".pagedjs_page")[index]!;
  sheet.scrollIntoView({ block: "start" });
  const corner = sheet.getBoundingClientRect();
  const boxes: Box[] = [];
  for (const story of Array.from(sheet.querySelectorAll<HTMLElement>("[data-story]"))) {
    for (const block of Array.from(story.children)) {
      for (const rect of Array.from(block.getClientRects())) {
        if (rect.width > 0 && rect.height > 0) boxes.push({ story: story.dataset.story!, x: rect.left - corner.left, y: rect.top - corner.top, width: rect.width, height: rect.height });
      }
    }
  }
  return { sheet: { x: corner.left, y: corner.top, width: corner.width, height: corner.height }, boxes };
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
/** Grey between the sheets, as on the print view's desk, in picture pixels. */
const SHEET_GAP = 16;
const DESK = "#d6d3cc";

/** The sheets one under another on a canvas `width` px wide, as a JPEG. */
function stack(sheets: readonly Image[], width: number, quality: number): Buffer {
  const scale = width / sheets[0]!.width;
  const heights = sheets.map((sheet) => Math.round(sheet.height * scale));
  const gap = Math.max(1, Math.round(SHEET_GAP * scale));
  const canvas = createCanvas(width, heights.reduce((sum, height) => sum + height, 0) + gap * (sheets.length - 1));
  const context = canvas.getContext("2d");
  context.fillStyle = DESK;
  context.fillRect(0, 0, canvas.width, canvas.height);
  let top = 0;
  sheets.forEach((sheet, i) => {
    context.drawImage(sheet, 0, top, width, heights[i]!);
    top += heights[i]! + gap;
  });
  return canvas.encodeSync("jpeg", quality);
}

/** Take the pictures of the laid-out view open in `page`, and write them and its map into `folder`. */
export async function takePictures(page: Page, edition: Edition, folder: string): Promise<void> {
  // the toolbar stays at the window's top: out of the pictures, its room kept
  await page.addStyleTag({ content: ".print-toolbar { visibility: hidden; }" });
  const count = Math.min(MAX_SHEETS, await page.locator(".pagedjs_page").count());
  if (count === 0) return; // nothing laid out: no picture, as for an edition never pictured
  const sheets: Image[] = [];
  const boxes: Box[] = [];
  let sheetBox = { width: 1, height: 1 };
  for (let index = 0; index < count; index++) {
    const { sheet, boxes: sheetBoxes } = await page.evaluate(readSheet, index);
    sheets.push(await loadImage(await page.screenshot({ type: "png", clip: sheet })));
    // each sheet's boxes, as if the sheets lay one under another SHEET_GAP apart (in CSS pixels)
    const offset = index * (sheet.height + SHEET_GAP / (sheets[0]!.width / sheet.width));
    boxes.push(...sheetBoxes.map((box) => ({ ...box, y: box.y + offset })));
    sheetBox = sheet;
  }
  const large = stack(sheets, sheets[0]!.width, 80);
  writeFileSync(join(folder, "picture.jpg"), large);
  // the small one is a thumbnail: the first sheet, which is what the issue and home pages show
  writeFileSync(join(folder, "picture-small.jpg"), stack(sheets.slice(0, 1), SMALL_WIDTH, 80));
  const { width, height } = await loadImage(large);
  const whole = { width: sheetBox.width, height: (height / width) * sheetBox.width };
  const titles = new Map(edition.stories.map((story) => [story.id, story.title]));
  const areas = new Map<string, PageMap["areas"][number]>();
  const fraction = (value: number, of: number) => Math.round((value / of) * 10_000) / 10_000;
  for (const merged of mergeBoxes(boxes, 12)) {
    const area = areas.get(merged.story) ?? { story: merged.story, title: titles.get(merged.story) ?? "", rects: [] };
    area.rects.push([fraction(merged.x, whole.width), fraction(merged.y, whole.height), fraction(merged.width, whole.width), fraction(merged.height, whole.height)]);
    areas.set(merged.story, area);
  }
  const order = edition.stories.map((story) => story.id);
  const map: PageMap = { width, height, areas: [...areas.values()].sort((a, b) => order.indexOf(a.story) - order.indexOf(b.story)) };
  writeFileSync(join(folder, "picture.json"), `${JSON.stringify(map)}\n`);
}
