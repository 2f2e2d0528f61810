// Pictures of PDF pages: PDFium (Chromium's own PDF renderer, compiled to WebAssembly) draws them,
// sharp (libvips) scales and encodes them. Drawn from the PDF a picture shows exactly what prints,
// and costs a third of what Chromium's screenshots of the laid-out view did (their bitmaps crossed
// three processes and were encoded on the browser's main thread, the one every view waits on).
import type { PDFiumLibrary } from "@hyzyla/pdfium";
import type { Sharp } from "sharp";

/** A page drawn as RGBA pixels, row by row. */
export interface Raster {
  width: number;
  height: number;
  data: Uint8Array;
}

let library: Promise<PDFiumLibrary> | undefined;
let encoder: Promise<(typeof import("sharp"))["default"]> | undefined;

// loaded on first use: a build without pictures to draw never pays for them
const pdfium = () => (library ??= import("@hyzyla/pdfium").then(({ PDFiumLibrary }) => PDFiumLibrary.init()));
const sharpOf = () =>
  (encoder ??= import("sharp").then(({ default: sharp }) => {
    sharp.cache(false); // each picture is encoded once: nothing to reuse, and memory stays flat
    return sharp;
  }));

/** PDFium and sharp, loaded now rather than at the first picture. */
export const loadRasterLibraries = () => Promise.all([pdfium(), sharpOf()]);

/**
 * Up to `most` pages of a PDF from page `first` (counted from 1), each drawn `width` pixels wide on
 * white, as tall as its own proportions make it. Returns no pages for a PDF without them.
 */
export async function rasterPages(bytes: Uint8Array, width: number, { first = 1, most = Number.POSITIVE_INFINITY } = {}): Promise<Raster[]> {
  const document = await (await pdfium()).loadDocument(bytes);
  try {
    const rasters: Raster[] = [];
    const end = Math.min(first - 1 + most, document.getPageCount());
    for (let index = first - 1; index < end; index++) {
      const page = document.getPage(index);
      const { originalWidth, originalHeight } = page.getOriginalSize();
      const height = Math.max(1, Math.round((width * originalHeight) / originalWidth));
      const { data } = await page.render({ width, height, render: "bitmap" });
      rasters.push({ width, height, data });
    }
    return rasters;
  } finally {
    document.destroy();
  }
}

/**
 * Pages of one width one under another, `gap` pixels of `desk` (RGB) between them, as they lie on
 * a desk: each page is one run of bytes in the picture, copied whole.
 */
export function stackRasters(rasters: readonly Raster[], gap: number, desk: readonly [number, number, number]): Raster {
  const width = rasters[0]!.width;
  if (rasters.some((raster) => raster.width !== width)) throw new Error("stackRasters: pages of different widths");
  const height = rasters.reduce((sum, raster) => sum + raster.height, 0) + gap * (rasters.length - 1);
  const data = new Uint8Array(width * height * 4);
  const deskPixel = new Uint32Array(new Uint8Array([...desk, 255]).buffer)[0]!;
  const pixels = new Uint32Array(data.buffer);
  let top = 0;
  for (const [index, raster] of rasters.entries()) {
    if (index > 0) pixels.fill(deskPixel, (top - gap) * width, top * width);
    data.set(raster.data, top * width * 4);
    top += raster.height + gap;
  }
  return { width, height, data };
}

/**
 * A JPEG of `raster`, scaled to `width` pixels across if given. Huffman tables are not optimised:
 * that made the files 2.5% smaller for twice the encoding time.
 */
export async function encodeJpeg(raster: Raster, quality: number, width?: number): Promise<Buffer> {
  const sharp = await sharpOf();
  let image: Sharp = sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: 4 } }).removeAlpha();
  if (width !== undefined && width !== raster.width) image = image.resize({ width });
  return image.jpeg({ quality, optimiseCoding: false }).toBuffer();
}
