import type { Decision, DisplayShape, Line, ReflowState, Role, Unit } from "../types.ts";
import { LONG_LINE_RATIO } from "./blocks.ts";
import { hasPhotoCredit } from "./captions.ts";
import { endsSentence, isParallelHeading, joinLines } from "./text.ts";

/** A speaker's label opening a line (`黄委员：`, `问：`): an interview's next turn. */
const SPEAKER = /^[^，。：“”、\s]{1,6}[：:]/u;

/** Ems lost from a paragraph's first line, whose indent the extraction dropped. */
const INDENT = 2;
/** A line this much (in ems) short of where it should end did not fill its column. */
const SHORTFALL = 1.5;

export interface ParagraphEnd {
  isEnd: boolean;
  /** 0..1, how sure; below 0.75 the decision is reported to editors. */
  confidence: number;
  reason: string;
}

/**
 * Does line `i` of a column flow end its paragraph? Justified lines fill the column, so a paragraph
 * ends where a sentence stop meets a line that stops short, or where the next line is indented.
 */
export function isParagraphEnd(lines: readonly Line[], widths: readonly number[], i: number, startsParagraph: boolean, blanksPart = false): ParagraphEnd {
  const line = lines[i]!;
  const next = lines[i + 1];
  if (!next) return { isEnd: true, confidence: 1, reason: "end of the column flow" };
  const columnWidth = widths[i]!;
  // a last line is never justified, so a spread line never ends a paragraph by stopping short
  const shortfall = line.spread ? 0 : columnWidth - (startsParagraph ? INDENT : 0) - line.width;
  // a caption ends with its photo credit, with or without a stop
  if (hasPhotoCredit(line.text) || (i > 0 && !startsParagraph && hasPhotoCredit(line.text, lines[i - 1]!.text))) return { isEnd: true, confidence: 0.9, reason: "a photo credit ends a caption" };
  if (!endsSentence(line.text)) {
    const confidence = shortfall >= 2 * SHORTFALL ? 0.6 : 1;
    return { isEnd: false, confidence, reason: "no sentence stop at the end of the line" };
  }
  if (line.width > columnWidth * LONG_LINE_RATIO) return { isEnd: true, confidence: 0.9, reason: "a whole paragraph on one long line" };
  if (next.width > widths[i + 1]! * LONG_LINE_RATIO) return { isEnd: true, confidence: 0.9, reason: "the next line is a whole paragraph on one long line" };
  if (shortfall >= SHORTFALL) {
    return { isEnd: true, confidence: shortfall >= 2 * SHORTFALL ? 1 : 0.8, reason: `the line stops ${shortfall} em short` };
  }
  if (next.indented) return { isEnd: true, confidence: 0.9, reason: "the next line is indented" };
  if (blanksPart && line.blankAfter) return { isEnd: true, confidence: 0.8, reason: "a sentence ends at a blank line, as this page's paragraphs do" };
  // a caption set right under the text: it ends in its photo credit, on its line or the next
  if (hasPhotoCredit(next.text) || hasPhotoCredit(lines[i + 2]?.text ?? "", next.text)) return { isEnd: true, confidence: 0.8, reason: "a photo caption follows" };
  if (SPEAKER.test(next.text)) return { isEnd: true, confidence: 0.85, reason: "the next line opens a speaker's turn" };
  if (startsParagraph && shortfall >= SHORTFALL / 3 && isParallelHeading(line.text)) {
    return { isEnd: true, confidence: 0.7, reason: "a one-line heading of two balanced clauses, a little short of the column" };
  }
  // a spread line after a stop is mostly a first line: justification stretched its few characters
  // a full line is at least as wide as this one (with its indent, if it opens a paragraph)
  // (and so is the line before it in its paragraph, against the next line's whole width: the column
  // estimate runs low among many short lines)
  const fullWidth = Math.max(widths[i + 1]!, line.core + (startsParagraph ? INDENT : 0));
  const previousFull = startsParagraph ? 0 : Math.min(lines[i - 1]!.core, columnWidth + 2);
  const nextShortfall = Math.max(fullWidth - next.core, previousFull - next.width);
  const closesParagraph = endsSentence(next.text) && looksLikeParagraphStart(lines, widths, i + 2);
  if (nextShortfall >= SHORTFALL && nextShortfall <= INDENT + 1 && closesParagraph && !isParallelHeading(next.text)) {
    // the next line is as short as a first line but ends with a stop before a new paragraph: more
    // often this paragraph's last line than a one-line paragraph exactly a first line wide, unless
    // it reads like a heading (two balanced clauses)
    return { isEnd: false, confidence: 0.55, reason: "the next line is short and closes a paragraph: taken as this one's last line" };
  }
  if (nextShortfall >= SHORTFALL) {
    const confidence = nextShortfall >= INDENT - 0.5 && nextShortfall <= INDENT + 1 ? 0.85 : 0.7;
    return { isEnd: true, confidence, reason: `the next line starts ${nextShortfall} em short, like an indented first line` };
  }
  return { isEnd: false, confidence: 0.7, reason: "a sentence ends flush with the column and the next line is full" };
}

/** Blank lines part this page's paragraphs and nothing else: most sentence ends well short of the column
 *  have one after them, and none falls mid-sentence (where column breaks leave them, they may fall anywhere). */
function blanksPartParagraphs(blocks: ReflowState["blocks"]): boolean {
  let ends = 0;
  let parted = 0;
  for (const block of blocks) {
    if (block.kind !== "flow") continue;
    for (let i = 0; i + 1 < block.lines.length; i++) {
      const line = block.lines[i]!;
      if (line.blankAfter && !endsSentence(line.text)) return false;
      if (line.spread || !endsSentence(line.text) || block.columnWidths[i]! - line.width < 2 * SHORTFALL) continue;
      ends++;
      if (line.blankAfter) parted++;
    }
  }
  return ends >= 2 && parted > ends / 2;
}

/** Does line `i` look like the start of a paragraph (or is the flow over)? */
function looksLikeParagraphStart(lines: readonly Line[], widths: readonly number[], i: number): boolean {
  const line = lines[i];
  return !line || line.indented || widths[i]! - line.core >= SHORTFALL;
}

const SHAPE_ROLES: Record<DisplayShape, Role> = {
  byline: "byline",
  note: "authorNote",
  kicker: "kicker",
  subtitle: "subtitle",
  headline: "headline",
  folio: "credit",
  jump: "paragraph",
  name: "signature",
};

// Signal: sentence stops against line widths and indents (isParagraphEnd); column breaks leave
// blank lines mid-sentence, so blank lines are not read here at all.
export function paragraphs(state: ReflowState): void {
  const units: Unit[] = [];
  const blanksPart = state.blankLinesMeaningful && blanksPartParagraphs(state.blocks);
  for (const block of state.blocks) {
    if (block.kind === "display") {
      // display lines keep their spaces: they part a headline's phrases and a credit's names
      units.push(unitOf(SHAPE_ROLES[block.shape], block.lines.map((line) => line.text).join(""), block.lines, 0));
      continue;
    }
    let start = 0;
    for (let i = 0; i < block.lines.length; i++) {
      const end = isParagraphEnd(block.lines, block.columnWidths, i, i === start, blanksPart);
      if (end.confidence < 0.75) state.decisions.push(paragraphDecision(block.lines, i, end));
      if (!end.isEnd) continue;
      const paragraphLines = block.lines.slice(start, i + 1);
      const columnWidth = median(block.columnWidths.slice(start, i + 1));
      units.push(unitOf("paragraph", joinLines(paragraphLines.map((line) => line.text)), paragraphLines, columnWidth));
      start = i + 1;
    }
  }
  state.units = units;
}

function unitOf(role: Role, text: string, lines: readonly Line[], columnWidth: number): Unit {
  const first = lines[0]!;
  return { role, text, firstLine: first.number, lastLine: lines[lines.length - 1]!.number, columnWidth, indented: first.indented };
}

/** The median of fresh values, sorted in place: one array less per paragraph of the page. */
function median(values: number[]): number {
  // most paragraphs have a few lines: sorted by insertion, with none of `sort`'s working copies
  if (values.length > SHORT_SORT) values.sort((a, b) => a - b);
  else {
    for (let i = 1; i < values.length; i++) {
      const value = values[i]!;
      let k = i;
      for (; k > 0 && values[k - 1]! > value; k--) values[k] = values[k - 1]!;
      values[k] = value;
    }
  }
  return values[Math.floor(values.length / 2)] ?? 0;
}
const SHORT_SORT = 32;

function paragraphDecision(lines: readonly Line[], i: number, end: ParagraphEnd): Decision {
  const line = lines[i]!;
  const next = lines[i + 1];
  return {
    pass: "paragraphs",
    line: line.number,
    confidence: end.confidence,
    message: `${end.isEnd ? "paragraph break" : "no paragraph break"} after line ${line.number}: ${end.reason}`,
    context: next ? `${line.text} ⏎ ${next.text}` : line.text,
  };
}
