// Page pictures (版面图): page 1 of an edition's print view as the renderer has it open, as a JPEG
// about 1,200 px wide, one about 300 px wide, and the areas of its stories on it: one rectangle per
// box a story's text fills on the page (a column's run of it, a headline across the page), read
// from the laid-out DOM, where the print view marks each story's elements with `data-story`.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
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

/** Page 1's box and its stories' boxes, in CSS pixels from the page's corner; each box one block element's fragment. */
function readBoxes(): { page: { x: number; y: number; width: number; height: number }; boxes: Box[]; scale: number } {
  const page = document.querySelector(".pagedjs_page")!;
  const corner = page.getBoundingClientRect();
  const boxes: Box[] = [];
  for (const story of Array.from(page.querySelectorAll<HTMLElement>("[data-story]"))) {
    for (const block of Array.from(story.children)) {
      for (const rect of Array.from(block.getClientRects())) {
        if (rect.width > 0 && rect.height > 0) boxes.push({ story: story.dataset.story!, x: rect.left - corner.left, y: rect.top - corner.top, width: rect.width, height: rect.height });
      }
    }
  }
  return { page: { x: corner.left, y: corner.top, width: corner.width, height: corner.height }, boxes, scale: window.devicePixelRatio };
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

/** The large picture scaled down by the browser's own image scaler, as base64 JPEG. */
async function shrink({ jpeg, width }: { jpeg: string; width: number }): Promise<string> {
  const image = new Image();
  image.src = `data:image/jpeg;base64,${jpeg}`;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = Math.round((image.height * width) / image.width);
  const context = canvas.getContext("2d")!;
  context.imageSmoothingQuality = "high";
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL("image/jpeg", 0.8).split(",")[1]!;
}

/** Take the pictures of page 1 of the laid-out view open in `page`, and write them and its map into `folder`. */
export async function takePictures(page: Page, edition: Edition, folder: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  const { page: box, boxes, scale } = await page.evaluate(readBoxes);
  const width = Math.round(box.width * scale);
  const height = Math.round(box.height * scale);
  // page 1 lies within the viewport (the renderer's is taller than an A3 page), so only it is drawn
  const large = await page.screenshot({ type: "jpeg", quality: 80, clip: box });
  writeFileSync(join(folder, "picture.jpg"), large);
  writeFileSync(join(folder, "picture-small.jpg"), Buffer.from(await page.evaluate(shrink, { jpeg: large.toString("base64"), width: SMALL_WIDTH }), "base64"));
  const titles = new Map(edition.stories.map((story) => [story.id, story.title]));
  const areas = new Map<string, PageMap["areas"][number]>();
  const fraction = (value: number, whole: number) => Math.round((value / whole) * 10_000) / 10_000;
  for (const merged of mergeBoxes(boxes, 12)) {
    const area = areas.get(merged.story) ?? { story: merged.story, title: titles.get(merged.story) ?? "", rects: [] };
    area.rects.push([fraction(merged.x, box.width), fraction(merged.y, box.height), fraction(merged.width, box.width), fraction(merged.height, box.height)]);
    areas.set(merged.story, area);
  }
  const order = edition.stories.map((story) => story.id);
  const map: PageMap = { width, height, areas: [...areas.values()].sort((a, b) => order.indexOf(a.story) - order.indexOf(b.story)) };
  writeFileSync(join(folder, "picture.json"), `${JSON.stringify(map)}\n`);
}
