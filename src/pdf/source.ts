// A PDF as a source: `NAME.pdf` beside `NAME.meta.yaml` (and `NAME.corrections.yaml`) gives one
// edition per page. Its text is read from the PDF's text layer, its stories by the PDF passes.
import { basename, dirname, join } from "node:path";
import { linesMatching } from "../edition/decode.ts";
import { SourceError, displayPath } from "../edition/errors.ts";
import type { EditionMeta, ReflowResult } from "../types.ts";
import { type CachedPdf, cachedPdfs } from "./cache.ts";
import { reflowPdfPage } from "./index.ts";
import type { PageGeometry } from "./model.ts";

export const PDF_SOURCE = /\.pdf$/iu;

/** Above this share of unreadable characters a text layer is garbage. */
const UNREADABLE_SHARE = 0.05;
/** What glyphs a font does not map to Unicode come out as: U+FFFD, private use, controls, unassigned code points. */
const UNREADABLE = /[\uFFFD\p{Co}\p{Cn}\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/gu;

/** One source of a folder: a text file, or one page of a PDF with its own name (`NAME-p2` for page 2 of several). */
export interface SourceEntry {
  name: string;
  stem: string;
  page?: number;
}

/** The sources a folder's file names stand for: a PDF of several pages stands for one per page. */
export function sourceEntries(directory: string, names: readonly string[], sourcePattern: RegExp): SourceEntry[] {
  const pdfs = names.filter((name) => PDF_SOURCE.test(name));
  const cached = pdfs.length > 0 ? cachedPdfs(pdfs.map((name) => join(directory, name))) : new Map<string, CachedPdf>();
  return names.flatMap((name): SourceEntry[] => {
    const stem = name.replace(sourcePattern, "");
    const entry = cached.get(join(directory, name));
    const count = entry && "pages" in entry ? entry.pages.length : 1;
    if (!PDF_SOURCE.test(name)) return [{ name, stem }];
    if (count <= 1) return [{ name, stem, page: 1 }];
    return Array.from({ length: count }, (_, i) => ({ name, stem: `${stem}-p${i + 1}`, page: i + 1 }));
  });
}

export interface PdfPage {
  /** The page's text as read, one printed line per line: what the edition must hold every character of. */
  text: string;
  result: ReflowResult;
  /** How many pages the PDF has. */
  pages: number;
  /** What an editor should know that did not stop the page (a few characters the PDF does not map). */
  notices: string[];
}

/** Read one page (1-based) of a PDF source, from the cache when it was read before. */
export function readPdfPage(file: string, page = 1): PdfPage {
  let entry: CachedPdf;
  try {
    entry = cachedPdfs([file]).get(file)!;
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw new SourceError(file, `cannot be read: ${(error as Error).message}`, undefined, { cause: error });
  }
  if ("failure" in entry) throw new SourceError(file, entry.failure);
  const geometry = entry.pages[page - 1];
  if (!geometry) throw new SourceError(file, `has no page ${page}`);
  refuseUnusable(file, geometry);
  const { text, stories, credits, decisions } = reflowPdfPage(geometry);
  const unmapped = linesMatching(text, UNREADABLE);
  const notices = unmapped.length === 0 ? [] : [`${displayPath(file)}: page ${page}: characters the PDF does not map to Unicode (U+FFFD or private-use) on line(s) ${unmapped.slice(0, 5).join(", ")} of its text; check them against the printed page`];
  return { text, result: { stories, credits, decisions }, pages: entry.pages.length, notices };
}

/** A scan, or a text layer whose fonts map glyphs to nothing readable, would publish garbage. */
export function refuseUnusable(file: string, geometry: PageGeometry): void {
  const where = `page ${geometry.page}`;
  const text = geometry.runs.map((run) => run.text).join("").replace(/\s+/gu, "");
  if (text.length === 0) {
    throw new SourceError(file, `${where} has no text layer (a scanned page?): Broadsheet reads the text a PDF holds, not its pictures; run OCR on it first or give its text as a .txt source`);
  }
  const unreadable = (text.match(UNREADABLE) ?? []).length;
  if (unreadable > UNREADABLE_SHARE * [...text].length) {
    throw new SourceError(file, `${where}: the text layer does not map its glyphs to readable characters (${unreadable} of ${[...text].length} are not); extract the text with another tool or OCR and give it as a .txt source`);
  }
}

/** Pages of one PDF after the first follow it: page K is numbered from the sidecar's page number on. */
export function pdfPageMeta(meta: EditionMeta, page: number, pages: number): EditionMeta {
  if (pages <= 1) return meta;
  return { ...meta, pageNumber: (meta.pageNumber ?? 1) + page - 1 };
}

/** A page of a PDF of several is named by the file and its page, as PDF links name pages. */
export function pdfSourceName(file: string, page: number, pages: number): string {
  return pages > 1 ? `${basename(file)}#page=${page}` : basename(file);
}

/** Page K of several has its own corrections, `NAME-pK.corrections.yaml`; one page the PDF's. */
export function pdfCorrectionsPath(file: string, stem: string): string {
  return join(dirname(file), `${stem}.corrections.yaml`);
}
