// Pictures drawn from a PDF: which pages, how large, where the ink is, and the desk between sheets.
import { PDFDocument, rgb } from "pdf-lib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { encodeJpeg, rasterPages, stackRasters, type Raster } from "../../src/print/raster.ts";

/** A PDF of A3 pages, each with a black bar whose height in points is its page number times 100. */
async function barsPdf(pages: number): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  for (let number = 1; number <= pages; number++) {
    const page = document.addPage([842, 1191]);
    page.drawRectangle({ x: 0, y: 1191 - number * 100, width: 421, height: number * 100, color: rgb(0, 0, 0) });
  }
  return document.save();
}

/** Brightness of the pixel at (x, y), 0 black to 255 white. */
const brightness = (raster: Raster, x: number, y: number) => {
  const at = (y * raster.width + x) * 4;
  return Math.round((raster.data[at]! + raster.data[at + 1]! + raster.data[at + 2]!) / 3);
};

/** How many rows from the top the bar reaches in the left half. */
const barRows = (raster: Raster) => {
  let rows = 0;
  while (rows < raster.height && brightness(raster, 10, rows) < 64) rows++;
  return rows;
};

describe("rasterPages", () => {
  it("draws the pages asked for, at the width asked, in their own proportions, ink where the PDF has it", async () => {
    const bytes = await barsPdf(3);
    const all = await rasterPages(bytes.slice(), 400);
    expect(all.map((raster) => [raster.width, raster.height])).toEqual(Array(3).fill([400, Math.round((400 * 1191) / 842)]));
    const rowsPerPoint = 400 / 842;
    expect(all.map(barRows).map((rows) => Math.round(rows / rowsPerPoint / 100))).toEqual([1, 2, 3]);
    expect(brightness(all[0]!, 390, 5)).toBeGreaterThan(240); // white beside the bar
    const [second, ...rest] = await rasterPages(bytes.slice(), 200, { first: 2, most: 1 });
    expect(rest).toEqual([]);
    expect(Math.round(barRows(second!) / (200 / 842) / 100)).toBe(2);
    expect(await rasterPages(bytes.slice(), 200, { first: 4 })).toEqual([]);
  });
});

describe("stackRasters", () => {
  const sheet = (width: number, height: number, value: number): Raster => ({ width, height, data: new Uint8Array(width * height * 4).fill(value) });

  it("lays the sheets one under another with the desk's colour between them", () => {
    const stacked = stackRasters([sheet(4, 2, 0), sheet(4, 3, 255)], 2, [10, 20, 30]);
    expect([stacked.width, stacked.height]).toEqual([4, 7]);
    const row = (y: number) => Array.from(stacked.data.subarray(y * 16, y * 16 + 4));
    expect([0, 1].map(row)).toEqual([[0, 0, 0, 0], [0, 0, 0, 0]]);
    expect([2, 3].map(row)).toEqual([[10, 20, 30, 255], [10, 20, 30, 255]]);
    expect([4, 5, 6].map(row)).toEqual(Array(3).fill([255, 255, 255, 255]));
  });
});

describe("encodeJpeg", () => {
  it("encodes at the raster's size or scaled to a width, keeping the proportions", async () => {
    const [page] = await rasterPages((await barsPdf(1)).slice(), 600);
    const full = await sharp(await encodeJpeg(page!, 80)).metadata();
    const small = await sharp(await encodeJpeg(page!, 80, 150)).metadata();
    expect([full.format, full.width, full.height]).toEqual(["jpeg", 600, page!.height]);
    expect([small.width, small.height]).toEqual([150, Math.round((150 * page!.height) / 600)]);
  });
});
