import type { Line, ReflowState } from "../types.ts";
import { codeWidth, hangingCodeWidth, isSpaceCode } from "./text.ts";

/** A spread line has at least this many gaps, nearly all between single characters. */
const SPREAD_GAPS = 4;

/** The leading whitespace most lines share is the page's margin, not an indent (full-width margins). */
function usualMargin(starts: readonly number[], ends: readonly number[]): number {
  // lines counted by their leading whitespace (a few code units: an array by it, not a map), each margin's
  // first line kept in order: the first of the commonest wins
  const counts: number[] = [];
  const order: number[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    if (start === ends[i]) continue;
    if (counts[start] === undefined) {
      counts[start] = 0;
      order.push(start);
    }
    counts[start]!++;
  }
  let [best, most] = [0, 0];
  for (const start of order) if (counts[start]! > most) [best, most] = [start, counts[start]!];
  return best;
}

const SPACE = 0x20;
/** What `isSpaceCode` calls whitespace, a run of it. */
const WHITESPACE_RUN = /\s+/gu;

/**
 * One scan of a line's text (the page's `text` from `start` to `end`, trimmed): runs of whitespace become one
 * space (where a run was two or more wide, a gap is noted), widths add up, and the pieces between spaces are
 * counted for `spread`. Done per line of every page, so it walks code units once instead of splitting and re-measuring.
 */
function measure(raw: string, start: number, end: number, line: Line): Line {
  const gaps = line.gaps;
  // code units of whitespace runs that become one space: most lines lose none and are sliced whole
  let dropped = 0;
  let rewritten = false;
  let width = 0;
  let pieces = 0;
  let shortPieces = 0;
  let pieceLength = 0; // code points in the current piece
  let last = 0;
  for (let i = start; i < end; ) {
    if (isSpaceCode(raw.charCodeAt(i))) {
      let runEnd = i + 1;
      while (isSpaceCode(raw.charCodeAt(runEnd))) runEnd++;
      if (runEnd - i >= 2) gaps.push(i - start - dropped);
      rewritten ||= runEnd - i >= 2 || raw.charCodeAt(i) !== SPACE;
      dropped += runEnd - i - 1;
      i = runEnd;
      continue;
    }
    let pieceEnd = i;
    pieceLength = 0;
    // each character read once, as a code point (no whitespace is outside the BMP, nor a surrogate)
    while (pieceEnd < end) {
      const code = raw.codePointAt(pieceEnd)!;
      if (isSpaceCode(code)) break;
      last = code;
      pieceEnd += code > 0xffff ? 2 : 1;
      width += codeWidth(code);
      pieceLength++;
    }
    pieces++;
    if (pieceLength <= 2) shortPieces++;
    i = pieceEnd;
  }
  // justification spread the characters apart: most of the space-separated pieces are one or two characters
  const spread = pieces > SPREAD_GAPS && shortPieces >= 0.8 * pieces;
  // the line's fields set in place: one object per line, not a measure copied into the line
  line.text = rewritten ? raw.slice(start, end).replace(WHITESPACE_RUN, " ") : raw.slice(start, end);
  line.width = width;
  // an ellipsis (two characters that may not be parted nor start a line) squeezes in at a line's end: one of them past the column
  const squeezed = last === 0x2026 && raw.charCodeAt(end - 2) === 0x2026 ? 1 : 0; // `……`
  line.core = width - hangingCodeWidth(last) - squeezed;
  line.spread = spread;
  return line;
}

/** Above this share of lines followed by a blank, the extractor double-spaced the page. */
const DOUBLE_SPACED_SHARE = 0.75;

// Signal: each line's printed width (Han 1 em, Latin and compressible punctuation ½) and its
// surviving indent and blank neighbours: column width and indents are what mark paragraphs.
export function lines(state: ReflowState): void {
  const text = state.text;
  // where each line begins in the text (read in place: the page is not split into a string per line), and where
  // its text starts and ends in it (whitespace trimmed), from its beginning: the same for a blank line
  // plain arrays: a typed array per page is an off-heap allocation
  // (loops, no closures: under tsx each named closure made costs a `defineProperty`, and this runs per line)
  const begins: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (let begin = 0; ; ) {
    const newline = text.indexOf("\n", begin);
    const after = newline < 0 ? text.length : newline;
    let start = begin;
    let end = after;
    while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
    while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
    begins.push(begin);
    starts.push(start - begin);
    ends.push(end - begin);
    if (newline < 0) break;
    begin = newline + 1;
  }
  const margin = usualMargin(starts, ends);
  const result: Line[] = [];
  for (let index = 0; index < starts.length; index++) {
    if (starts[index] === ends[index]) continue; // a blank line
    const line: Line = {
      number: index + 1,
      text: "",
      width: 0,
      core: 0,
      spread: false,
      gaps: [],
      indented: starts[index]! > margin,
      blankBefore: index > 0 && starts[index - 1] === ends[index - 1],
      blankAfter: index + 1 < starts.length && starts[index + 1] === ends[index + 1],
    };
    result.push(measure(text, begins[index]! + starts[index]!, begins[index]! + ends[index]!, line));
  }
  state.lines = result;
  // counted in place: no copy of the page's lines, nor a filtered one
  let followedByBlank = 0;
  for (let k = 0; k + 1 < result.length; k++) if (result[k]!.blankAfter) followedByBlank++;
  state.blankLinesMeaningful = result.length < 3 || followedByBlank / (result.length - 1) < DOUBLE_SPACED_SHARE;
}
