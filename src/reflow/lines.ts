import type { Line, ReflowState } from "../types.ts";
import { displayWidth, hangingWidth } from "./text.ts";

/** A spread line has at least this many gaps, nearly all between single characters. */
const SPREAD_GAPS = 4;

/** Justification spread a line's characters apart: most of its space-separated pieces are one or two characters. */
function isSpread(text: string): boolean {
  const pieces = text.split(" ");
  const short = pieces.filter((piece) => [...piece].length <= 2).length;
  return pieces.length > SPREAD_GAPS && short >= 0.8 * pieces.length;
}

const leadingSpaces = (raw: string) => raw.length - raw.trimStart().length;

/** The leading whitespace most lines share is the page's margin, not an indent (full-width margins). */
function usualMargin(rawLines: readonly string[]): number {
  const counts = new Map<number, number>();
  for (const raw of rawLines) if (raw.trim() !== "") counts.set(leadingSpaces(raw), (counts.get(leadingSpaces(raw)) ?? 0) + 1);
  return [...counts.entries()].reduce((best, entry) => (entry[1] > best[1] ? entry : best), [0, 0])[0];
}

/** Runs of whitespace become one space; where a run was two or more wide, a gap is noted. */
function collapse(trimmed: string): { text: string; gaps: number[] } {
  const gaps: number[] = [];
  let text = "";
  for (const piece of trimmed.split(/(\s+)/u)) {
    if (!/^\s/u.test(piece)) text += piece;
    else {
      if (piece.length >= 2) gaps.push(text.length);
      text += " ";
    }
  }
  return { text, gaps };
}

/** Above this share of lines followed by a blank, the extractor double-spaced the page. */
const DOUBLE_SPACED_SHARE = 0.75;

// Signal: each line's printed width (Han 1 em, Latin and compressible punctuation ½) and its
// surviving indent and blank neighbours: column width and indents are what mark paragraphs.
export function lines(state: ReflowState): void {
  const rawLines = state.text.split("\n");
  const margin = usualMargin(rawLines);
  const result: Line[] = [];
  rawLines.forEach((raw, index) => {
    if (raw.trim() === "") return;
    const { text, gaps } = collapse(raw.trim());
    result.push({
      number: index + 1,
      text,
      indented: leadingSpaces(raw) > margin,
      width: displayWidth(raw),
      core: displayWidth(raw) - hangingWidth(text),
      spread: isSpread(text),
      blankBefore: index > 0 && rawLines[index - 1]!.trim() === "",
      blankAfter: index + 1 < rawLines.length && rawLines[index + 1]!.trim() === "",
      gaps,
    });
  });
  state.lines = result;
  const followedByBlank = result.slice(0, -1).filter((line) => line.blankAfter).length;
  state.blankLinesMeaningful = result.length < 3 || followedByBlank / (result.length - 1) < DOUBLE_SPACED_SHARE;
}
