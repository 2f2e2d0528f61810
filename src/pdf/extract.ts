// Read PDFs into the cache: `node --import tsx src/pdf/extract.ts FILE...` (what `cachedPdfs` runs
// for files it does not find cached), and `cachePdfs` for the build, in-process.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type CachedPdf, fileHash, readCache, readPdfSource, writeCache } from "./cache.ts";
import { readPdfBytes } from "./read.ts";

/** Read each PDF not yet cached and cache what it gave, or why it could not be read. */
export async function cachePdfs(files: readonly string[]): Promise<number> {
  let read = 0;
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = readPdfSource(file);
    } catch {
      continue; // loading the page reports why it cannot be read
    }
    const hash = fileHash(bytes);
    if (readCache(hash)) continue;
    let entry: CachedPdf;
    try {
      entry = { pages: await readPdfBytes(bytes) };
    } catch (error) {
      entry = { failure: unreadable(error) };
    }
    writeCache(hash, entry);
    read++;
  }
  return read;
}

/**
 * Read every PDF source of a folder not yet cached, in this process: what the build calls before
 * loading the digest, so that loading finds them all cached and starts no child process.
 */
export async function cachePdfSources(directory: string): Promise<number> {
  const names = readdirSync(directory).filter((name) => /\.pdf$/iu.test(name) && !name.startsWith("."));
  return cachePdfs(names.map((name) => join(directory, name)));
}

/** Why pdf.js could not open a file, in an editor's words. */
function unreadable(error: unknown): string {
  const name = (error as { name?: string }).name ?? "";
  if (name === "PasswordException") return "the PDF is password-protected: save it without a password";
  if (name === "InvalidPDFException") return "not a readable PDF (damaged or cut short)";
  return `pdf.js could not read it (${(error as Error).message ?? String(error)})`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await cachePdfs(process.argv.slice(2));
}
