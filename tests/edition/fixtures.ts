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

const doubleByteCodes = new Map<string, Map<string, number[]>>();

/** Each character's two bytes in a double-byte legacy encoding, read off Node's own decoder. */
function codesOf(encoding: string): Map<string, number[]> {
  let codes = doubleByteCodes.get(encoding);
  if (codes) return codes;
  codes = new Map();
  const decoder = new TextDecoder(encoding);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && char !== "\uFFFD" && !codes.has(char)) codes.set(char, [lead, trail]);
    }
  }
  doubleByteCodes.set(encoding, codes);
  return codes;
}

/** Text as GB18030 bytes (its two-byte GBK part, which covers the sample pages). */
export function encodeGb18030(text: string): Uint8Array {
  return encodeDoubleByte("gb18030", text);
}

/** Text in a double-byte encoding (GB18030's GBK part, Big5, Shift_JIS…); a character it lacks is an error. */
export function encodeDoubleByte(encoding: string, text: string): Uint8Array {
  const codes = codesOf(encoding);
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else if (codes.has(char)) bytes.push(...codes.get(char)!);
    else throw new Error(`no two-byte ${encoding} code for ${char}`);
  }
  return new Uint8Array(bytes);
}

/** The characters of `text` that a double-byte encoding has (ASCII included). */
export function keepEncodable(encoding: string, text: string): string {
  const codes = codesOf(encoding);
  return [...text].filter((char) => char.codePointAt(0)! < 0x80 || codes.has(char)).join("");
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
