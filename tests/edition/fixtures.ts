// Temporary source folders for tests, and the bundled sample page to vary.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { SourceError } from "../../src/edition/errors.ts";

/** A clean UTF-8 page from the bundled samples, with its sidecar. */
export const samplePage = readFileSync("sources/004_10557e53f7c4e785.txt", "utf8");
export const sampleMeta = readFileSync("sources/004_10557e53f7c4e785.meta.yaml", "utf8");

/** A fresh folder holding the given files (text is written as UTF-8, bytes as they are). */
export function sourcesFolder(files: Record<string, string | Uint8Array>): string {
  const directory = mkdtempSync(join(tmpdir(), "broadsheet-sources-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(directory, name)), { recursive: true });
    writeFileSync(join(directory, name), content);
  }
  return directory;
}

let gbk: Map<string, number[]> | undefined;

/** Text as GB18030 bytes (its two-byte GBK part, which covers the sample pages), built from Node's own decoder. */
export function encodeGb18030(text: string): Uint8Array {
  if (!gbk) {
    gbk = new Map();
    const decoder = new TextDecoder("gb18030");
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (char.length === 1 && char !== "\uFFFD" && !gbk.has(char)) gbk.set(char, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else if (gbk.has(char)) bytes.push(...gbk.get(char)!);
    else throw new Error(`no two-byte GBK code for ${char}`);
  }
  return new Uint8Array(bytes);
}

/** The SourceError that `run` throws: the message editors would see. Anything else fails the test. */
export function sourceError(run: () => unknown): SourceError {
  try {
    run();
  } catch (error) {
    if (error instanceof SourceError) return error;
    throw error;
  }
  throw new Error("expected a SourceError");
}
