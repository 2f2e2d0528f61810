import type { DisplayShape, LayoutBlock, Line, ReflowState } from "../types.ts";
import { countMarks, endsWithPunctuation, hasSentencePunctuation, isRoleLine, isSignature, labelsTitle, markerShape, opensParenthesis } from "./shapes.ts";
import { splitRoleName } from "./bylines.ts";
import { captionWords, hasPhotoCredit } from "./captions.ts";
import { NUMBERED, opensWithDateline } from "./signals.ts";
import { characterCount, displayWidth, endsSentence } from "./text.ts";

/** Most lines of a column are full: the column is as wide as this share of them. */
const COLUMN_QUANTILE = 0.7;
/** Lines on either side that vote on a line's column width. */
const WINDOW = 8;
/** Wider than this multiple of its neighbours' median, a line is a whole paragraph on one line. */
export const LONG_LINE_RATIO = 1.6;
/** A first line is the column less its two-em indent (lost in extraction) and a little justification slack. */
const FIRST_LINE_SHORTFALL = 2.5;
/** Justified lines run at most this much (in ems) past their column. */
const WIDE_MARGIN = 1;
/** A caption says more than this many characters before its credit: fewer are the end of a wrapped one. */
const CAPTION_WORDS = 6;
/** A title over a caption is at least this much (in ems) narrower than the caption's full first line. */
const NARROWER = 1;
/** A line this much (in ems) short of the column may be a first line that lost its indent. */
const FIRST_LINE_MARGIN = 1.5;
/** A headline is at least this much wider (in ems) than the column around it… */
const HEADLINE_MARGIN = 2;
/** …or this much narrower: more than a first line, whose indent and a character pushed down by
 *  line-breaking rules (an opening quote may not end a line) make it up to three ems short. */
const SHORT_HEADLINE_MARGIN = 3.5;

/**
 * The width a column of justified text gives its lines, around each line: a high quantile of the
 * neighbours' widths (most lines of a paragraph are full), ignoring one-line paragraphs.
 */
export function localColumnWidths(widths: readonly number[]): number[] {
  // one sorted window slides down the lines (a width in, a width out per line), the line's own
  // width included and skipped when reading it: no window is gathered and sorted afresh per line
  // a plain array: a typed one this small still costs an off-heap allocation per flow of the page
  const window: number[] = [];
  let size = 0;
  const insert = (width: number) => {
    let k = size++;
    for (; k > 0 && window[k - 1]! > width; k--) window[k] = window[k - 1]!;
    window[k] = width;
  };
  const remove = (width: number) => {
    let k = 0;
    while (window[k] !== width) k++;
    for (size--; k < size; k++) window[k] = window[k + 1]!;
  };
  for (let j = 0; j < Math.min(widths.length, WINDOW); j++) insert(widths[j]!);
  const result = new Array<number>(widths.length);
  for (let i = 0; i < widths.length; i++) {
    if (i > WINDOW) remove(widths[i - WINDOW - 1]!);
    if (i + WINDOW < widths.length) insert(widths[i + WINDOW]!);
    const own = widths[i]!;
    const others = size - 1;
    if (others === 0) {
      result[i] = own;
      continue;
    }
    // the others' k-th width is the window's k-th, or the one after it from the line's own place on
    let skip = 0;
    while (window[skip] !== own) skip++;
    const middle = others >> 1;
    const limit = window[middle < skip ? middle : middle + 1]! * LONG_LINE_RATIO;
    let usual = others;
    while (usual > 1 && window[usual - 1 < skip ? usual - 1 : usual]! > limit) usual--;
    const quantile = Math.floor((usual - 1) * COLUMN_QUANTILE);
    result[i] = window[quantile < skip ? quantile : quantile + 1]!;
  }
  return result;
}

/** A test of one line's text, worked out at most once per line: several checks ask it of the same lines. */
function perLine(lines: readonly Line[], test: (text: string) => boolean): (i: number) => boolean {
  const known: number[] = new Array(lines.length).fill(0); // 0: not asked yet, 1: no, 2: yes
  return (i) => (known[i] ||= test(lines[i]!.text) ? 2 : 1) === 2;
}

/** What the headline checks ask of a page's lines: their column widths, and tests of their text. */
interface Page {
  lines: readonly Line[];
  widths: readonly number[];
  /** Ends with punctuation, carries sentence punctuation, or opens with a dateline: running text's marks. */
  endsPunctuated: (i: number) => boolean;
  punctuated: (i: number) => boolean;
  dateline: (i: number) => boolean;
}

/** Marker shapes first; a parenthesis opened and closed lines later is one wrapped note. A role and
 *  name ending in `摄` credit a photo, not a story: that line ends its caption (`本报记者 张 三 摄`). */
function markShapes(lines: readonly Line[]): (DisplayShape | undefined)[] {
  const shapes = lines.map((line) => {
    const shape = markerShape(line.text);
    return shape === "byline" && hasPhotoCredit(line.text) ? undefined : shape;
  });
  for (let i = 0; i < lines.length; i++) {
    if (shapes[i] || !opensParenthesis(lines[i]!.text)) continue;
    for (let j = i + 1; j < Math.min(lines.length, i + 3); j++) {
      const joined = lines.slice(i, j + 1).map((line) => line.text).join("");
      if (markerShape(joined) === "note") shapes.fill("note", i, j + 1);
    }
  }
  return shapes;
}

/** Runs of lines that no marker separates: where a column width can be measured. */
function segmentWidths(lines: readonly Line[], isBreak: (i: number) => boolean): number[] {
  const widths: number[] = new Array(lines.length).fill(0);
  let start = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && !isBreak(i)) continue;
    const segment = lines.slice(start, i).map((line) => line.width);
    localColumnWidths(segment).forEach((width, k) => (widths[start + k] = width));
    start = i + 1;
  }
  return widths;
}

// Signal: furniture shapes (bylines, notes, kickers, subtitles) and headlines, which end without
// punctuation and either sit on a byline, stray from the column width or stand between paragraphs.
export function blocks(state: ReflowState): void {
  const { lines } = state;
  const shapes = markShapes(lines);
  const widths = segmentWidths(lines, (i) => shapes[i] !== undefined && shapes[i] !== "name" && shapes[i] !== "kicker" && shapes[i] !== "subtitle");
  const page: Page = { lines, widths, endsPunctuated: perLine(lines, endsWithPunctuation), punctuated: perLine(lines, hasSentencePunctuation), dateline: perLine(lines, opensWithDateline) };
  // a line stands apart from running text when what comes before it is finished: a stop, a photo
  // credit closing a caption, furniture, or a line that is itself a headline standing apart
  const apart: boolean[] = [];
  lines.forEach((_, i) => {
    const previous = lines[i - 1];
    apart.push(!previous || shapes[i - 1] !== undefined || endsSentence(previous.text) || hasPhotoCredit(previous.text) || looksLikeHeadline(page, i - 1, apart[i - 1]!));
  });
  for (let i = 0; i < lines.length; i++) {
    // a dash ends or opens many a sentence: only apart from running text is it a kicker or subtitle
    if ((shapes[i] === "kicker" || shapes[i] === "name") && !apart[i] && shapes[i - 1] !== "byline") shapes[i] = undefined;
    // a short line right above a byline or deck is a title, whatever its few characters read like
    if (shapes[i] === "name" && (shapes[i + 1] === "byline" || shapes[i + 1] === "subtitle") && !isRoleLine(lines[i + 1]!.text)) shapes[i] = "headline";
    // a unit and post on a line of their own, the name under them: a byline over two lines
    if (!shapes[i] && shapes[i + 1] === "name" && isRoleLine(lines[i]!.text)) shapes[i] = "byline";
    // a role and a name printed without a space, on a line of their own
    if (!shapes[i] && apart[i] && splitRoleName(lines[i]!.text) && (i + 1 === lines.length || endsSentence(lines[i]!.text) || shapes[i + 1] !== undefined || lines[i]!.blankAfter)) shapes[i] = "byline";
    if (shapes[i] === "subtitle" && !(i > 0 && (shapes[i - 1] === "kicker" || looksLikeHeadline(page, i - 1, apart[i - 1]!)))) {
      shapes[i] = undefined;
    }
  }
  for (let i = 0; i < lines.length; i++) {
    if (!shapes[i] && isHeadline(page, shapes, i, apart[i]!, state.blankLinesMeaningful)) shapes[i] = "headline";
    // a heading too wide for its column wraps: its second line is short and carries no stop either
    if ((shapes[i] === undefined || shapes[i] === "headline") && (shapes[i + 1] === undefined || (shapes[i + 1] === "name" && NUMBERED.test(lines[i]!.text))) && apart[i] && isWrappedHeading(page, i)) shapes[i] = shapes[i + 1] = "headline";
  }
  // a title over two lines: the line printed right above a headline, apart from the text, is its first
  for (let i = lines.length - 2; i >= 0; i--) {
    if (!shapes[i] && shapes[i + 1] === "headline" && apart[i] && (!lines[i]!.blankAfter || !state.blankLinesMeaningful) && looksLikeHeadline(page, i, true)) shapes[i] = "headline";
  }
  // a few characters that are no one's name, apart from the text and not labelling a headline under
  // them, are a short headline (`标题乙`)
  for (let i = 0; i < lines.length; i++) {
    // (a label sits right on its title: a blank line between, where blanks mean something, parts them)
    const onTitle = !lines[i]!.blankAfter || !state.blankLinesMeaningful;
    const labels = shapes[i + 1] === "headline" && onTitle && labelsTitle(lines[i]!.text, lines[i + 1]!.text);
    // (under a byline it may be the byline's next line, unless a blank line parts them)
    const underByline = shapes[i - 1] === "byline" && (!lines[i - 1]!.blankAfter || !state.blankLinesMeaningful);
    if (shapes[i] === "name" && !isSignature(lines[i]!.text) && !labels && !underByline) shapes[i] = "headline";
    // a word that is no one's name between a byline (its role and name on two lines, perhaps) and a longer
    // title labels the title (`观察`): the byline's next line would be a name
    const afterByline = shapes[i - 1] === "byline" || (shapes[i - 1] === "name" && shapes[i - 2] === "byline");
    if (shapes[i] === "name" && !isSignature(lines[i]!.text) && labels && afterByline) shapes[i] = "kicker";
  }
  state.blocks = groupBlocks(lines, shapes);
}

/** Spread by justification to fill the column, evenly; a spread line well short of it, or with a wide gap
 *  in it (a letter-spaced title beside another), is letter-spaced (`织 得 更 密`), as titles are. */
function isJustified(line: Line, columnWidth: number): boolean {
  return line.spread && line.gaps.length === 0 && line.core >= columnWidth - SHORT_HEADLINE_MARGIN;
}

/** Two phrases set apart by a space (`凝心铸魂固根基 打造…`): how headlines are written, not sentences. */
function hasPhraseGap(line: Line): boolean {
  return !line.spread && /[\p{Script=Han}”」』）)] [\p{Script=Han}“「『（(]/u.test(line.text);
}

/** A heading over two lines: no punctuation on either, numbered or as wide as the column, the second short. */
function isWrappedHeading({ lines, widths, punctuated }: Page, i: number): boolean {
  const [line, next] = [lines[i]!, lines[i + 1]];
  // a heading may name its theme before a colon (`一、组织维度：筑牢…`), but carries no other stop
  if (!next || /[，。、；！？,.;!?]/u.test(line.text.replace(NUMBERED, "")) || /[，。、；：！？,;:!?]/u.test(next.text)) return false;
  if (punctuated(i) || punctuated(i + 1)) return false;
  if (line.spread || next.spread || !(NUMBERED.test(line.text) || line.width >= widths[i]! - 1)) return false;
  return next.width <= widths[i]! - SHORT_HEADLINE_MARGIN;
}

/** A line that could be a headline by itself: no punctuation, and apart from the column's text. */
function looksLikeHeadline(page: Page, i: number, standsAlone: boolean): boolean {
  const line = page.lines[i]!;
  if (page.endsPunctuated(i) || page.punctuated(i) || isJustified(line, page.widths[i]!) || page.dateline(i)) return false;
  return standsAlone || Math.abs(line.width - page.widths[i]!) > HEADLINE_MARGIN;
}

function isHeadline(page: Page, shapes: readonly (DisplayShape | undefined)[], i: number, standsAlone: boolean, blanksMeaningful: boolean): boolean {
  const { lines, widths, endsPunctuated, punctuated, dateline } = page;
  const line = lines[i]!;
  // a title may ask or exclaim (`为什么要…？`), never trail off in a comma or a full stop, nor close a
  // parenthesis it did not open (the end of a wrapped credit, `生 摄）`)
  if (endsPunctuated(i) && !/[？！?!]$/u.test(line.text)) return false;
  if (countMarks(line.text, "）)") > countMarks(line.text, "（(")) return false;
  // a caption wrapped over two lines: its first line has no stop, the next one only a few words before the credit
  const nextWords = lines[i + 1] ? captionWords(lines[i + 1]!.text) : undefined;
  if (nextWords !== undefined && characterCount(nextWords.replace(/\s/gu, "")) < CAPTION_WORDS) return false;
  const before = shapes[i - 1];
  const after = shapes[i + 1];
  if (after === "byline" || after === "subtitle" || before === "kicker") return true;
  // under a column label, or right above a dateline that opens its story's text (letter-spaced or not)
  const label = before === "name" && !isSignature(lines[i - 1]!.text) && (!lines[i - 1]!.blankAfter || !blanksMeaningful);
  if (!punctuated(i) && (label || (lines[i + 1] && opensWithDateline(lines[i + 1]!.text.replace(/ /gu, ""))))) return true;
  const columnWidth = widths[i]!;
  // letter-spaced apart from the text, over a line that opens a paragraph (short of its column and of the
  // line under it, and going on): justified text would go on in a full line, so this one stands alone
  const next = lines[i + 1];
  const nextOpens = next !== undefined && !endsSentence(next.text) && widths[i + 1]! - next.core >= FIRST_LINE_MARGIN;
  const afterNext = lines[i + 2];
  const spacedOut = line.spread && line.text.split(" ").every((piece) => characterCount(piece) === 1);
  if (spacedOut && standsAlone && nextOpens && afterNext !== undefined && afterNext.width - next.core >= FIRST_LINE_MARGIN && !punctuated(i)) return true;
  if (endsPunctuated(i) || punctuated(i) || isJustified(line, columnWidth) || dateline(i)) return false;
  // letter-spaced, not justified: a title stands apart from what follows (a blank line, a byline…), or
  // is the second line of the title above it
  if (line.spread) return !blanksMeaningful || line.blankAfter || shapes[i + 1] !== undefined || i + 1 === lines.length || hasPhotoCredit(lines[i + 1]!.text) || before === "headline";
  // wider than the column around it, unless the text under it runs as wide: a wider column's first line,
  // where the neighbours measured are a narrow column's
  const under = lines[i + 1];
  const widerColumn = under !== undefined && !under.spread && under.width >= line.width && under.width <= line.width + HEADLINE_MARGIN && !endsSentence(under.text);
  // (or the line before broke off mid-sentence, at a comma, with no blank line after it: this one goes on with it)
  const previous = lines[i - 1];
  const goesOn = previous !== undefined && !previous.blankAfter && /[，、；：,;:]$/u.test(previous.text);
  if (line.width > columnWidth + HEADLINE_MARGIN && !widerColumn && !goesOn) return true;
  if (!standsAlone) return false;
  // apart on both sides (a blank line after it), with a photo's caption under it (its credit ends the next
  // line or the one after): a photo story's title, unless a caption ends right above (captions come in
  // series: this may be the next one's first line, broken at a column's end)
  const captionUnder = under !== undefined && (hasPhotoCredit(under.text) || hasPhotoCredit(lines[i + 2]?.text ?? "", under.text));
  const afterCaption = i > 0 && hasPhotoCredit(lines[i - 1]!.text);
  if (blanksMeaningful && line.blankAfter && !afterCaption && captionUnder) return true;
  // (or right on a caption of two lines whose first runs wider than this one: a caption's own first line
  // fills the column as the one under it does)
  const wrappedUnder = under !== undefined && !hasPhotoCredit(under.text) && hasPhotoCredit(lines[i + 2]?.text ?? "", under.text);
  if (wrappedUnder && !afterCaption && under.width - line.width >= NARROWER) return true;
  // apart on both sides and wider than justified text ever runs: a title a little wider than its column
  if (blanksMeaningful && line.blankAfter && line.width > columnWidth + WIDE_MARGIN) return true;
  // after a blank line or furniture, with no stop: running text would go on in a full line, so a next line
  // that starts short (a first line, its indent lost) and goes on opens the text under a title as wide as the column
  // the next line is a whole paragraph or caption on one long line (ending in its stop or credit): this one,
  // with no stop, does not run on into it
  // (or the page's credits follow: no text runs on into them)
  if (next && !next.spread && next.width > widths[i + 1]! * LONG_LINE_RATIO && (endsSentence(next.text) || hasPhotoCredit(next.text))) return true;
  if (shapes[i + 1] === "folio") return true;
  if ((i === 0 || line.blankBefore || before !== undefined) && nextOpens) return true;
  // shorter than even a first line that lost its indent, and no stop at its end: not running text
  // (unless the next line opens with a quote or bracket, which may not end a line: pushed down, it left this one short)
  const pushedDown = /^[“‘（《「『]/u.test(lines[i + 1]?.text ?? "");
  const short = line.width < columnWidth - (pushedDown || /[，。、；：“”《》（）]/u.test(line.text) ? SHORT_HEADLINE_MARGIN : FIRST_LINE_SHORTFALL);
  return short || hasPhraseGap(line) || NUMBERED.test(line.text);
}

function groupBlocks(lines: readonly Line[], shapes: readonly (DisplayShape | undefined)[]): LayoutBlock[] {
  const result: LayoutBlock[] = [];
  let flow: Line[] = [];
  const closeFlow = () => {
    if (flow.length === 0) return;
    result.push({ kind: "flow", lines: flow, columnWidths: localColumnWidths(flow.map((line) => line.width)) });
    flow = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const shape = shapes[i];
    if (!shape) {
      flow.push(lines[i]!);
      continue;
    }
    closeFlow();
    if (shape === "headline") {
      for (const piece of sideBySide(lines[i]!)) result.push({ kind: "display", lines: [piece], shape });
      continue;
    }
    const previous = result[result.length - 1];
    // a wrapped note continues its display block
    if (shape === "note" && shapes[i - 1] === "note" && previous?.kind === "display" && !endsClosed(previous.lines)) {
      previous.lines.push(lines[i]!);
    } else {
      result.push({ kind: "display", lines: [lines[i]!], shape });
    }
  }
  closeFlow();
  return result;
}

/**
 * Two headlines of neighbouring columns on one extracted line: parted by a wide gap, or a
 * letter-spaced one (`中 国 海 油 召 开`) beside a set one. Each piece keeps the line's number.
 */
export function sideBySide(line: Line): Line[] {
  const cuts = line.gaps.length > 0 ? line.gaps : letterSpacedSeam(line.text);
  if (cuts.length === 0) return [line];
  const pieces = [0, ...cuts].map((start, k) => line.text.slice(start, cuts[k] ?? line.text.length).trim());
  if (pieces.some((piece) => [...piece.replace(/ /gu, "")].length < 2)) return [line];
  return pieces.map((text) => ({ ...line, text, width: displayWidth(text), core: displayWidth(text), gaps: [] }));
}

/** Where a run of four or more single characters starts after, or ends before, a phrase of three or more. */
function letterSpacedSeam(text: string): number[] {
  const tokens = text.split(" ");
  const single = tokens.map((token) => characterCount(token) === 1);
  let offset = 0;
  for (let k = 1; k < tokens.length; k++) {
    offset += tokens[k - 1]!.length + 1;
    const runAfter = single.slice(k).every(Boolean) && tokens.length - k >= 4;
    const runBefore = single.slice(0, k).every(Boolean) && k >= 4;
    if ((runAfter && [...tokens[k - 1]!].length >= 3) || (runBefore && [...tokens[k]!].length >= 3)) return [offset - 1];
  }
  return [];
}

function endsClosed(lines: readonly Line[]): boolean {
  return /[）)]$/u.test(lines[lines.length - 1]!.text);
}
