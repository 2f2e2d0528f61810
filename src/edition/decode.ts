import { type Stats, closeSync, constants, fstatSync, lstatSync, openSync, readFileSync } from "node:fs";
import { encodingChange, guessLegacyEncoding, unmarkedUtf16 } from "./encodings.ts";
import { SourceError, displayPath } from "./errors.ts";

export type Encoding = "utf-8" | "utf-16" | "gb18030" | "big5";

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
/** What no XML document (the feeds, the sitemap) can carry besides controls: noncharacters (U+FFFF) and unpaired surrogates. */
const NOT_XML = /[\p{Noncharacter_Code_Point}\p{Cs}]/u;
/** What a source must not hold: the controls above, and what XML cannot carry. */
const UNCARRIABLE = new RegExp(`${CONTROL.source}|${NOT_XML.source}`, "gu");
/** What a sidecar's text must not hold: every control but tab and line breaks, and what XML cannot carry. */
const UNCARRIABLE_IN_FIELDS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\p{Noncharacter_Code_Point}\p{Cs}]/u;
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
  /** Largest size accepted, in bytes, and what the file is, for the message (default: a source page's limit). */
  limit?: { bytes: number; of: string };
  /** An empty or blank file is empty text (a sidecar left blank), not an error (a source page). */
  allowBlank?: boolean;
}

/** Read and decode a file that should hold text (only a regular file: see `readRegularFile`). */
export function readTextFile(file: string, options: TextFileOptions = {}): DecodedText {
  const limit = options.limit ?? { bytes: MAX_SOURCE_BYTES, of: "one page's text (a page is 20–100 KB): is it a whole issue, or not a text extract?" };
  return decodeText(readRegularFile(file, limit), file, options);
}

/**
 * The bytes of a regular file, refusing what is too large before reading it. A symbolic link (to
 * /etc/passwd, say) would publish what lies outside the sources folder, and a named pipe or device
 * would never end. The link is refused when opening, too, so a file swapped for one meanwhile is
 * not followed either.
 */
export function readRegularFile(file: string, limit: { bytes: number; of: string }): Uint8Array {
  let descriptor: number | undefined;
  try {
    refuseIrregular(lstatSync(file), file);
    descriptor = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    const stats = fstatSync(descriptor);
    refuseIrregular(stats, file);
    if (stats.size > limit.bytes) {
      throw new SourceError(file, `the file is ${readableSize(stats.size)}, more than the ${readableSize(limit.bytes)} allowed for ${limit.of}`);
    }
    return readFileSync(descriptor);
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw new SourceError(file, `cannot be read: ${readFailure(error)}`, undefined, { cause: error });
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

function refuseIrregular(stats: Stats, file: string): void {
  if (stats.isFile()) return;
  if (stats.isDirectory()) throw new SourceError(file, "this is a folder, not a text file");
  const kind = stats.isSymbolicLink() ? "a symbolic link" : stats.isFIFO() ? "a named pipe" : stats.isSocket() ? "a socket" : "a device";
  throw new SourceError(file, `this is ${kind}, not a regular file: only files inside the sources folder are read, so that nothing outside it is published; copy the file in instead`);
}

/**
 * Bytes to text: UTF-8 (with or without BOM) when valid; UTF-16 when it says so with a BOM, or
 * shows it without one; otherwise GB18030 (which includes GBK and GB2312), what Chinese PDF tools
 * write when they do not write UTF-8, or Big5 when chardet is sure of it. Nothing is replaced (but
 * an inner U+FEFF, by its equivalent): what cannot be decoded exactly is refused, with its line.
 */
export function decodeText(bytes: Uint8Array, file: string, options: Pick<TextFileOptions, "allowBlank"> = {}): DecodedText {
  if (bytes.length === 0) {
    if (options.allowBlank) return { text: "", encoding: "utf-8", notices: [] };
    throw new SourceError(file, "the file is empty");
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) {
    throw new SourceError(file, "this is a PDF file, not text extracted from one: name it NAME.pdf and Broadsheet reads the PDF itself");
  }
  const decoded = keepWordJoiners(decodeBytes(bytes, file), file);
  refuseControls(decoded.text, file);
  if (decoded.text.trim() === "" && !options.allowBlank) throw new SourceError(file, "the file holds only whitespace");
  const unreadable = linesMatching(decoded.text, UNREADABLE_GLYPH);
  if (unreadable.length > 0) {
    decoded.notices.push(`${displayPath(file)}: characters the PDF tool could not read (U+FFFD or private-use) on line${plural(unreadable)} ${listLines(unreadable)}; check them against the printed page`);
  }
  return decoded;
}

/**
 * U+FEFF past the start (files joined with their byte-order marks, or the old zero-width no-break
 * space) is not whitespace, yet JavaScript's \s and trim() treat it as such and would lose it.
 * U+2060 WORD JOINER is what Unicode has for that meaning since: it is kept as that, with a notice.
 */
function keepWordJoiners(decoded: DecodedText, file: string): DecodedText {
  const lines = linesMatching(decoded.text, /\uFEFF/gu);
  if (lines.length === 0) return decoded;
  const notice = `${displayPath(file)}: U+FEFF (a byte-order mark) inside the text on line${plural(lines)} ${listLines(lines)}, kept as U+2060 WORD JOINER (the same, invisible); if files were joined there, delete it`;
  return { ...decoded, text: decoded.text.replaceAll("\uFEFF", "\u2060"), notices: [...decoded.notices, notice] };
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
  const unmarked = unmarkedUtf16(bytes);
  if (unmarked) return { text: unmarked.text, encoding: "utf-16", notices: [`${displayPath(file)}: UTF-16${unmarked.encoding.slice(6).toUpperCase()} text without a byte-order mark, decoded; UTF-8 is preferred`] };
  refuseDamagedUtf8(bytes, file);
  refuseEncodingChange(bytes, file);
  return decodeLegacy(bytes, file);
}

/** GB18030 unless chardet is sure of another legacy encoding: Big5 is decoded, the rest are not Chinese. */
function decodeLegacy(bytes: Uint8Array, file: string): DecodedText {
  const guess = guessLegacyEncoding(bytes);
  if (guess?.encoding === "big5") {
    const big5 = strictDecode("big5", bytes);
    if (big5 !== undefined) return { text: big5, encoding: "big5", notices: [`${displayPath(file)}: not UTF-8; detected as Big5 (traditional Chinese) and decoded as such`] };
  } else if (guess && !guess.chinese) {
    refuseControls(new TextDecoder("utf-8").decode(bytes), file);
    throw new SourceError(file, `neither UTF-8 nor a Chinese encoding: this looks like ${guess.name} text; save it as UTF-8`);
  }
  const gb18030 = strictDecode("gb18030", bytes);
  if (gb18030 !== undefined) return { text: gb18030, encoding: "gb18030", notices: [`${displayPath(file)}: not UTF-8; decoded as GB18030 (GBK)`] };
  refuseControls(new TextDecoder("utf-8").decode(bytes), file);
  const lines = linesMatching(new TextDecoder("gb18030").decode(bytes), /\uFFFD/gu);
  throw new SourceError(file, "neither UTF-8 nor GB18030 (GBK) nor Big5 text: save it as UTF-8", lines[0]);
}

/** Part UTF-8, part another encoding: a file pasted together from two. The line where it changes is the one to look at. */
function refuseEncodingChange(bytes: Uint8Array, file: string): void {
  const change = encodingChange(bytes);
  if (!change) return;
  const [before, after] = change.utf8First ? ["UTF-8", "another encoding (GB18030?)"] : ["another encoding (GB18030?)", "UTF-8"];
  throw new SourceError(file, `the text is in ${before} up to line ${change.line - 1}, then in ${after} from line ${change.line}: parts of it were saved differently; save all of it as UTF-8`, change.line);
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
  // counted code unit by code unit: a regex match would build an array of a million characters
  let invalid = 0;
  let nonAscii = 0;
  for (let i = 0; i < lossy.length; i++) {
    const code = lossy.charCodeAt(i);
    if (code === 0xfffd) invalid++;
    if (code >= 0x80) nonAscii++;
  }
  if (invalid > DAMAGED_UTF8_SHARE * nonAscii) return;
  const lines = linesMatching(lossy, /\uFFFD/gu);
  throw new SourceError(file, `UTF-8 text with ${invalid} invalid byte sequence${invalid === 1 ? "" : "s"} on line${plural(lines)} ${listLines(lines)}: the file was damaged or cut short; fix those lines`, lines[0]);
}

/**
 * Control characters and noncharacters make XML feeds invalid and stand for glyphs the extraction
 * lost: an editor must decide what was printed there.
 */
function refuseControls(text: string, file: string): void {
  const controls = text.match(CONTROL) ?? [];
  if (controls.length > Math.max(BINARY_MINIMUM, text.length * BINARY_SHARE)) {
    throw new SourceError(file, "this is not a text file (it holds binary data); extract the page's text first");
  }
  const uncarriable = text.match(UNCARRIABLE) ?? [];
  if (uncarriable.length === 0) return;
  const lines = linesMatching(text, UNCARRIABLE);
  throw new SourceError(
    file,
    `${describeCharacter(uncarriable[0]!)} on line${plural(lines)} ${listLines(lines)} (${uncarriable.length} in all): PDF tools write these for glyphs they could not read, and feeds cannot carry them; replace each with the character printed on the page`,
    lines[0],
  );
}

/**
 * Text read from a PDF's text layer cannot be edited at its source: what XML cannot carry there
 * becomes U+FFFD, which the notice about unreadable glyphs then points out by line.
 */
export function replaceUncarriable(text: string): string {
  return text.replace(new RegExp(UNCARRIABLE_IN_FIELDS.source, "gu"), "\uFFFD");
}

/** Why a sidecar's text cannot be published as it is, or undefined when it can. */
export function uncarriableInText(text: string): string | undefined {
  const found = UNCARRIABLE_IN_FIELDS.exec(text)?.[0];
  return found && `${describeCharacter(found)}, which feeds (XML) cannot carry`;
}

function describeCharacter(char: string): string {
  const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
  if (/\p{Cs}/u.test(char)) return `half a surrogate pair ${code}`;
  return NOT_XML.test(char) ? `noncharacter ${code}` : `control character ${code}`;
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
  if (code === "ELOOP") return "it became a symbolic link while being read";
  return (error as Error).message;
}
