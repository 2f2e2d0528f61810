// The print views' page pictures, drawn for the build in a process of its own (started by
// src/print/picture-process.ts): a view's PDF and folder come in, its JPEGs are written there, and
// the number of sheets and the picture's size go back.
import { writeSheetPictures } from "./pictures.ts";
import { loadRasterLibraries } from "./raster.ts";

interface Request {
  id: number;
  pdfFile: string;
  folder: string;
}

process.on("message", async ({ id, pdfFile, folder }: Request) => {
  try {
    process.send!({ id, drawn: (await writeSheetPictures(pdfFile, folder)) ?? null });
  } catch (error) {
    process.send!({ id, error: (error as Error).message });
  }
});

// loaded while the first view is laid out, before its PDF comes (a failure is met again, and reported, by the first picture)
loadRasterLibraries().catch(() => undefined);
