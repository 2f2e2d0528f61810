// Telling encodings apart where a file does not say which it is: UTF-16 without its byte-order
// mark, a file pasted together from parts in two encodings, and the legacy encodings (GB18030,
// Big5, Shift_JIS…), which chardet (from npm) tells apart by their byte statistics.
import { analyse } from "chardet";

/**
 * Below this share of zero bytes a file is not UTF-16: a page's line breaks alone give 0.25 % (one
 * per 200 characters) or more. What else has zeros is told apart by the checks after this one.
 */
const UTF16_ZERO_SHARE = 0.001;
/** Nearly all zero bytes of UTF-16 text sit on one side of its code units (ASCII's high byte). */
const UTF16_ZERO_SIDE = 0.9;
/** Nearly every character of a text is of these kinds; bytes read as the wrong UTF-16 give random ones. */
const PLAUSIBLE = /[\p{Script=Han}\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}\s]/u;
const PLAUSIBLE_SHARE = 0.95;

/**
 * UTF-16 without a byte-order mark: zero bytes (in no UTF-8 or GB18030 text) mostly at odd offsets
 * (little-endian) or even ones (big-endian), decoding to text of plausible characters.
 */
export function unmarkedUtf16(bytes: Uint8Array): { encoding: "utf-16le" | "utf-16be"; text: string } | undefined {
  if (bytes.length % 2 !== 0) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) (i % 2 === 0 ? even++ : odd++);
  const zeros = even + odd;
  if (zeros < UTF16_ZERO_SHARE * bytes.length) return undefined;
  const encoding = odd >= UTF16_ZERO_SIDE * zeros ? "utf-16le" : even >= UTF16_ZERO_SIDE * zeros ? "utf-16be" : undefined;
  if (!encoding) return undefined;
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  let plausible = 0;
  let all = 0;
  for (const char of text) {
    all++;
    if (PLAUSIBLE.test(char)) plausible++;
  }
  return plausible >= PLAUSIBLE_SHARE * all ? { encoding, text } : undefined;
}

/** A line is evidence of UTF-8 when it is valid UTF-8 with at least this many non-ASCII characters (legacy text seldom is, by chance). */
const UTF8_EVIDENCE = 4;

/**
 * Where a file changes from UTF-8 to another encoding or back (pasted together from two files):
 * the 1-based line of the first line that disagrees with the first line that says which it is.
 * Lines are counted as the reflow counts them (CR, LF or CRLF).
 */
export function encodingChange(bytes: Uint8Array): { line: number; utf8First: boolean } | undefined {
  let first: boolean | undefined;
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    const end = i === bytes.length || bytes[i] === 0x0a || bytes[i] === 0x0d;
    if (!end) continue;
    const isUtf8 = utf8Evidence(bytes, start, i);
    if (isUtf8 !== undefined && first === undefined) first = isUtf8;
    else if (isUtf8 !== undefined && isUtf8 !== first) return { line, utf8First: first! };
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) i++;
    start = i + 1;
    line++;
  }
  return undefined;
}

/**
 * Of the bytes from `start` to `end`: true when they are UTF-8 with enough non-ASCII to tell, false
 * when they are not UTF-8, undefined when it cannot be told (ASCII, or too little). Checked byte by
 * byte as a strict decoder would, without decoding: this runs over every line of a 2 MB file.
 */
function utf8Evidence(bytes: Uint8Array, start: number, end: number): boolean | undefined {
  let characters = 0;
  for (let i = start; i < end; ) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const [length, low, high] = lead >= 0xc2 && lead <= 0xdf ? [2, 0x80, 0xbf] : lead === 0xe0 ? [3, 0xa0, 0xbf] : lead === 0xed ? [3, 0x80, 0x9f] : lead >= 0xe1 && lead <= 0xef ? [3, 0x80, 0xbf] : lead === 0xf0 ? [4, 0x90, 0xbf] : lead === 0xf4 ? [4, 0x80, 0x8f] : lead >= 0xf1 && lead <= 0xf3 ? [4, 0x80, 0xbf] : [0, 0, 0];
    if (length === 0 || i + length > end) return false;
    if (bytes[i + 1]! < low || bytes[i + 1]! > high) return false;
    for (let k = 2; k < length; k++) if (bytes[i + k]! < 0x80 || bytes[i + k]! > 0xbf) return false;
    i += length;
    characters++;
  }
  return characters >= UTF8_EVIDENCE ? true : undefined;
}

/** chardet's statistics settle within a few pages' worth of bytes; all 2 MB would take seconds. */
const SAMPLE_BYTES = 64 * 1024;
/**
 * Below this confidence (0–100) chardet's best guess is no better than the default, GB18030. Its
 * guesses of single-byte encodings (ISO-8859-1, KOI8-R…) need more: a short GBK sidecar scores 61
 * as ISO-8859-1, while a page in one scores near 100.
 */
const CONFIDENT = 50;
const CONFIDENT_SINGLE_BYTE = 90;
const MULTI_BYTE = /^(?:GB18030|Big5|Shift_JIS|EUC-|ISO-2022-)/u;

export interface LegacyGuess {
  /** The WHATWG name TextDecoder knows, e.g. "big5". */
  encoding: string;
  /** As people call it, for messages. */
  name: string;
  chinese: boolean;
}

/** The legacy encoding chardet is confident of, if any: Big5 published as GB18030 would be mojibake. */
export function guessLegacyEncoding(bytes: Uint8Array): LegacyGuess | undefined {
  const best = analyse(bytes.subarray(0, SAMPLE_BYTES))[0];
  if (!best || best.name === "ASCII" || best.name.startsWith("UTF")) return undefined;
  if (best.confidence < (MULTI_BYTE.test(best.name) ? CONFIDENT : CONFIDENT_SINGLE_BYTE)) return undefined;
  return { encoding: best.name.toLowerCase(), name: best.name, chinese: best.lang === "zh" };
}
