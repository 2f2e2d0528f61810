// The page picture (版面图) of an edition read from a PDF: the real page, drawn by PDFium, with one
// rectangle per block of each story, as the site's page maps expect: `/pictures/SLUG.jpg`
// (about 1,200 px wide), `SLUG-small.jpg` (about 300 px), `SLUG.json`.
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sourcesDirectory } from "../config.ts";
import { encodeJpeg, rasterPages } from "../print/raster.ts";
import { squash } from "../reflow/text.ts";
import type { Edition } from "../types.ts";
import { cacheDirectory, cachedPdfs, fileHash, readPdfSource } from "./cache.ts";
import { runPdfPasses } from "./index.ts";
import type { PageGeometry, Rect } from "./model.ts";
import { blockText } from "./text.ts";

export const PICTURE_WIDTH = 1200;
export const SMALL_WIDTH = 300;
const JPEG_QUALITY = 82;

export interface PageMap {
  width: number;
  height: number;
  areas: { story: string; title: string; rects: [number, number, number, number][] }[];
}

/** Where a PDF edition came from: its file and page (`NAME.pdf` or `NAME.pdf#page=2`). */
export function pdfOrigin(edition: Pick<Edition, "source">, directory = sourcesDirectory()): { file: string; page: number } | undefined {
  const match = /^(.*\.pdf)(?:#page=(\d+))?$/iu.exec(edition.source);
  return match ? { file: join(directory, match[1]!), page: Number(match[2] ?? 1) } : undefined;
}

/**
 * Write the page picture of every edition read from a PDF into `siteDirectory/pictures/`.
 * Renderings are cached by the PDF's hash and page, so an unchanged PDF is not rendered again.
 * Returns how many editions got a picture.
 */
export async function writePdfPictures(siteDirectory: string, editions: readonly Edition[], directory = sourcesDirectory()): Promise<number> {
  const target = join(siteDirectory, "pictures");
  let written = 0;
  for (const edition of editions) {
    const origin = pdfOrigin(edition, directory);
    if (!origin || !existsSync(origin.file)) continue;
    const entry = cachedPdfs([origin.file]).get(origin.file);
    const geometry = entry && "pages" in entry ? entry.pages[origin.page - 1] : undefined;
    if (!geometry) continue;
    const images = await renderCached(origin.file, origin.page, geometry);
    mkdirSync(target, { recursive: true });
    copyFileSync(images.large, join(target, `${edition.slug}.jpg`));
    copyFileSync(images.small, join(target, `${edition.slug}-small.jpg`));
    writeFileSync(join(target, `${edition.slug}.json`), `${JSON.stringify(pageMap(geometry, edition, images.height))}\n`);
    written++;
  }
  return written;
}

async function renderCached(file: string, page: number, geometry: PageGeometry): Promise<{ large: string; small: string; height: number }> {
  const bytes = readPdfSource(file);
  const stem = join(cacheDirectory(), "pictures", `${fileHash(bytes).slice(0, 32)}-p${page}`);
  const large = `${stem}-${PICTURE_WIDTH}.jpg`;
  const small = `${stem}-${SMALL_WIDTH}.jpg`;
  const height = Math.round((PICTURE_WIDTH * geometry.height) / geometry.width);
  if (!existsSync(large) || !existsSync(small)) {
    mkdirSync(join(cacheDirectory(), "pictures"), { recursive: true });
    const [big, little] = await renderPage(bytes, page, [PICTURE_WIDTH, SMALL_WIDTH]);
    writeFileSync(small, little!);
    writeFileSync(large, big!); // written last: its presence says both are there
  }
  return { large, small, height };
}

/** JPEGs of one page at the given widths, white behind the page as on paper. */
export async function renderPage(bytes: Uint8Array, pageNumber: number, widths: readonly number[]): Promise<Buffer[]> {
  const [raster] = await rasterPages(bytes, Math.max(...widths), { first: pageNumber, most: 1 });
  if (!raster) throw new Error(`the PDF has no page ${pageNumber}`);
  return Promise.all(widths.map((width) => encodeJpeg(raster, JPEG_QUALITY, width)));
}

/**
 * Each story's blocks on the page, as fractions of the page. Blocks are found by their text in the
 * edition's stories (after the editors' corrections), so the areas follow corrections too.
 */
export function pageMap(geometry: PageGeometry, edition: Pick<Edition, "stories">, height: number): PageMap {
  const state = runPdfPasses(geometry);
  const texts = edition.stories.map((story) => squash([story.kicker, story.title, story.subtitle, story.byline, story.authorNote, ...story.blocks.map((block) => block.text)].join("")));
  const rects = edition.stories.map(() => [] as Rect[]);
  for (const block of state.blocks) {
    const text = squash(blockText(block));
    const owner = texts.findIndex((storyText) => text !== "" && storyText.includes(text));
    if (owner >= 0 && block.role !== "credit") rects[owner]!.push(block);
  }
  const fraction = (value: number, whole: number) => Math.round((value / whole) * 10000) / 10000;
  return {
    width: PICTURE_WIDTH,
    height,
    areas: edition.stories.map((story, i) => ({
      story: story.id,
      title: story.title,
      rects: rects[i]!.map((rect) => [fraction(rect.x, geometry.width), fraction(rect.y, geometry.height), fraction(rect.width, geometry.width), fraction(rect.height, geometry.height)] as [number, number, number, number]),
    })),
  };
}
