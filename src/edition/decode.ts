import { readFileSync, statSync } from "node:fs";
import { SourceError, displayPath } from "./errors.ts";

export type Encoding = "utf-8" | "utf-16" | "gb18030";

export interface DecodedText {
  text: string;
  encoding: Encoding;
  /** What an editor should know that did not stop the file, each `file: message`. */
  notices: string[];
}

/**
 * A newspaper page's text is 20–100 KB; 2 MB is twenty pages or more: a whole issue in one file, or
 * not a page at all. The reflow takes about 0.4 s per MB and its cost grows with the page count.
 */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

/** Controls that are neither line breaks nor spacing: what binary data and broken extractions hold. */
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/gu;
/** Above this share of control characters (or more than a handful) a file is binary, not text. */
const BINARY_SHARE = 0.01;
const BINARY_MINIMUM = 8;
/** An invalid byte among this many valid non-ASCII characters is damage to a UTF-8 file, not another encoding. */
const DAMAGED_UTF8_SHARE = 0.05;
/** Where a PDF tool could not map a glyph to Unicode it writes U+FFFD or a private-use code point. */
const UNREADABLE_GLYPH = /[\uFFFD\uE000-\uF8FF]/gu;
/** Line breaks as the reflow counts them, so that line numbers in messages match `--explain`. */
const LINE_BREAK = /\r\n?|[\n\f\v\u2028\u2029\u0085]/gu;

export interface TextFileOptions {
  /** Largest size accepted, in bytes (default: a source page's limit). */
  limit?: number;
  /** An empty or blank file is empty text (a sidecar left blank), not an error (a source page). */
  allowBlank?: boolean;
}

/** Read a file that should hold text, refusing what is too large before reading it. */
export function readTextFile(file: string, options: TextFileOptions = {}): DecodedText {
  const limit = options.limit ?? MAX_SOURCE_BYTES;
  let bytes: Uint8Array;
  try {
    const stats = statSync(file);
    if (stats.isDirectory()) throw new SourceError(file, "this is a folder, not a text file");
    if (stats.size > limit) {
      throw new SourceError(file, `the file is ${readableSize(stats.size)}, more than the ${readableSize(limit)} one page's text can be (a page is 20–100 KB): is it a whole issue, or not a text extract?`);
    }
    bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw new SourceError(file, `cannot be read: ${readFailure(error)}`, undefined, { cause: error });
  }
  return decodeText(bytes, file, options);
}

/**
 * Bytes to text: UTF-8 (with or without BOM) when valid; UTF-16 when it says so with a BOM;
 * otherwise GB18030 (which includes GBK and GB2312), what Chinese PDF tools write when they do not
 * write UTF-8. Nothing is guessed at or replaced: what cannot be decoded exactly is refused, with its line.
 */
export function decodeText(bytes: Uint8Array, file: string, options: Pick<TextFileOptions, "allowBlank"> = {}): DecodedText {
  if (bytes.length === 0) {
    if (options.allowBlank) return { text: "", encoding: "utf-8", notices: [] };
    throw new SourceError(file, "the file is empty");
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) {
    throw new SourceError(file, "this is a PDF file, not text extracted from one: name it NAME.pdf and Broadsheet reads the PDF itself");
  }
  const decoded = decodeBytes(bytes, file);
  refuseControls(decoded.text, file);
  if (decoded.text.trim() === "" && !options.allowBlank) throw new SourceError(file, "the file holds only whitespace");
  const unreadable = linesMatching(decoded.text, UNREADABLE_GLYPH);
  if (unreadable.length > 0) {
    decoded.notices.push(`${displayPath(file)}: characters the PDF tool could not read (U+FFFD or private-use) on line${plural(unreadable)} ${listLines(unreadable)}; check them against the printed page`);
  }
  return decoded;
}

function decodeBytes(bytes: Uint8Array, file: string): DecodedText {
  const utf16 = startsWith(bytes, [0xff, 0xfe]) ? "utf-16le" : startsWith(bytes, [0xfe, 0xff]) ? "utf-16be" : undefined;
  if (utf16) {
    const text = strictDecode(utf16, bytes);
    if (text === undefined) throw new SourceError(file, "the file says it is UTF-16 (it starts with a byte-order mark) but is not valid UTF-16");
    return { text, encoding: "utf-16", notices: [`${displayPath(file)}: UTF-16 text, decoded; UTF-8 is preferred`] };
  }
  const utf8 = strictDecode("utf-8", bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: "utf-8", notices: [] };
  refuseDamagedUtf8(bytes, file);
  const gb18030 = strictDecode("gb18030", bytes);
  if (gb18030 !== undefined) return { text: gb18030, encoding: "gb18030", notices: [`${displayPath(file)}: not UTF-8; decoded as GB18030 (GBK)`] };
  refuseControls(new TextDecoder("utf-8").decode(bytes), file);
  const lines = linesMatching(new TextDecoder("gb18030").decode(bytes), /\uFFFD/gu);
  throw new SourceError(file, "neither UTF-8 nor GB18030 (GBK) text: save it as UTF-8", lines[0]);
}

function strictDecode(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Mostly valid UTF-8 with a few bad bytes is a damaged UTF-8 file: decoding it as GB18030 would garble all of it. */
function refuseDamagedUtf8(bytes: Uint8Array, file: string): void {
  const lossy = new TextDecoder("utf-8").decode(bytes);
  const invalid = (lossy.match(/\uFFFD/gu) ?? []).length;
  const nonAscii = (lossy.match(/[^\u0000-\u007F]/gu) ?? []).length;
  if (invalid > DAMAGED_UTF8_SHARE * nonAscii) return;
  const lines = linesMatching(lossy, /\uFFFD/gu);
  throw new SourceError(file, `UTF-8 text with ${invalid} invalid byte sequence${invalid === 1 ? "" : "s"} on line${plural(lines)} ${listLines(lines)}: the file was damaged or cut short; fix those lines`, lines[0]);
}

/** Control characters make XML feeds invalid and stand for glyphs the extraction lost: an editor must decide. */
function refuseControls(text: string, file: string): void {
  const controls = text.match(CONTROL) ?? [];
  if (controls.length === 0) return;
  if (controls.length > Math.max(BINARY_MINIMUM, text.length * BINARY_SHARE)) {
    throw new SourceError(file, "this is not a text file (it holds binary data); extract the page's text first");
  }
  const lines = linesMatching(text, CONTROL);
  const code = `U+${controls[0]!.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
  throw new SourceError(
    file,
    `control character ${code} on line${plural(lines)} ${listLines(lines)} (${controls.length} in all): PDF tools write these for glyphs they could not read; replace each with the character printed on the page`,
    lines[0],
  );
}

/** 1-based line of a character offset, counting line breaks the way the reflow does. */
export function lineAt(text: string, offset: number): number {
  return (text.slice(0, offset).match(LINE_BREAK)?.length ?? 0) + 1;
}

/** Lines (1-based, ascending, distinct) holding a match of a global pattern. */
export function linesMatching(text: string, pattern: RegExp): number[] {
  const lines = new Set<number>();
  let line = 1;
  let counted = 0;
  for (const match of text.matchAll(pattern)) {
    line += text.slice(counted, match.index).match(LINE_BREAK)?.length ?? 0;
    counted = match.index;
    lines.add(line);
  }
  return [...lines];
}

function listLines(lines: readonly number[]): string {
  const shown = lines.slice(0, 5).join(", ");
  return lines.length > 5 ? `${shown} and ${lines.length - 5} more` : shown;
}

const plural = (items: readonly unknown[]) => (items.length === 1 ? "" : "s");

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function readableSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return (error as Error).message;
}
