// Page pictures (版面图): page 1 of an edition's print view as the renderer has it open, as a JPEG
// about 1,200 px wide, one about 300 px wide, and the areas of its stories on it: one rectangle per
// box a story's text fills on the page (a column's run of it, a headline across the page), read
// from the laid-out DOM, where the print view marks each story's elements with `data-story`.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import type { Edition } from "../types.ts";

/** Width of the large picture, in pixels; the renderer's pages are drawn at this scale. */
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
function readBoxes(): { page: { x: number; y: number; width: number; height: number }; boxes: Box[] } {
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
  return { page: { x: corner.left + window.scrollX, y: corner.top + window.scrollY, width: corner.width, height: corner.height }, boxes };
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

/** Take the pictures of page 1 of the laid-out view open in `page`, and write them and its map into `folder`. */
export async function takePictures(page: Page, edition: Edition, folder: string): Promise<void> {
  const { page: box, boxes } = await page.evaluate(readBoxes);
  const scale = PICTURE_WIDTH / box.width;
  const width = Math.round(box.width * scale);
  const height = Math.round(box.height * scale);
  writeFileSync(join(folder, "picture.jpg"), await page.screenshot({ type: "jpeg", quality: 80, fullPage: true, clip: box }));
  // the small picture is the same page scaled down by the browser (a transform: nothing reflows)
  const shrink = SMALL_WIDTH / PICTURE_WIDTH;
  await page.evaluate((factor) => {
    const first = document.querySelector<HTMLElement>(".pagedjs_page")!;
    first.style.transformOrigin = "0 0";
    first.style.transform = `scale(${factor})`;
  }, shrink);
  const small = { ...box, width: box.width * shrink, height: box.height * shrink };
  writeFileSync(join(folder, "picture-small.jpg"), await page.screenshot({ type: "jpeg", quality: 80, fullPage: true, clip: small }));
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
