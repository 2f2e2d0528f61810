// Reading a PDF costs about a second a page; what it gives depends only on the file's bytes, so it
// is kept in `.cache/pdf/` under the file's hash and an archive rebuild re-reads only changed PDFs.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { projectRoot } from "../config.ts";
import { readRegularFile } from "../edition/decode.ts";
import type { PageGeometry } from "./model.ts";

/** Bump when the reader's output changes, so that old cache entries are not used. */
const READER_VERSION = 2;

/** A newspaper page's PDF with its pictures is a few MB; far more is not one page set for print. */
const MAX_PDF_BYTES = 200 * 1024 * 1024;

/** A PDF source's bytes: like a text source, only a regular file inside the sources folder is read. */
export function readPdfSource(file: string): Uint8Array {
  return readRegularFile(file, { bytes: MAX_PDF_BYTES, of: "a PDF source" });
}

export type CachedPdf = { pages: PageGeometry[] } | { failure: string };

export function cacheDirectory(): string {
  return resolve(projectRoot, process.env.BROADSHEET_CACHE ?? ".cache", "pdf");
}

export function fileHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function cacheFile(hash: string): string {
  return join(cacheDirectory(), `${hash.slice(0, 32)}-v${READER_VERSION}.json`);
}

/** The entry read last: the pages of one PDF of many are loaded one after another. */
let lastRead: { file: string; entry: CachedPdf } | undefined;

export function readCache(hash: string): CachedPdf | undefined {
  const file = cacheFile(hash);
  if (lastRead?.file === file) return lastRead.entry;
  if (!existsSync(file)) return undefined;
  try {
    const entry = JSON.parse(readFileSync(file, "utf8")) as CachedPdf;
    lastRead = { file, entry };
    return entry;
  } catch {
    return undefined; // a damaged entry is read again
  }
}

export function writeCache(hash: string, entry: CachedPdf): void {
  mkdirSync(cacheDirectory(), { recursive: true });
  const file = cacheFile(hash);
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, JSON.stringify(entry));
  renameSync(partial, file); // whole or not at all, also with two builds at once
  if (lastRead?.file === file) lastRead = undefined;
}

/** Reading a PDF taking longer than this (its pages a second each, and a wide margin) has gone wrong. */
const SECONDS_PER_FILE = 120;

const extractor = fileURLToPath(new URL("./extract.ts", import.meta.url));

/**
 * The pages of PDFs, from the cache or read now. Loading sources is synchronous and pdf.js is
 * not, so files not yet cached are read in one child process (`extract.ts`) that fills the cache;
 * the build reads them in-process beforehand with `cachePdfs`, and then finds them all here.
 */
export function cachedPdfs(files: readonly string[]): Map<string, CachedPdf> {
  const hashes = new Map<string, string>();
  const refused = new Map<string, CachedPdf>();
  for (const file of files) {
    try {
      hashes.set(file, fileHash(readPdfSource(file)));
    } catch (error) {
      refused.set(file, { failure: (error as Error).message }); // a link, a pipe, too large: said when its page loads
    }
  }
  const missing = [...hashes].filter(([, hash]) => !readCache(hash)).map(([file]) => file);
  if (missing.length > 0) {
    try {
      // a hostile PDF that keeps pdf.js busy must not stall the build: its pages are left out
      execFileSync(process.execPath, ["--import", import.meta.resolve("tsx"), extractor, ...missing], { stdio: ["ignore", "ignore", "inherit"], timeout: SECONDS_PER_FILE * 1000 * missing.length });
    } catch {
      // the files it did not cache are reported as unreadable below
    }
  }
  return new Map(files.map((file) => [file, refused.get(file) ?? readCache(hashes.get(file)!) ?? { failure: "could not be read: pdf.js failed or took too long on it" }]));
}
