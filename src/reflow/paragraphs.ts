import type { Decision, DisplayShape, Line, ReflowState, Role, Unit } from "../types.ts";
import { LONG_LINE_RATIO } from "./headlines.ts";
import { hasPhotoCredit, isCreditOnly } from "./captions.ts";
import { outnumbers } from "./shapes.ts";
import { endsSentence, endsWithMark, isParallelHeading, joinLines } from "./text.ts";
import { SHORTFALL, firstLineWidths, fullLineWidths } from "./widths.ts";

/** A speaker's label opening a line (`黄委员：`, `问：`): an interview's next turn. */
const SPEAKER = /^[^，。：“”、\s]{1,6}[：:]/u;

/** Ems lost from a paragraph's first line, whose indent the extraction dropped. */
const INDENT = 2;
/** A full line fills its column to within this much (in ems) more than a first line, whose indent was lost. */
const FIRST_LINE_SLACK = 0.5;
/** A column holds many paragraphs: where blank lines part them, at most one blank in this many falls mid-sentence. */
const COLUMN_BREAKS_PER_PARAGRAPH_END = 3;

/** What the page and the column around it tell about paragraph ends. */
export interface FlowContext {
  /** Blank lines part this page's paragraphs. */
  blanksPart?: boolean;
  /** Blank lines are not a double-spaced extraction's. */
  blanksMeaningful?: boolean;
  /** Around each line, how wide the column's surely full lines run (fullLineWidths). */
  fullWidths?: readonly number[];
  /** The page sets run-in headings (two balanced clauses on a line of their own): a line that reads like one may be one. */
  runInHeadings?: boolean;
  /** Around each line, the width of the column's lines known to open a paragraph. */
  firstWidths?: readonly (number | undefined)[];
}

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
export function isParagraphEnd(lines: readonly Line[], widths: readonly number[], i: number, startsParagraph: boolean, flow: FlowContext = {}): ParagraphEnd {
  const line = lines[i]!;
  const next = lines[i + 1];
  if (!next) return { isEnd: true, confidence: 1, reason: "end of the column flow" };
  const columnWidth = widths[i]!;
  // a last line is never justified, so a spread line never ends a paragraph by stopping short
  const shortfall = line.spread ? 0 : columnWidth - (startsParagraph ? INDENT : 0) - line.width;
  // a caption ends with its photo credit, with or without a stop; a line going on from the one before is read
  // with it, so a clause broken before `摄` (`…降至零下二摄` / `氏度，…`) is no credit
  const credited = i > 0 && !startsParagraph ? hasPhotoCredit(line.text, lines[i - 1]!.text) : hasPhotoCredit(line.text);
  if (credited) return { isEnd: true, confidence: 0.9, reason: "a photo credit ends a caption" };
  if (!endsSentence(line.text)) {
    const confidence = shortfall >= 2 * SHORTFALL ? 0.6 : 1;
    return { isEnd: false, confidence, reason: "no sentence stop at the end of the line" };
  }
  // a quotation opened on this line and not closed: the sentence stopped inside it goes on
  if (outnumbers(line.text, "“", "”")) return { isEnd: false, confidence: 0.8, reason: "a quotation opened on the line is not closed" };
  if (line.width > columnWidth * LONG_LINE_RATIO) return { isEnd: true, confidence: 0.9, reason: "a whole paragraph on one long line" };
  if (next.width > widths[i + 1]! * LONG_LINE_RATIO) return { isEnd: true, confidence: 0.9, reason: "the next line is a whole paragraph on one long line" };
  if (shortfall >= SHORTFALL) {
    return { isEnd: true, confidence: shortfall >= 2 * SHORTFALL ? 1 : 0.8, reason: `the line stops ${shortfall} em short` };
  }
  if (next.indented) return { isEnd: true, confidence: 0.9, reason: "the next line is indented" };
  // a first line lost its indent: the next line as wide as this column's known first lines opens a paragraph,
  // one clearly wider is a full line, as after a column break
  const firstWidth = flow.firstWidths?.[i + 1];
  const nextFull = firstWidth !== undefined && next.core >= firstWidth + FIRST_LINE_SLACK;
  if (flow.blanksMeaningful && line.blankAfter && !nextFull) {
    return flow.blanksPart
      ? { isEnd: true, confidence: 0.8, reason: "a sentence ends at a blank line, as this page's paragraphs do" }
      : { isEnd: true, confidence: 0.6, reason: "a sentence ends at a blank line, and the next line is not full: a box's end, not a column break" };
  }
  // a caption set right under the text: it ends in its photo credit, on its line or the next
  // (a next line ending its sentence is a caption only over a credit alone, not over a whole caption of its own)
  const afterNext = lines[i + 2]?.text ?? "";
  if (hasPhotoCredit(next.text) || (endsSentence(next.text) ? isCreditOnly(afterNext) : hasPhotoCredit(afterNext, next.text))) return { isEnd: true, confidence: 0.8, reason: "a photo caption follows" };
  if (SPEAKER.test(next.text)) return { isEnd: true, confidence: 0.85, reason: "the next line opens a speaker's turn" };
  const runIn = flow.runInHeadings ?? true;
  if (runIn && startsParagraph && shortfall >= SHORTFALL / 3 && isParallelHeading(line.text)) {
    return { isEnd: true, confidence: 0.7, reason: "a one-line heading of two balanced clauses, a little short of the column" };
  }
  // a spread line after a stop is mostly a first line: justification stretched its few characters
  // a full line is at least as wide as this one (with its indent, if it opens a paragraph)
  // (and so is the line before it in its paragraph, against the next line's whole width: the column
  // estimate runs low among many short lines)
  const fullWidth = Math.max(widths[i + 1]!, flow.fullWidths?.[i + 1] ?? 0, line.core + (startsParagraph ? INDENT : 0));
  const previousFull = startsParagraph ? 0 : Math.min(lines[i - 1]!.core, columnWidth + 2);
  const nextShortfall = Math.max(fullWidth - next.core, previousFull - next.width);
  const closesParagraph = endsSentence(next.text) && (looksLikeParagraphStart(lines, flow.fullWidths ?? widths, i + 2) || (flow.blanksMeaningful === true && next.blankAfter) || isFirstLineWide(lines, flow, i + 2));
  // the next line is short but ends with a stop before a new paragraph: this paragraph's last line (see
  // closesOnNextLine), unless it reads like a heading (two balanced clauses)
  if (nextShortfall >= SHORTFALL && closesParagraph && closesOnNextLine(lines, i, nextShortfall, startsParagraph, runIn) && !(runIn && isParallelHeading(next.text) && !(flow.blanksMeaningful && next.blankAfter))) {
    return { isEnd: false, confidence: 0.55, reason: "the next line is short and closes a paragraph: taken as this one's last line" };
  }
  if (nextShortfall >= SHORTFALL) {
    const confidence = nextShortfall >= INDENT - 0.5 && nextShortfall <= INDENT + 1 ? 0.85 : 0.7;
    return { isEnd: true, confidence, reason: `the next line starts ${nextShortfall} em short, like an indented first line` };
  }
  if (isFirstLineWide(lines, flow, i + 1)) {
    return { isEnd: true, confidence: 0.7, reason: "the next line is as wide as this column's first lines, narrower than its full ones" };
  }
  return { isEnd: false, confidence: 0.7, reason: "a sentence ends flush with the column and the next line is full" };
}

/**
 * After a sentence that ends flush, is the short line after it, which closes a paragraph, this paragraph's
 * last line rather than a one-line paragraph? One a first line wide is, mid-flow or after a closed quotation
 * (the speaker is named after it, `…。”张三说。`); at the flow's end it is as often a story's closing one-line
 * paragraph. One too short for a first line that goes on is, mid-flow: one-line paragraphs mostly close a
 * story. Not a plain statement with no comma (a caption set between paragraphs), nor, on a page that sets
 * them, a run-in heading.
 */
function closesOnNextLine(lines: readonly Line[], i: number, nextShortfall: number, startsParagraph: boolean, runIn: boolean): boolean {
  if (startsParagraph) return true;
  const midFlow = lines[i + 2] !== undefined;
  if (nextShortfall <= INDENT + 1) return midFlow || endsWithMark(lines[i]!.text, "”」』");
  const next = lines[i + 1]!.text;
  return midFlow && /[，,；;]/u.test(next) && !(runIn && isParallelHeading(next));
}

/** Blank lines part this page's paragraphs: most sentence ends well short of the column have one after
 *  them, and blank lines mid-sentence (column breaks, one a column) are few beside them. */
export function blanksPartParagraphs(blocks: ReflowState["blocks"]): boolean {
  let ends = 0;
  let parted = 0;
  let midSentence = 0;
  for (const block of blocks) {
    if (block.kind !== "flow") continue;
    for (let i = 0; i + 1 < block.lines.length; i++) {
      const line = block.lines[i]!;
      const stops = endsSentence(line.text); // (asked once per line)
      if (line.blankAfter && !stops) midSentence++;
      if (line.spread || !stops || block.columnWidths[i]! - line.width < 2 * SHORTFALL) continue;
      ends++;
      if (line.blankAfter) parted++;
    }
  }
  return ends >= 2 && parted > ends / 2 && midSentence * COLUMN_BREAKS_PER_PARAGRAPH_END < parted;
}

/** Run-in headings come in sets: a page needs this many that stand clear of the text around them. */
const RUN_IN_SET = 2;

/**
 * Does the page set run-in headings? Lines of two balanced clauses that surely stand alone: after a
 * sentence that stopped well short (or a flow's start) and short of the column themselves. Only on
 * such a page is a like line after a flush stop read as a heading rather than a paragraph's last line.
 */
export function setsRunInHeadings(blocks: ReflowState["blocks"], blanksMeaningful = false): boolean {
  let clear = 0;
  for (const block of blocks) {
    if (block.kind !== "flow") continue;
    // (a loop carrying the line before's sentence end: each line's is asked once, not as a line and again as the one before)
    let previousEnds = false;
    for (let k = 0; k < block.lines.length; k++) {
      const line = block.lines[k]!;
      const previous = block.lines[k - 1];
      const ends = endsSentence(line.text);
      const afterEnd = !previous || (previousEnds && block.columnWidths[k - 1]! - previous.width >= 2 * SHORTFALL);
      // a heading sits on its section's text: a blank line after it (where blanks mean something) ends a box instead
      const onText = !(blanksMeaningful && line.blankAfter);
      if (afterEnd && onText && ends && block.columnWidths[k]! - line.width >= SHORTFALL / 3 && isParallelHeading(line.text)) clear++;
      previousEnds = ends;
    }
  }
  return clear >= RUN_IN_SET;
}

/** The column's full lines run wider than its known first lines, and line `i` is no wider than those (its
 *  whole width, a hanging stop's included: a full line's core may come out as short as a first line's). */
function isFirstLineWide(lines: readonly Line[], flow: FlowContext, i: number): boolean {
  const line = lines[i];
  const first = flow.firstWidths?.[i];
  const full = flow.fullWidths?.[i];
  return line !== undefined && first !== undefined && full !== undefined && full - first >= FIRST_LINE_SLACK && line.width <= first + FIRST_LINE_SLACK;
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
  const runInHeadings = setsRunInHeadings(state.blocks, state.blankLinesMeaningful);
  for (const block of state.blocks) {
    if (block.kind === "display") {
      // display lines keep their spaces: they part a headline's phrases and a credit's names
      units.push(unitOf(SHAPE_ROLES[block.shape], block.lines.map((line) => line.text).join(""), block.lines[0]!, block.lines[block.lines.length - 1]!, 0));
      continue;
    }
    let start = 0;
    const widths = block.columnWidths;
    const fullWidths = fullLineWidths(block.lines, widths);
    const flow = { blanksPart, blanksMeaningful: state.blankLinesMeaningful, runInHeadings, fullWidths, firstWidths: firstLineWidths(block.lines, fullWidths) };
    for (let i = 0; i < block.lines.length; i++) {
      const end = isParagraphEnd(block.lines, widths, i, i === start, flow);
      if (end.confidence < 0.75) state.decisions.push(paragraphDecision(block.lines, i, end));
      if (!end.isEnd) continue;
      // the paragraph's texts gathered in a loop (no slice of its lines and no mapped copy per paragraph)
      const texts = new Array<string>(i + 1 - start);
      for (let k = start; k <= i; k++) texts[k - start] = block.lines[k]!.text;
      const columnWidth = median(widths.slice(start, i + 1));
      units.push(unitOf("paragraph", joinLines(texts), block.lines[start]!, block.lines[i]!, columnWidth));
      start = i + 1;
    }
  }
  state.units = units;
}

function unitOf(role: Role, text: string, first: Line, last: Line, columnWidth: number): Unit {
  return { role, text, firstLine: first.number, lastLine: last.number, columnWidth, indented: first.indented };
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
