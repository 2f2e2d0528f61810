// Character facts of Chinese newspaper text that several passes share.

/** Han ideographs by code point: CJK unified (and extension A), compatibility, the supplementary planes. */
export function isHanCode(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0x20000 && code <= 0x3134f) || code === 0x3007;
}

/** Full-width punctuation that typesetters compress to half an em in justified lines. */
const COMPRESSIBLE = "，。、；：？！“”‘’《》（）〔〕【】「」『』〈〉";

/** Characters after which a sentence (and so possibly a paragraph) is complete. */
const SENTENCE_END = "。！？!?…";
/** Closing marks that may follow a sentence end: `。”` `！）`. */
const CLOSERS = "”’」』）)】》〕";

/** How many characters (code points) the text holds, as `[...text].length`, without an array of them. */
export function characterCount(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}

/** `characterCount(text) <= limit`, without counting a text far longer than the limit (a character is one or two code units). */
export function hasAtMostCharacters(text: string, limit: number): boolean {
  if (text.length <= limit) return true;
  return text.length <= 2 * limit && characterCount(text) <= limit;
}

export function isHan(ch: string): boolean {
  return isHanCode(ch.codePointAt(0) ?? 0);
}

/** Every character of the text is Han (as `[...text].every(isHan)`, without the array). */
export function allHan(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    if (!isHanCode(code)) return false;
    if (code > 0xffff) i++;
  }
  return true;
}

/** Whitespace by code point (what `\s` matches, and what `trim` removes). */
export function isSpaceCode(code: number): boolean {
  if (code > 0x3000) return code === 0xfeff; // Han text, most of a page: one comparison
  return code === 0x20 || (code >= 0x9 && code <= 0xd) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** The marks above by code (all in the BMP), a bit per kind: one read of a table where a set lookup was, for every character. */
const [COMPRESSIBLE_MARK, CLOSER_MARK, SENTENCE_END_MARK, FINAL_STOP_MARK, FINAL_CLOSER_MARK, INNER_STOP_MARK] = [1, 2, 4, 8, 16, 32];
const MARKS = new Uint8Array(0x10000);
const MARKED = [
  [COMPRESSIBLE, COMPRESSIBLE_MARK],
  [CLOSERS, CLOSER_MARK],
  [`${SENTENCE_END}：`, SENTENCE_END_MARK],
  // what `innerSentenceStops` does not count at a text's end (its stops, then closing marks), and what it counts
  ["。！？!?…", FINAL_STOP_MARK],
  ["”’」』）)】》", FINAL_CLOSER_MARK],
  ["。！？!?", INNER_STOP_MARK],
] as const;
for (const [characters, bit] of MARKED) {
  for (const ch of characters) MARKS[ch.charCodeAt(0)]! |= bit;
}
const isMark = (code: number, bit: number) => code < 0x10000 && (MARKS[code]! & bit) !== 0;

export function codeWidth(code: number): number {
  if (code >= 0x4e00 && code <= 0x9fff) return 1; // common Han, most of any page: no space or punctuation to look up
  if (isSpaceCode(code)) return 0;
  if (isMark(code, COMPRESSIBLE_MARK)) return 0.5;
  return code < 0x2000 ? 0.5 : 1; // Latin letters, digits, ASCII punctuation, middle dot: half an em
}

/** Printed width in ems: what a column of justified Chinese text holds per line. */
export function charWidth(ch: string): number {
  return codeWidth(ch.codePointAt(0) ?? 0);
}

/** A stop or comma at a line's end (its last code point) may hang past the column: its width does not show how full the line is. */
export function hangingCodeWidth(last: number): number {
  return isMark(last, COMPRESSIBLE_MARK) ? codeWidth(last) : 0;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    if (code > 0xffff) i++;
    width += codeWidth(code);
  }
  return width;
}

/** Does the text end a sentence, allowing closing quotes and brackets after the stop? */
export function endsSentence(text: string): boolean {
  // stops and closers are all single code units: the text is read backwards by code unit, not split
  let i = text.length - 1;
  while (i >= 0 && isSpaceCode(text.charCodeAt(i))) i--;
  while (i >= 0 && isMark(text.charCodeAt(i), CLOSER_MARK)) i--;
  if (i < 0) return false;
  // "……" ends a sentence; a trailing colon introduces what follows as its own paragraph
  return isMark(text.charCodeAt(i), SENTENCE_END_MARK);
}

/** The text's last character is one of `marks` (all in the BMP): as `/[marks]$/u`, read by code, without the
 *  pattern tried at every position of a paragraph. */
export function endsWithMark(text: string, marks: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  for (let k = 0; k < marks.length; k++) if (marks.charCodeAt(k) === last) return true;
  return false;
}

/** Count of sentence stops inside the text (not at its very end). */
export function innerSentenceStops(text: string): number {
  // read by code (stops and closers are single code units), no match array: asked of every unit of a page
  let end = text.length;
  while (end > 0 && isSpaceCode(text.charCodeAt(end - 1))) end--;
  // the final stops (`。`, `……`) and the closing marks after them are not inside
  let closed = end;
  while (closed > 0 && isMark(text.charCodeAt(closed - 1), FINAL_CLOSER_MARK)) closed--;
  let body = closed;
  while (body > 0 && isMark(text.charCodeAt(body - 1), FINAL_STOP_MARK)) body--;
  if (body === closed) body = end;
  let stops = 0;
  for (let i = 0; i < body; i++) if (isMark(text.charCodeAt(i), INNER_STOP_MARK)) stops++;
  return stops;
}

/**
 * Join the lines of one paragraph: justification and padding spaces between Han characters
 * and punctuation mean nothing, spaces between two Latin words do.
 */
export function joinLines(lines: readonly string[]): string {
  // each line compacted, then a space kept where two lines meet between letters or digits: what compacting
  // the lines joined by spaces gives, without the joined copy (every paragraph of a page passes here)
  // (the last code kept apart: read off the result, a string still being joined, it was flattened at every line)
  let result = "";
  let last = -1;
  for (const line of lines) {
    const piece = compactSpaces(line.trim());
    if (piece === "") continue;
    if (last >= 0 && isAlphanumericCode(last) && isAlphanumericCode(piece.charCodeAt(0))) result += " ";
    result += piece;
    last = piece.charCodeAt(piece.length - 1);
  }
  return result;
}

/** Any whitespace: what `isSpaceCode` tells. */
const ANY_WHITESPACE = /\s/u;

const isAlphanumericCode = (code: number) => (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);

/** Remove spaces unless both neighbours are Latin letters or digits (a run of whitespace counts as one space). */
export function compactSpaces(text: string): string {
  // most lines hold no whitespace at all: told by a pattern (compiled, it scans faster than a loop by code)
  if (!ANY_WHITESPACE.test(text)) return text;
  // one scan, keeping the text between runs of whitespace: every paragraph of a page passes here
  let result = "";
  let pieceStart = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isSpaceCode(text.charCodeAt(i))) continue;
    let runEnd = i + 1;
    while (runEnd < text.length && isSpaceCode(text.charCodeAt(runEnd))) runEnd++;
    result += text.slice(pieceStart, i);
    const inside = i > 0 && runEnd < text.length;
    if (inside && isAlphanumericCode(text.charCodeAt(i - 1)) && isAlphanumericCode(text.charCodeAt(runEnd))) result += " ";
    pieceStart = runEnd;
    i = runEnd - 1;
  }
  return result + text.slice(pieceStart);
}

/** Text with all whitespace removed: how text is compared and searched for. */
export function squash(text: string): string {
  return text.replace(WHITESPACE, "");
}
const WHITESPACE = /\s+/gu;

/** Two balanced clauses around one comma (`借力专题培训，赋能履职本领。`): how run-in headings read. */
export function isParallelHeading(text: string): boolean {
  const clauses = text.replace(/[。！？]$/u, "").split(/[，,]/u);
  if (clauses.length !== 2 || /[。！？；]/u.test(text.slice(0, -1))) return false;
  const [left, right] = clauses.map(characterCount) as [number, number];
  return left >= 4 && right >= 4 && Math.abs(left - right) <= 4;
}
